import { z } from "zod";
import { assertCan } from "@/lib/auth/decide";
import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { DomainError, NotFoundError } from "@/lib/errors";
import { cleanText } from "@/lib/text-input";

export const mergePeopleSchema = z
  .object({
    keepId: z.uuid({ message: "validation.invalid" }),
    mergeId: z.uuid({ message: "validation.invalid" }),
    reason: z.string({ message: "validation.mergeReason" }).trim().min(4, { message: "validation.mergeReason" }).pipe(cleanText(200)),
  })
  .refine((v) => v.keepId !== v.mergeId, { path: ["mergeId"], message: "validation.mergeSame" });

/** Row ids per table moved by a merge: what its audit row keeps so that the merge can be undone. */
export type MergedRows = { claims: string[]; cases: string[]; identities: string[]; enrolments: string[]; conditions: string[]; family: string[]; servicemen: string[]; proposals: string[] };

/**
 * The county merges a duplicate into the record it keeps: claims, cases, identity, enrolment and
 * condition periods, identity proposals and the duplicate's serviceman record move to the kept
 * record (when the kept one has a serviceman record already, the family links move to it instead); the duplicate stays, marked merged,
 * with its own audit history. The audit row lists every moved row by id, so the merge can be
 * reversed from it. A duplicate that has been paid (a payout, a ledger) is refused: its payment
 * sequence and balance cannot be spliced into another person's.
 */
export const mergePeople = defineCommand({ permission: "person:merge", schema: mergePeopleSchema }, async (tx, input, { actor, requestId }) => {
  const [keep, merge] = await Promise.all(
    [input.keepId, input.mergeId].map((id) =>
      tx.person.findUnique({ where: { id }, select: { id: true, regionCode: true, mergedIntoId: true, region: { select: { path: true } }, ledger: { select: { personId: true } }, _count: { select: { payouts: true } } } }),
    ),
  );
  for (const [row, id] of [[keep, input.keepId], [merge, input.mergeId]] as const) {
    if (!row) throw new NotFoundError({ action: "person:merge", entity: "person", entityId: id });
    assertCan(actor, "person:merge", { entity: "person", id: row.id, regionPath: row.region.path });
  }
  if (!keep || !merge) throw new Error("unreachable: both checked above");
  if (keep.mergedIntoId || merge.mergedIntoId) throw new DomainError("people.alreadyMerged");
  if (merge._count.payouts > 0 || merge.ledger) throw new DomainError("people.mergePaid");

  const ids = async (rows: Promise<{ id: string }[]>) => (await rows).map((r) => r.id);
  const [keepRecord, mergeRecord] = await Promise.all([keep.id, merge.id].map((personId) => tx.serviceman.findUnique({ where: { personId }, select: { id: true } })));
  const moved: MergedRows = {
    claims: await ids(tx.claim.findMany({ where: { personId: merge.id }, select: { id: true }, orderBy: { id: "asc" } })),
    cases: await ids(tx.case.findMany({ where: { personId: merge.id }, select: { id: true }, orderBy: { id: "asc" } })),
    identities: await ids(tx.personIdentity.findMany({ where: { personId: merge.id }, select: { id: true }, orderBy: { id: "asc" } })),
    enrolments: await ids(tx.insuranceEnrollment.findMany({ where: { personId: merge.id }, select: { id: true }, orderBy: { id: "asc" } })),
    conditions: await ids(tx.personCondition.findMany({ where: { personId: merge.id }, select: { id: true }, orderBy: { id: "asc" } })),
    // The duplicate's record stays behind (pointing at the duplicate) when its family moves.
    family: keepRecord && mergeRecord ? await ids(tx.person.findMany({ where: { servicemanId: mergeRecord.id }, select: { id: true }, orderBy: { id: "asc" } })) : [],
    servicemen: !keepRecord && mergeRecord ? [mergeRecord.id] : [],
    proposals: await ids(tx.identityProposal.findMany({ where: { personId: merge.id }, select: { id: true }, orderBy: { id: "asc" } })),
  };
  await tx.claim.updateMany({ where: { id: { in: moved.claims } }, data: { personId: keep.id } });
  await tx.case.updateMany({ where: { id: { in: moved.cases } }, data: { personId: keep.id } });
  await tx.personIdentity.updateMany({ where: { id: { in: moved.identities } }, data: { personId: keep.id } });
  await tx.insuranceEnrollment.updateMany({ where: { id: { in: moved.enrolments } }, data: { personId: keep.id } });
  await tx.personCondition.updateMany({ where: { id: { in: moved.conditions } }, data: { personId: keep.id } });
  if (keepRecord) await tx.person.updateMany({ where: { id: { in: moved.family } }, data: { servicemanId: keepRecord.id } });
  await tx.serviceman.updateMany({ where: { id: { in: moved.servicemen } }, data: { personId: keep.id, version: { increment: 1 } } });
  await tx.identityProposal.updateMany({ where: { id: { in: moved.proposals } }, data: { personId: keep.id } });
  await tx.person.update({ where: { id: merge.id }, data: { mergedIntoId: keep.id, mergedAt: new Date(), version: { increment: 1 } } });
  await writeAudit(tx, actor, { action: "person.merge", entityId: merge.id, regionCode: merge.regionCode, before: { mergedIntoId: null }, after: { mergedIntoId: keep.id, reason: input.reason, moved } }, requestId);
  // The kept record's history shows the merge too.
  await writeAudit(tx, actor, { action: "person.mergeKeep", entityId: keep.id, regionCode: keep.regionCode, after: { mergedId: merge.id, reason: input.reason } }, requestId);
  return { keepId: keep.id, mergeId: merge.id, moved };
});
