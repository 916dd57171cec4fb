import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { nameInitials } from "@/lib/people/name-initials";
import { assertIdNumberFree, assertPersonRegion } from "@/lib/people/person-region";
import { personSnapshot } from "@/lib/people/person-audit";
import { findPossibleDuplicates, PossibleDuplicateError } from "@/lib/people/possible-duplicates";
import { createPersonSchema } from "@/lib/people/person.schema";

// A township clerk registers a person of their township; birth date and sex come from the number.
// A record of the same name, birth date and township is shown first and registered beside only
// when the clerk confirms it is someone else.
export const createPerson = defineCommand({ permission: "person:create", schema: createPersonSchema }, async (tx, input, { actor, requestId }) => {
  await assertPersonRegion(tx, actor, "person:create", "region", input.regionCode);
  await assertIdNumberFree(tx, input.idNumber.idNumber, null);
  const birthDate = new Date(`${input.idNumber.birthDate}T00:00:00Z`);
  const duplicates = await findPossibleDuplicates(tx, { name: input.name, birthDate, regionCode: input.regionCode });
  if (duplicates.length > 0 && !input.confirmDuplicate) throw new PossibleDuplicateError(duplicates);
  const created = await tx.person.create({
    data: {
      idNumber: input.idNumber.idNumber,
      birthDate,
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
  await writeAudit(tx, actor, { action: "person.create", entityId: created.id, regionCode: created.regionCode, after: { ...personSnapshot(created), ...(duplicates.length > 0 ? { possibleDuplicates: duplicates.map((d) => d.id) } : {}) } }, requestId);
  return { id: created.id };
});
