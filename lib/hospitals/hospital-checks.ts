import type { CommandActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/decide";
import type { Tx } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";

export async function assertDirectoryRegion(tx: Tx, actor: CommandActor, regionCode: string) {
  const region = await tx.region.findUnique({ where: { code: regionCode }, select: { code: true, path: true } });
  if (!region) throw new NotFoundError({ action: "hospital:manage", entity: "region", entityId: regionCode });
  assertCan(actor, "hospital:manage", { entity: "region", id: region.code, regionPath: region.path });
}

export async function assertCodeFree(tx: Tx, code: string, exceptId: string | null) {
  const holder = await tx.hospital.findUnique({ where: { code }, select: { id: true } });
  if (holder && holder.id !== exceptId) throw new ValidationError([{ path: ["code"], message: "validation.hospitalCodeTaken" }]);
}
