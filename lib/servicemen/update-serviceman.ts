import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { ConflictError, ValidationError } from "@/lib/errors";
import { loadServiceman } from "@/lib/servicemen/family-member";
import { servicemanSnapshot } from "@/lib/servicemen/serviceman-audit";
import { updateServicemanSchema } from "@/lib/servicemen/serviceman.schema";

const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

// Corrections to a serviceman record. The province decides his family's pharmacy card, so it is
// audited before and after like everything else; for one on the register the person record gives
// name and province, and the form does not ask for them.
export const updateServiceman = defineCommand({ permission: "serviceman:manage", schema: updateServicemanSchema }, async (tx, input, { actor, requestId }) => {
  const before = await loadServiceman(tx, actor, input.servicemanId);
  const onRegister = before.personId !== null;
  if (!onRegister) {
    const issues = [
      ...(input.name === null ? [{ path: ["name"], message: "validation.servicemanName" }] : []),
      ...(input.hukouProvince === null ? [{ path: ["hukouProvince"], message: "validation.province" }] : []),
    ];
    if (issues.length > 0) throw new ValidationError(issues);
  }
  const data = {
    name: onRegister ? before.name : input.name,
    hukouProvince: onRegister ? before.hukouProvince : input.hukouProvince,
    kind: input.kind,
    diedOn: day(input.diedOn),
    certificate: input.certificate,
  };
  const { count } = await tx.serviceman.updateMany({ where: { id: before.id, version: input.version }, data: { ...data, version: { increment: 1 } } });
  if (count !== 1) throw new ConflictError();
  await writeAudit(
    tx,
    actor,
    { action: "serviceman.update", entityId: before.id, regionCode: before.regionCode, before: servicemanSnapshot(before), after: servicemanSnapshot({ ...data, personId: before.personId }) },
    requestId,
  );
  return { servicemanId: before.id };
});
