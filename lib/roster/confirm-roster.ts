import { assertCan } from "@/lib/auth/decide";
import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import type { Tx } from "@/lib/db";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { getFile, putFile } from "@/lib/storage/file-store";
import { applyEntries } from "@/lib/roster/apply-roster";
import { loadDiffContext } from "@/lib/roster/roster-context";
import { chinaToday } from "@/lib/roster/roster-dates";
import { countsByCategory, diffRoster, type RosterDiff } from "@/lib/roster/roster-diff";
import { renderCertificate } from "@/lib/roster/roster-certificate";
import { parseRosterFile } from "@/lib/roster/roster-file";
import { parsePeriod } from "@/lib/roster/roster-period";
import { confirmRosterSchema } from "@/lib/roster/roster.schema";
import { bureauOf } from "@/lib/roster/upload-roster";

const iso = (d: Date) => d.toISOString().slice(0, 10);

export async function loadBatchForAction(tx: Tx, batchId: string, action: "roster:upload" | "roster:acknowledge", actor: Parameters<typeof assertCan>[0]) {
  const batch = await tx.rosterBatch.findUnique({ where: { id: batchId }, include: { region: { select: { path: true, name: true } } } });
  if (!batch) throw new NotFoundError({ action, entity: "roster", entityId: batchId });
  assertCan(actor, action, { entity: "roster", id: batch.id, regionPath: batch.region.path, state: batch.state });
  return batch;
}

/** The list as it compares with the registry now: the registry may have moved since the upload. */
export async function freshDiff(tx: Tx, batch: { fileId: string; regionCode: string; bureau: "CIVIL_AFFAIRS" | "VETERANS_AFFAIRS"; period: string }, countyPath: string): Promise<RosterDiff> {
  const file = await getFile(tx, batch.fileId);
  if (!file) throw new DomainError("roster.stale");
  const parsed = await parseRosterFile(Buffer.from(file.content));
  if (!parsed.ok) throw new DomainError("roster.stale");
  const period = parsePeriod(batch.period)!;
  const today = new Date(`${chinaToday()}T00:00:00Z`);
  return diffRoster(parsed.rows, await loadDiffContext(tx, { code: batch.regionCode, path: countyPath }, batch.bureau, period, parsed.rows, today));
}

/**
 * Applies the list in one transaction (YQ-JZ-2019 §6(1)): identities start on the certificate's
 * date, removals end the day before theirs; and issues the certificate (附件4), archived with its
 * SHA-256 for the medical-security bureau. A failure anywhere leaves the list as uploaded.
 */
export const confirmRoster = defineCommand({ permission: "roster:upload", schema: confirmRosterSchema, timeoutMs: 120_000 }, async (tx, input, { actor, requestId }) => {
  const batch = await loadBatchForAction(tx, input.batchId, "roster:upload", actor);
  if (bureauOf(actor, "roster:upload") !== batch.bureau) throw new ForbiddenError({ action: "roster:upload", entity: "roster", entityId: batch.id });
  if (batch.version !== input.version) throw new ConflictError();
  if (batch.errorCount > 0) throw new DomainError("roster.hasErrors", { errors: batch.errorCount });
  const today = chinaToday();
  if (input.certificateDate < iso(batch.periodTo) || input.certificateDate > today) throw new DomainError("roster.certificateDate", { from: iso(batch.periodTo), to: today });
  const diff = await freshDiff(tx, batch, batch.region.path);
  if (diff.errors.length > 0) throw new DomainError("roster.stale");
  const { peopleCreated } = await applyEntries(tx, { id: batch.id, countyPath: batch.region.path }, diff.entries, input.certificateDate);

  const townships = new Map((await tx.region.findMany({ where: { parentCode: batch.regionCode }, select: { code: true, name: true } })).map((r) => [r.code, r.name]));
  const pdf = await renderCertificate({
    countyName: batch.region.name,
    bureau: batch.bureau,
    period: batch.period,
    counts: countsByCategory(diff.entries),
    people: diff.entries.flatMap((e) => {
      const township = townships.get(e.townshipCode) ?? e.townshipCode;
      const add = { township, name: e.name, idNumber: e.idNumber, category: e.category, change: "ADD" as const, on: input.certificateDate };
      if (e.kind === "ADDED") return [add];
      if (e.kind === "REMOVED") return [{ ...add, change: "REMOVE" as const, on: e.removedOn! }];
      return [{ ...add, category: e.previous!, change: "REMOVE" as const, on: e.removedOn ?? input.certificateDate }, add];
    }),
    issuedOn: input.certificateDate,
  });
  const file = await putFile(tx, pdf, "application/pdf");
  const count = (kind: string) => diff.entries.filter((e) => e.kind === kind).length;
  const { count: updated } = await tx.rosterBatch.updateMany({
    where: { id: batch.id, version: batch.version },
    data: {
      state: "CONFIRMED", version: { increment: 1 }, certificateDate: new Date(`${input.certificateDate}T00:00:00Z`), certificateFileId: file.id, certificateSha256: file.sha256,
      confirmedBy: actor.kind === "user" ? actor.username : `system:${actor.job}`, confirmedAt: new Date(), added: count("ADDED"), removed: count("REMOVED"), changed: count("CHANGED"),
    },
  });
  if (updated !== 1) throw new ConflictError();
  await writeAudit(
    tx,
    actor,
    {
      action: "roster.confirm",
      entityId: batch.id,
      regionCode: batch.regionCode,
      before: { state: batch.state },
      after: { state: "CONFIRMED", certificateDate: input.certificateDate, certificateSha256: file.sha256, added: count("ADDED"), removed: count("REMOVED"), changed: count("CHANGED"), peopleCreated },
    },
    requestId,
  );
  return { id: batch.id, certificateFileId: file.id, sha256: file.sha256 };
});
