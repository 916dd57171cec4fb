// One chunk of the roster-check job (lib/jobs/roster-check.ts): what some people's rows of an
// uploaded list would change and their row errors (the job compares them with the registry outside
// any transaction), written with the run's progress and checkpoint in one short transaction, so
// that a run stopped anywhere resumes after its last chunk and writes none twice. The job calls it
// with its system actor; nothing of the registry is written.
import { z } from "zod";
import { assertCan } from "@/lib/auth/decide";
import { defineCommand } from "@/lib/command";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError, StateError } from "@/lib/errors";
import { BUREAU_CATEGORIES } from "@/lib/roster/roster-categories";
import { ROW_ERROR_CODES, type RosterDiff } from "@/lib/roster/roster-diff";

const text = (max: number) => z.string().max(max);
const day = z.iso.date();
const identity = z.enum([...BUREAU_CATEGORIES.CIVIL_AFFAIRS, ...BUREAU_CATEGORIES.VETERANS_AFFAIRS]);

export const recordRosterChunkSchema = z.strictObject({
  runId: z.uuid(),
  batchId: z.uuid(),
  /** The chunk's place in the run (lib/roster/roster-chunks.ts); only the next one is written. */
  chunk: z.number().int().min(0),
  /** The chunk's diff (lib/roster/roster-diff.ts). */
  rows: z.number().int().min(0),
  entries: z
    .array(
      z.strictObject({
        kind: z.enum(["ADDED", "REMOVED", "CHANGED"]), rowNo: z.number().int().min(1), personId: z.uuid().nullable(), idNumber: text(18), name: text(1_000), townshipCode: text(20),
        category: identity, previous: identity.nullable(), removedOn: day.nullable(), householdSize: z.number().int().min(1).max(99).nullable(), reason: text(1_000),
        effectiveDate: day, birthDate: day, sex: z.enum(["M", "F"]),
      }),
    )
    .max(20_000),
  errors: z.array(z.strictObject({ rowNo: z.number().int().min(1), code: z.enum(ROW_ERROR_CODES), idNumber: text(1_000), name: text(1_000), detail: text(1_000).nullable() })).max(20_000),
});

/**
 * Where a check resumes, and what it has found so far. The run keeps its first attempt's chunk size
 * (the chunks are numbered) and day (it bounds the ID numbers' birth dates).
 */
export const checkCheckpointSchema = z.object({
  today: z.iso.date(),
  chunkRows: z.number().int().min(1),
  chunks: z.number().int().min(0),
  rows: z.number().int().min(0),
  errors: z.number().int().min(0),
  added: z.number().int().min(0),
  removed: z.number().int().min(0),
  changed: z.number().int().min(0),
});
export type CheckCheckpoint = z.infer<typeof checkCheckpointSchema>;

export function readCheckCheckpoint(value: Prisma.JsonValue | null): CheckCheckpoint | null {
  const parsed = checkCheckpointSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Writes a diff's entries and row errors under its batch: one INSERT of column arrays each
 * (unnest), which PostgreSQL takes in milliseconds where createMany's row of parameters per entry
 * took about a millisecond an entry.
 */
export async function storeDiff(tx: Tx, batchId: string, diff: RosterDiff) {
  const entries = diff.entries;
  if (entries.length > 0) {
    await tx.$executeRaw`
      INSERT INTO roster_entry (id, batch_id, row_no, kind, person_id, id_number, name, township_code, category, previous, removed_on, household_size, reason, effective_date, birth_date, sex)
      SELECT gen_random_uuid(), ${batchId}::uuid, e.row_no, e.kind::"RosterEntryKind", e.person_id::uuid, e.id_number, e.name, e.township_code, e.category::"IdentityType",
        e.previous::"IdentityType", e.removed_on::date, e.household_size, e.reason, e.effective_date::date, e.birth_date::date, e.sex::"Sex"
      FROM unnest(
        ${entries.map((e) => e.rowNo)}::int[], ${entries.map((e) => e.kind)}::text[], ${entries.map((e) => e.personId)}::text[], ${entries.map((e) => e.idNumber)}::text[],
        ${entries.map((e) => e.name)}::text[], ${entries.map((e) => e.townshipCode)}::text[], ${entries.map((e) => e.category)}::text[], ${entries.map((e) => e.previous)}::text[],
        ${entries.map((e) => e.removedOn)}::text[], ${entries.map((e) => e.householdSize)}::int[], ${entries.map((e) => e.reason.slice(0, 200))}::text[],
        ${entries.map((e) => e.effectiveDate)}::text[], ${entries.map((e) => e.birthDate)}::text[], ${entries.map((e) => e.sex)}::text[]
      ) AS e(row_no, kind, person_id, id_number, name, township_code, category, previous, removed_on, household_size, reason, effective_date, birth_date, sex)`;
  }
  const errors = diff.errors;
  if (errors.length > 0) {
    await tx.$executeRaw`
      INSERT INTO roster_row_error (id, batch_id, row_no, code, id_number, name, detail)
      SELECT gen_random_uuid(), ${batchId}::uuid, e.row_no, e.code, e.id_number, e.name, e.detail
      FROM unnest(${errors.map((e) => e.rowNo)}::int[], ${errors.map((e) => e.code)}::text[], ${errors.map((e) => e.idNumber.slice(0, 40))}::text[],
        ${errors.map((e) => e.name.slice(0, 40))}::text[], ${errors.map((e) => e.detail?.slice(0, 200) ?? null)}::text[]) AS e(row_no, code, id_number, name, detail)`;
  }
}

export type ChunkResult = { superseded: true } | { superseded: false; checkpoint: CheckCheckpoint };

export const recordRosterChunk = defineCommand({ permission: "roster:check", schema: recordRosterChunkSchema, timeoutMs: 60_000 }, async (tx, input, { actor }): Promise<ChunkResult> => {
  const batch = await tx.rosterBatch.findUnique({ where: { id: input.batchId }, include: { region: { select: { path: true } }, jobRun: true } });
  if (!batch) throw new NotFoundError({ action: "roster:check", entity: "roster", entityId: input.batchId });
  // A newer upload of the same period replaced the list while it was being compared.
  if (batch.state === "SUPERSEDED") return { superseded: true };
  assertCan(actor, "roster:check", { entity: "roster", id: batch.id, regionPath: batch.region.path, state: batch.state });
  const checkpoint = readCheckCheckpoint(batch.jobRun?.checkpoint ?? null);
  if (batch.jobRunId !== input.runId || batch.jobRun?.state !== "RUNNING" || !checkpoint) {
    throw new StateError({ action: "roster:check", entity: "job", entityId: input.runId, state: batch.jobRun?.state });
  }
  // Written by an earlier attempt of the run: nothing to do twice.
  if (input.chunk < checkpoint.chunks) return { superseded: false, checkpoint };
  if (input.chunk > checkpoint.chunks) throw new Error(`roster-check ${input.runId}: chunk ${input.chunk} before chunk ${checkpoint.chunks}`);
  const diff = { rows: input.rows, entries: input.entries, errors: input.errors };
  await storeDiff(tx, batch.id, diff);
  const count = (kind: string) => diff.entries.filter((e) => e.kind === kind).length;
  const next: CheckCheckpoint = {
    ...checkpoint,
    chunks: checkpoint.chunks + 1,
    rows: checkpoint.rows + diff.rows,
    errors: checkpoint.errors + diff.errors.length,
    added: checkpoint.added + count("ADDED"),
    removed: checkpoint.removed + count("REMOVED"),
    changed: checkpoint.changed + count("CHANGED"),
  };
  await tx.jobRun.update({ where: { id: input.runId }, data: { done: next.rows, checkpoint: next } });
  return { superseded: false, checkpoint: next };
});
