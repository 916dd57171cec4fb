import { assertCan } from "@/lib/auth/decide";
import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { NotFoundError } from "@/lib/errors";
import { hospitalSnapshot } from "@/lib/hospitals/hospital-audit";
import { assertCodeFree, assertDirectoryRegion } from "@/lib/hospitals/hospital-checks";
import { updateHospitalSchema } from "@/lib/hospitals/hospital.schema";

// A correction of a directory entry; bills already computed keep the receipt of what they read.
export const updateHospital = defineCommand({ permission: "hospital:manage", schema: updateHospitalSchema }, async (tx, input, { actor, requestId }) => {
  const before = await tx.hospital.findUnique({ where: { id: input.id }, include: { region: { select: { path: true } } } });
  if (!before) throw new NotFoundError({ action: "hospital:manage", entity: "hospital", entityId: input.id });
  assertCan(actor, "hospital:manage", { entity: "hospital", id: before.id, regionPath: before.region.path });
  if (input.regionCode !== before.regionCode) await assertDirectoryRegion(tx, actor, input.regionCode);
  await assertCodeFree(tx, input.code, before.id);
  const { id, ...data } = input;
  const after = await tx.hospital.update({ where: { id }, data });
  await writeAudit(tx, actor, { action: "hospital.update", entityId: id, regionCode: after.regionCode, before: hospitalSnapshot(before), after: hospitalSnapshot(after) }, requestId);
  return { id };
});
