import { assertCan } from "@/lib/auth/decide";
import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { nameInitials } from "@/lib/people/name-initials";
import { assertIdNumberFree, assertPersonRegion } from "@/lib/people/person-region";
import { personSnapshot } from "@/lib/people/person-audit";
import { updatePersonSchema } from "@/lib/people/person.schema";

const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

// Corrections and life events (death, moving out) of a person of the actor's region. A person
// moved to another township must still lie in the actor's region: a clerk cannot hand a record
// to a township they do not serve.
export const updatePerson = defineCommand({ permission: "person:update", schema: updatePersonSchema }, async (tx, input, { actor, requestId }) => {
  const before = await tx.person.findUnique({ where: { id: input.id }, include: { region: { select: { path: true } } } });
  if (!before) throw new NotFoundError({ action: "person:update", entity: "person", entityId: input.id });
  assertCan(actor, "person:update", { entity: "person", id: before.id, regionPath: before.region.path });
  if (input.regionCode !== before.regionCode) await assertPersonRegion(tx, actor, "person:update", "person", input.regionCode);
  if (input.idNumber) await assertIdNumberFree(tx, input.idNumber.idNumber, before.id);
  const written = { nameInitials: nameInitials(input.name) };
  const data = {
    ...(input.idNumber
      ? { idNumber: input.idNumber.idNumber, birthDate: new Date(`${input.idNumber.birthDate}T00:00:00Z`), sex: input.idNumber.sex }
      : { idNumber: before.idNumber, birthDate: before.birthDate, sex: before.sex }),
    name: input.name,
    regionCode: input.regionCode,
    ruralHukou: input.ruralHukou,
    hukouProvince: input.hukouProvince,
    phone: input.phone,
    bankAccount: input.bankAccount,
    diedOn: day(input.diedOn),
    movedOutOn: day(input.movedOutOn),
  };
  // Optimistic lock: two clerks editing the same person cannot both win.
  const { count } = await tx.person.updateMany({ where: { id: before.id, version: input.version }, data: { ...data, ...written, version: { increment: 1 } } });
  if (count !== 1) throw new ConflictError();
  await writeAudit(tx, actor, { action: "person.update", entityId: before.id, regionCode: data.regionCode, before: personSnapshot(before), after: personSnapshot(data) }, requestId);
  return { id: before.id };
});
