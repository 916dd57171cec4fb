import { describe, expect, it } from "vitest";
import { CASE_STATES } from "@/lib/auth/decide";
import { caseIn, TOWNSHIP_PATH } from "@/lib/workflow/workflow-fixtures";
import { Prisma } from "@/lib/generated/prisma/client";
import { CaseRecordError, toCaseUpdate, toWorkflowCase, type CaseRecordRow } from "./case-record";

// What PostgreSQL gives back for what toCaseUpdate wrote: JSON as parsed values, SQL NULL as null.
function stored(kase: ReturnType<typeof caseIn>): CaseRecordRow {
  const update = toCaseUpdate(kase);
  const json = (value: unknown) => (value === Prisma.DbNull ? null : (value as Prisma.JsonValue));
  return {
    id: kase.id,
    kind: kase.kind,
    jurisdiction: kase.jurisdiction,
    state: update.state,
    version: update.version,
    filedById: kase.filedBy,
    participants: update.participants,
    receivedOn: update.receivedOn,
    investigation: json(update.investigation),
    publicity: json(update.publicity),
    returned: json(update.returned),
    rejection: json(update.rejection),
    approval: json(update.approval),
    payment: json(update.payment),
    withdrawal: json(update.withdrawal),
  };
}

describe("case row ↔ WorkflowCase", () => {
  it.each(CASE_STATES)("gives back the machine's case in %s unchanged", (state) => {
    const kase = caseIn(state);
    expect(toWorkflowCase(stored(kase), TOWNSHIP_PATH)).toEqual(kase);
  });

  it("keeps the worklist columns in step with the records", () => {
    expect(toCaseUpdate(caseIn("PUBLICITY")).publicityEndsOn).toBeInstanceOf(Date);
    expect(toCaseUpdate(caseIn("COUNTY_REVIEW")).publicityEndsOn).toBeNull();
    expect(toCaseUpdate(caseIn("RETURNED")).returnDueOn).toBeInstanceOf(Date);
  });

  it("refuses a JSON column that does not hold the machine's shape, naming it", () => {
    const row = { ...stored(caseIn("PUBLICITY")), publicity: { place: "公开栏" } };
    expect(() => toWorkflowCase(row, TOWNSHIP_PATH)).toThrow(CaseRecordError);
    expect(() => toWorkflowCase(row, TOWNSHIP_PATH)).toThrow(/column publicity/);
    expect(() => toWorkflowCase({ ...stored(caseIn("DRAFT")), jurisdiction: "CN-XX" }, TOWNSHIP_PATH)).toThrow(CaseRecordError);
  });
});
