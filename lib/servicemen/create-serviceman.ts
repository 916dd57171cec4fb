import { assertCan } from "@/lib/auth/decide";
import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { NotFoundError } from "@/lib/errors";
import { loadFamilyMember } from "@/lib/servicemen/family-member";
import { familyLink, servicemanSnapshot } from "@/lib/servicemen/serviceman-audit";
import { createServicemanSchema } from "@/lib/servicemen/serviceman.schema";

const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

// 退役军人事务局 records a serviceman who is on no register (a martyr, one who died on duty or of
// illness, a veteran of elsewhere), kept by its county; from a family member's page it links the
// member to him in the same transaction.
export const createServiceman = defineCommand({ permission: "serviceman:manage", schema: createServicemanSchema }, async (tx, input, { actor, requestId }) => {
  const county = await tx.region.findUnique({ where: { code: actor.regionCode }, select: { code: true, path: true } });
  if (!county) throw new NotFoundError({ action: "serviceman:manage", entity: "region", entityId: actor.regionCode });
  assertCan(actor, "serviceman:manage", { entity: "region", id: county.code, regionPath: county.path });
  const member = input.familyId ? await loadFamilyMember(tx, actor, input.familyId) : null;
  const created = await tx.serviceman.create({
    data: { name: input.name, kind: input.kind, diedOn: day(input.diedOn), certificate: input.certificate, hukouProvince: input.hukouProvince, regionCode: county.code },
  });
  await writeAudit(tx, actor, { action: "serviceman.create", entityId: created.id, regionCode: county.code, after: servicemanSnapshot(created) }, requestId);
  if (member && input.relationToServiceman) {
    await tx.person.update({ where: { id: member.id }, data: { servicemanId: created.id, relationToServiceman: input.relationToServiceman, version: { increment: 1 } } });
    await writeAudit(
      tx,
      actor,
      { action: "serviceman.link", entityId: member.id, regionCode: member.regionCode, before: familyLink(member), after: { servicemanId: created.id, relationToServiceman: input.relationToServiceman } },
      requestId,
    );
  }
  return { servicemanId: created.id, familyId: member?.id ?? null };
});
