// A case_file row and the state machine's WorkflowCase, both ways. The procedure's records are
// JSON columns; they are checked by zod on every read, so a row the machine did not write (a
// hand edit, an older shape) fails loudly here instead of deep inside a transition.
import { z } from "zod";
import { CASE_STATES } from "@/lib/auth/decide";
import { Prisma } from "@/lib/generated/prisma/client";
import { JURISDICTIONS } from "@/lib/rules/domain";
import { APPLICATION_KIND_IDS, ATTACHMENT_KINDS } from "@/lib/workflow/application-kinds";
import type { RefusalReason } from "@/lib/workflow/refusal-reasons";
import type { WorkflowCase } from "@/lib/workflow/workflow-case";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const citation = z.strictObject({ document: z.string(), article: z.string() });

const investigationSchema = z.strictObject({
  date: isoDate,
  investigators: z.array(z.strictObject({ name: z.string(), userId: z.string().optional() })),
  villageCommitteeMember: z.string(),
  householdSituation: z.string(),
  findings: z.string(),
  recommendation: z.enum(["APPROVE", "REFUSE"]),
  recordedBy: z.string(),
});

const publicitySchema = z.strictObject({
  place: z.string(),
  startsOn: isoDate,
  days: z.number().int().positive(),
  lastDay: isoDate,
  objections: z.array(
    z.strictObject({ objector: z.string(), receivedOn: isoDate, content: z.string(), upheld: z.boolean(), finding: z.string(), recordedBy: z.string() }),
  ),
  outcome: z.enum(["RUNNING", "INTERRUPTED", "PASSED"]),
});

const level = z.enum(["TOWNSHIP", "COUNTY"]);

const returnedSchema = z.strictObject({
  level,
  missing: z.array(z.enum(ATTACHMENT_KINDS)),
  note: z.string(),
  dueOn: isoDate,
  returnedOn: isoDate,
  by: z.string(),
});

// The reason's code lists live in the workflow and rules modules; what is stored is what was
// printed on the notice, so it is read back as printed.
const reasonSchema = z.strictObject({ source: z.enum(["rules", "reviewer", "filing"]), code: z.string(), message: z.string(), citation });

const rejectionSchema = z.strictObject({
  level,
  reasons: z.array(reasonSchema),
  note: z.string(),
  decidedOn: isoDate,
  by: z.string(),
  servedOn: isoDate.nullable(),
});

const approvalSchema = z.strictObject({ approvedOn: isoDate, by: z.string() });
const paymentSchema = z.strictObject({ paidOn: isoDate, reference: z.string() });
const withdrawalSchema = z.strictObject({ withdrawnOn: isoDate, by: z.string(), reason: z.string() });

/** The columns of case_file that hold the machine's case (select these to build a WorkflowCase). */
export const CASE_RECORD_SELECT = {
  id: true,
  kind: true,
  jurisdiction: true,
  state: true,
  version: true,
  filedById: true,
  participants: true,
  receivedOn: true,
  investigation: true,
  publicity: true,
  returned: true,
  rejection: true,
  approval: true,
  payment: true,
  withdrawal: true,
} as const satisfies Prisma.CaseSelect;

export type CaseRecordRow = Prisma.CaseGetPayload<{ select: typeof CASE_RECORD_SELECT }>;

/** The date column's calendar day (Prisma reads a DATE as midnight UTC). */
export function dateOnly(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** A calendar day as the DATE column stores it. */
export function toDateColumn(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export class CaseRecordError extends Error {
  constructor(caseId: string, column: string, issues: string) {
    super(`case ${caseId}: column ${column} does not hold the workflow's shape: ${issues}`);
    this.name = "CaseRecordError";
  }
}

function read<S extends z.ZodType>(caseId: string, column: string, schema: S, value: unknown): z.output<S> | null {
  if (value === null || value === undefined) return null;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CaseRecordError(caseId, column, parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
  return parsed.data;
}

/** The row as the machine sees it; `regionPath` is the path of the row's region (the person's township at filing). */
export function toWorkflowCase(row: CaseRecordRow, regionPath: string): WorkflowCase {
  const kind = z.enum(APPLICATION_KIND_IDS).parse(row.kind);
  const jurisdiction = read(row.id, "jurisdiction", z.enum(JURISDICTIONS), row.jurisdiction);
  if (!jurisdiction) throw new CaseRecordError(row.id, "jurisdiction", "missing");
  const rejection = read(row.id, "rejection", rejectionSchema, row.rejection);
  return {
    id: row.id,
    kind,
    regionPath,
    jurisdiction,
    state: z.enum(CASE_STATES).parse(row.state),
    version: row.version,
    filedBy: row.filedById,
    participants: [...row.participants],
    receivedOn: row.receivedOn ? dateOnly(row.receivedOn) : null,
    investigation: read(row.id, "investigation", investigationSchema, row.investigation),
    publicity: read(row.id, "publicity", publicitySchema, row.publicity),
    returned: read(row.id, "returned", returnedSchema, row.returned),
    // The stored reason is what the notice printed: its code belongs to the list its source names.
    rejection: rejection ? { ...rejection, reasons: rejection.reasons as RefusalReason[] } : null,
    approval: read(row.id, "approval", approvalSchema, row.approval),
    payment: read(row.id, "payment", paymentSchema, row.payment),
    withdrawal: read(row.id, "withdrawal", withdrawalSchema, row.withdrawal),
  };
}

/** A record as a JSON column takes it (plain JSON: no undefined, no bigint). */
export function jsonValue(value: object): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** A record as a nullable JSON column takes it: SQL NULL when absent. */
export function jsonColumn(value: object | null): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === null ? Prisma.DbNull : jsonValue(value);
}

/**
 * What a transition changes on the row: the machine's fields, and the columns worklists sort on
 * (the 公示's last day while posted, the 补正 due date while returned). Id, kind, person and
 * region never change.
 */
export function toCaseUpdate(next: WorkflowCase) {
  return {
    state: next.state,
    version: next.version,
    participants: next.participants,
    receivedOn: next.receivedOn ? toDateColumn(next.receivedOn) : null,
    investigation: jsonColumn(next.investigation),
    publicity: jsonColumn(next.publicity),
    returned: jsonColumn(next.returned),
    rejection: jsonColumn(next.rejection),
    approval: jsonColumn(next.approval),
    payment: jsonColumn(next.payment),
    withdrawal: jsonColumn(next.withdrawal),
    publicityEndsOn: next.state === "PUBLICITY" && next.publicity ? toDateColumn(next.publicity.lastDay) : null,
    returnDueOn: next.state === "RETURNED" && next.returned ? toDateColumn(next.returned.dueOn) : null,
  } satisfies Prisma.CaseUncheckedUpdateManyInput;
}
