import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { nameInitials } from "@/lib/people/name-initials";
import { assertIdNumberFree, assertPersonRegion } from "@/lib/people/person-region";
import { personSnapshot } from "@/lib/people/person-audit";
import { createPersonSchema } from "@/lib/people/person.schema";

// A township clerk registers a person of their township; birth date and sex come from the number.
export const createPerson = defineCommand({ permission: "person:create", schema: createPersonSchema }, async (tx, input, { actor, requestId }) => {
  await assertPersonRegion(tx, actor, "person:create", "region", input.regionCode);
  await assertIdNumberFree(tx, input.idNumber.idNumber, null);
  const created = await tx.person.create({
    data: {
      idNumber: input.idNumber.idNumber,
      birthDate: new Date(`${input.idNumber.birthDate}T00:00:00Z`),
      sex: input.idNumber.sex,
      name: input.name,
      nameInitials: nameInitials(input.name),
      regionCode: input.regionCode,
      ruralHukou: input.ruralHukou,
      hukouProvince: input.hukouProvince,
      phone: input.phone,
      bankAccount: input.bankAccount,
    },
  });
  await writeAudit(tx, actor, { action: "person.create", entityId: created.id, regionCode: created.regionCode, after: personSnapshot(created) }, requestId);
  return { id: created.id };
});
