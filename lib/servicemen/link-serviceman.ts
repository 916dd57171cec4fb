import { decide } from "@/lib/auth/decide";
import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { ValidationError } from "@/lib/errors";
import { loadFamilyMember, loadServiceman } from "@/lib/servicemen/family-member";
import { familyLink, servicemanSnapshot } from "@/lib/servicemen/serviceman-audit";
import { linkServicemanSchema } from "@/lib/servicemen/serviceman.schema";

// 退役军人事务局 links a family member to their serviceman: a record of the county (a martyr on no
// register), or a serviceman on the register named by his ID number, whose record is made the
// first time a family member is linked to him. A link replaces the one before (audited both ways).
export const linkServiceman = defineCommand({ permission: "serviceman:manage", schema: linkServicemanSchema }, async (tx, input, { actor, requestId }) => {
  const member = await loadFamilyMember(tx, actor, input.personId);
  let servicemanId: string;
  if (input.servicemanId) {
    const record = await loadServiceman(tx, actor, input.servicemanId);
    if (record.personId === member.id) throw new ValidationError([{ path: ["servicemanId"], message: "validation.servicemanSelf" }]);
    servicemanId = record.id;
  } else {
    const idNumber = input.servicemanIdNumber?.idNumber ?? "";
    // One out of reach reads like one not registered: numbers of other counties cannot be probed.
    const person = await tx.person.findUnique({ where: { idNumber }, include: { region: { select: { path: true } } } });
    if (!person || person.mergedIntoId || !decide(actor, "serviceman:manage", { entity: "person", id: person.id, regionPath: person.region.path }).ok) {
      throw new ValidationError([{ path: ["servicemanIdNumber"], message: "validation.servicemanNotFound" }]);
    }
    if (person.id === member.id) throw new ValidationError([{ path: ["servicemanIdNumber"], message: "validation.servicemanSelf" }]);
    const existing = await tx.serviceman.findUnique({ where: { personId: person.id }, select: { id: true } });
    if (existing) servicemanId = existing.id;
    else {
      // A veteran until the bureau records otherwise on his record's page.
      const created = await tx.serviceman.create({ data: { personId: person.id, kind: "VETERAN", regionCode: actor.regionCode } });
      await writeAudit(tx, actor, { action: "serviceman.create", entityId: created.id, regionCode: created.regionCode, after: servicemanSnapshot(created) }, requestId);
      servicemanId = created.id;
    }
  }
  const after = { servicemanId, relationToServiceman: input.relationToServiceman };
  if (member.servicemanId === after.servicemanId && member.relationToServiceman === after.relationToServiceman) return { personId: member.id, servicemanId };
  await tx.person.update({ where: { id: member.id }, data: { ...after, version: { increment: 1 } } });
  await writeAudit(tx, actor, { action: "serviceman.link", entityId: member.id, regionCode: member.regionCode, before: familyLink(member), after }, requestId);
  return { personId: member.id, servicemanId };
});
