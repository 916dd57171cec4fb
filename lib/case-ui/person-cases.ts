import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { regionWhere } from "@/lib/regions/scope";

// The person page's list of the person's applications (lib/cases/ has no per-person query; this
// reads the same rows the worklist does, kept to the actor's region).
export async function personCases(db: Db, actor: Actor, personId: string) {
  return db.case.findMany({
    where: { personId, region: regionWhere(actor) },
    select: { id: true, number: true, kind: true, state: true, receivedOn: true, updatedAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
}
