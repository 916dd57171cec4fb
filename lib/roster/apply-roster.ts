// Applying a confirmed list to the registry: ONE transaction of a few set-based statements over the
// list's stored entries (roster_entry), so that 100,000 rows apply in seconds and a failure
// anywhere (a crash, a killed worker, a registry that moved) leaves nothing of the list applied.
// The roster-apply job (lib/jobs/roster-apply.ts) runs both commands of this file, with its system
// actor, in that one transaction.
import { z } from "zod";
import { assertCan } from "@/lib/auth/decide";
import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import type { Tx } from "@/lib/db";
import { DomainError, NotFoundError, StateError } from "@/lib/errors";
import { ROSTER_APPLY } from "@/lib/jobs/job-runs";
import { EXCLUSIVE_GROUPS } from "@/lib/roster/roster-categories";
import { putFile } from "@/lib/storage/file-store";

const iso = (d: Date) => d.toISOString().slice(0, 10);
const CERTIFICATE_MAX_BYTES = 200 * 1024 * 1024;

/** The province of household registration new people get: their county's jurisdiction's (CN-SX-YQ → SX). */
export async function hukouProvinceOf(tx: Tx, countyPath: string): Promise<string | null> {
  const codes = countyPath.split("/");
  const regions = await tx.region.findMany({ where: { code: { in: codes }, jurisdiction: { not: null } }, select: { path: true, jurisdiction: true } });
  const nearest = regions.sort((a, b) => b.path.length - a.path.length)[0];
  return nearest?.jurisdiction?.split("-")[1] ?? null;
}

/** "SUBSISTENCE>EXTREME_POVERTY": holding the second, a person is not added to the first but changed to it. */
const RIVAL_PAIRS = EXCLUSIVE_GROUPS.flatMap((group) => group.flatMap((type) => group.filter((other) => other !== type).map((other) => `${type}>${other}`)));

/**
 * The entries the registry no longer agrees with: every condition the comparison (lib/roster/
 * roster-diff.ts) read from the registry, asked again of the registry as it is now. A person
 * registered, renamed or moved out of the county since; an identity to end that is no longer open;
 * one to start that is held already, or a rival of it (then it would be a change).
 */
export async function countStaleEntries(tx: Tx, batchId: string, countyPath: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ stale: number }[]>`
    SELECT count(*)::int AS stale
    FROM roster_entry e
    LEFT JOIN person p ON p.id_number = e.id_number
    LEFT JOIN region r ON r.code = p.region_code
    WHERE e.batch_id = ${batchId}::uuid AND CASE
      WHEN e.person_id IS NULL THEN p.id IS NOT NULL
      ELSE p.id IS NULL OR p.id <> e.person_id OR p.name <> e.name OR r.path NOT LIKE ${`${countyPath}/%`}
        OR (e.kind = 'REMOVED' AND NOT EXISTS (SELECT 1 FROM person_identity i WHERE i.person_id = p.id AND i.type = e.category AND i.valid_to IS NULL))
        OR (e.kind = 'CHANGED' AND (
          NOT EXISTS (SELECT 1 FROM person_identity i WHERE i.person_id = p.id AND i.type = e.previous AND i.valid_to IS NULL)
          OR EXISTS (SELECT 1 FROM person_identity i WHERE i.person_id = p.id AND i.type = e.category AND i.valid_to IS NULL)))
        OR (e.kind = 'ADDED' AND EXISTS (
          SELECT 1 FROM person_identity i WHERE i.person_id = p.id AND i.valid_to IS NULL
            AND (i.type = e.category OR (e.category::text || '>' || i.type::text) = ANY (${RIVAL_PAIRS}::text[]))))
      END`;
  return row?.stale ?? 0;
}

export const applyRosterChangesSchema = z.strictObject({
  runId: z.uuid(),
  batchId: z.uuid(),
  /** The search initials of the people the list registers (lib/people/name-initials.ts). */
  newPeople: z.array(z.strictObject({ idNumber: z.string().max(18), nameInitials: z.string().max(40) })).max(200_000),
});

/**
 * YQ-JZ-2019 §6(1), the registry's part: identities start on the certificate's date, removals end
 * the day before theirs (a change ends the old one the day before its removal date, or the
 * certificate's), and people the registry lacks are created. Refused as stale when the registry
 * moved since the comparison: nothing is written then. The job runs it and issueRosterCertificate
 * in one transaction: the list is CONFIRMED with its certificate or not at all.
 */
export const applyRosterChanges = defineCommand({ permission: "roster:apply", schema: applyRosterChangesSchema, timeoutMs: 600_000 }, async (tx, input, { actor }) => {
  // Two attempts of one run (a worker thought dead, and its retry) apply one after the other: the
  // second finds the list CONFIRMED.
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM roster_batch WHERE id = ${input.batchId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new NotFoundError({ action: "roster:apply", entity: "roster", entityId: input.batchId });
  const batch = await tx.rosterBatch.findUniqueOrThrow({ where: { id: input.batchId }, include: { region: { select: { path: true } } } });
  assertCan(actor, "roster:apply", { entity: "roster", id: batch.id, regionPath: batch.region.path, state: batch.state });
  if (batch.jobRunId !== input.runId || !batch.certificateDate) throw new StateError({ action: "roster:apply", entity: "job", entityId: input.runId });
  const certificateDate = iso(batch.certificateDate);
  const id = batch.id;

  const stale = await countStaleEntries(tx, id, batch.region.path);
  if (stale > 0) throw new DomainError("roster.stale", { rows: stale });

  const [{ toCreate } = { toCreate: 0 }] = await tx.$queryRaw<{ toCreate: number }[]>`
    SELECT count(DISTINCT id_number)::int AS "toCreate" FROM roster_entry WHERE batch_id = ${id}::uuid AND person_id IS NULL`;
  if (toCreate > 0) {
    const province = await hukouProvinceOf(tx, batch.region.path);
    if (!province) throw new DomainError("roster.noJurisdiction");
    // A person on two rows (two 优抚 identities) is registered once, from their first row.
    const created = await tx.$executeRaw`
      INSERT INTO person (id, id_number, name, name_initials, sex, birth_date, region_code, hukou_province, updated_at)
      SELECT gen_random_uuid(), n.id_number, n.name, COALESCE(x.initials, ''), n.sex, n.birth_date, n.township_code, ${province}, now()
      FROM (SELECT DISTINCT ON (id_number) id_number, name, sex, birth_date, township_code FROM roster_entry
            WHERE batch_id = ${id}::uuid AND person_id IS NULL ORDER BY id_number, row_no) n
      LEFT JOIN unnest(${input.newPeople.map((p) => p.idNumber)}::text[], ${input.newPeople.map((p) => p.nameInitials)}::text[]) AS x(id_number, initials)
        ON x.id_number = n.id_number
      ON CONFLICT (id_number) DO NOTHING`;
    // Registered by someone else between the check above and here.
    if (created !== toCreate) throw new DomainError("roster.stale", { rows: toCreate - created });
  }

  // An identity ends the day before the person leaves the list; one that started on that very
  // day or later ends on its first day rather than before it.
  const ended = await tx.$executeRaw`
    UPDATE person_identity i
    SET valid_to = GREATEST(i.valid_from, COALESCE(e.removed_on, ${certificateDate}::date) - 1), ended_by_roster_batch_id = ${id}::uuid
    FROM roster_entry e
    WHERE e.batch_id = ${id}::uuid AND e.kind IN ('REMOVED', 'CHANGED') AND i.person_id = e.person_id AND i.valid_to IS NULL
      AND i.type = CASE WHEN e.kind = 'REMOVED' THEN e.category ELSE e.previous END`;
  if (ended < batch.removed + batch.changed) throw new DomainError("roster.stale", { rows: batch.removed + batch.changed - ended });

  const started = await tx.$executeRaw`
    INSERT INTO person_identity (id, person_id, type, valid_from, certificate, certified_by, roster_batch_id)
    SELECT gen_random_uuid(), p.id, e.category, ${certificateDate}::date, ${`roster:${id}`}, ${batch.bureau}::"Role", ${id}::uuid
    FROM roster_entry e JOIN person p ON p.id_number = e.id_number
    WHERE e.batch_id = ${id}::uuid AND e.kind <> 'REMOVED'`;
  if (started !== batch.added + batch.changed) throw new Error(`roster-apply ${input.runId}: ${started} identities started, ${batch.added + batch.changed} expected`);
  return { id, peopleCreated: toCreate };
});

export const issueRosterCertificateSchema = z.strictObject({
  runId: z.uuid(),
  batchId: z.uuid(),
  /** The 附件4 certificate, rendered by the job from the same entries (lib/roster/roster-certificate.ts). */
  certificate: z.instanceof(Uint8Array).refine((b) => b.byteLength > 0 && b.byteLength <= CERTIFICATE_MAX_BYTES),
  peopleCreated: z.number().int().min(0),
});

/**
 * The list's end, in the transaction of its changes (applyRosterChanges): the certificate archived
 * with its SHA-256 for the medical-security bureau, the list CONFIRMED, the run done; audited as
 * the import's roster.apply and job.finish.
 */
export const issueRosterCertificate = defineCommand({ permission: "roster:apply", schema: issueRosterCertificateSchema }, async (tx, input, { actor, requestId }) => {
  const batch = await tx.rosterBatch.findUnique({ where: { id: input.batchId }, include: { region: { select: { path: true } }, jobRun: true } });
  if (!batch) throw new NotFoundError({ action: "roster:apply", entity: "roster", entityId: input.batchId });
  assertCan(actor, "roster:apply", { entity: "roster", id: batch.id, regionPath: batch.region.path, state: batch.state });
  const run = batch.jobRun;
  if (!run || run.id !== input.runId || !batch.certificateDate) throw new StateError({ action: "roster:apply", entity: "job", entityId: input.runId, state: run?.state });
  const file = await putFile(tx, input.certificate, "application/pdf");
  await tx.rosterBatch.update({ where: { id: batch.id }, data: { state: "CONFIRMED", version: { increment: 1 }, certificateFileId: file.id, certificateSha256: file.sha256 } });
  await tx.jobRun.update({ where: { id: run.id }, data: { state: "SUCCEEDED", done: run.total ?? 0, finishedAt: new Date(), error: null } });
  const counts = { added: batch.added, removed: batch.removed, changed: batch.changed, peopleCreated: input.peopleCreated };
  await writeAudit(
    tx,
    actor,
    { action: "roster.apply", entityId: batch.id, regionCode: batch.regionCode, before: { state: batch.state }, after: { state: "CONFIRMED", certificateDate: iso(batch.certificateDate), certificateSha256: file.sha256, ...counts } },
    requestId,
  );
  await writeAudit(tx, actor, { action: "job.finish", entityId: run.id, regionCode: batch.regionCode, after: { name: ROSTER_APPLY, total: run.total ?? 0, done: run.total ?? 0, counts } }, requestId);
  return { id: batch.id, certificateFileId: file.id, sha256: file.sha256 };
});
