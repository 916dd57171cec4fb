import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { DomainError } from "@/lib/errors";
import { loadFamilyMember } from "@/lib/servicemen/family-member";
import { familyLink } from "@/lib/servicemen/serviceman-audit";
import { unlinkServicemanSchema } from "@/lib/servicemen/serviceman.schema";

// A link recorded in error is removed (the relation with it); the serviceman's record stays.
export const unlinkServiceman = defineCommand({ permission: "serviceman:manage", schema: unlinkServicemanSchema }, async (tx, input, { actor, requestId }) => {
  const member = await loadFamilyMember(tx, actor, input.personId);
  if (!member.servicemanId && !member.relationToServiceman) throw new DomainError("servicemen.notLinked");
  await tx.person.update({ where: { id: member.id }, data: { servicemanId: null, relationToServiceman: null, version: { increment: 1 } } });
  await writeAudit(tx, actor, { action: "serviceman.unlink", entityId: member.id, regionCode: member.regionCode, before: familyLink(member), after: { servicemanId: null, relationToServiceman: null } }, requestId);
  return { personId: member.id };
});
