import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { hospitalSnapshot } from "@/lib/hospitals/hospital-audit";
import { assertCodeFree, assertDirectoryRegion } from "@/lib/hospitals/hospital-checks";
import { createHospitalSchema } from "@/lib/hospitals/hospital.schema";

// The administrator keeps the county's hospital directory, which bills pick from and the rules
// read (level, price class, run by, public, province, card-designated).
export const createHospital = defineCommand({ permission: "hospital:manage", schema: createHospitalSchema }, async (tx, input, { actor, requestId }) => {
  await assertDirectoryRegion(tx, actor, input.regionCode);
  await assertCodeFree(tx, input.code, null);
  const created = await tx.hospital.create({ data: input });
  await writeAudit(tx, actor, { action: "hospital.create", entityId: created.id, regionCode: created.regionCode, after: hospitalSnapshot(created) }, requestId);
  return { id: created.id };
});
