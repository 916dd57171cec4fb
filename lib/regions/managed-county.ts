import type { CommandActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/decide";
import type { Tx } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";

/**
 * The county a region:manage command acts on, locked for the rest of the transaction so that two
 * administrators' changes to one tree run one after the other. An unknown code is the same "not
 * found" as another county's.
 */
export async function lockManagedCounty(tx: Tx, actor: CommandActor, code: string) {
  const locked = await tx.$queryRaw<{ code: string }[]>`SELECT code FROM region WHERE code = ${code} FOR UPDATE`;
  const county = locked.length > 0 ? await tx.region.findUnique({ where: { code }, select: { code: true, name: true, path: true, level: true, jurisdiction: true } }) : null;
  if (!county) throw new NotFoundError({ action: "region:manage", entity: "region", entityId: code });
  assertCan(actor, "region:manage", { entity: "region", id: county.code, regionPath: county.path });
  if (county.level !== "COUNTY") throw new ValidationError([{ path: ["countyCode"], message: "validation.notCountyRegion" }]);
  return county;
}
