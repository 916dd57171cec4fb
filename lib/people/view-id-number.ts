import { z } from "zod";
import { assertCan } from "@/lib/auth/decide";
import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format";

export const viewIdNumberSchema = z.object({ id: z.uuid({ message: "validation.invalid" }) });

/**
 * The full ID number (and with it the birth date) of one person, on demand: every showing is
 * audited with who asked, when and whose (PIPL Art. 51; docs/decisions/013). Lists and the person
 * page show only the masked number and the age.
 */
export const viewIdNumber = defineCommand({ permission: "person:view-id", schema: viewIdNumberSchema }, async (tx, input, { actor, requestId }) => {
  const person = await tx.person.findUnique({ where: { id: input.id }, select: { id: true, idNumber: true, birthDate: true, regionCode: true, region: { select: { path: true } } } });
  if (!person) throw new NotFoundError({ action: "person:view-id", entity: "person", entityId: input.id });
  assertCan(actor, "person:view-id", { entity: "person", id: person.id, regionPath: person.region.path });
  await writeAudit(tx, actor, { action: "person.viewIdNumber", entityId: person.id, regionCode: person.regionCode }, requestId);
  return { idNumber: person.idNumber, birthDate: formatDate(person.birthDate) };
});
