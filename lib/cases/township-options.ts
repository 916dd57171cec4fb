import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { regionWhere } from "@/lib/regions/scope";

// The townships an actor may filter the worklist and the 公示 list by: those in their region.
export async function townshipOptions(db: Db, actor: Actor): Promise<{ code: string; name: string }[]> {
  return db.region.findMany({ where: { level: "TOWNSHIP", ...regionWhere(actor) }, select: { code: true, name: true }, orderBy: { code: "asc" } });
}
