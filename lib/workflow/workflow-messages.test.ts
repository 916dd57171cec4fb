import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RULE_REFUSAL_CODES } from "./case-machine";

// Every refusal the machine can give has its words in both message files (keys workflow.<code>,
// as refusalError builds them), and every field it can name has a label (workflowField.<first segment>).
const FIELDS = ["bills", "attachments", "investigators", "villageCommitteeMember", "householdSituation", "findings", "date", "place", "startsOn", "objector", "receivedOn", "content", "finding", "missing", "dueOn", "reasons", "servedOn", "paidOn", "reference", "reason", "computed"];

function messages(locale: string): { workflow: Record<string, string>; workflowField: Record<string, string> } {
  return JSON.parse(readFileSync(join(process.cwd(), "messages", `${locale}.json`), "utf8")) as { workflow: Record<string, string>; workflowField: Record<string, string> };
}

describe("workflow messages", () => {
  it.each(["zh-CN", "en"])("%s has every refusal code and field label", (locale) => {
    const file = messages(locale);
    expect(Object.keys(file.workflow).sort()).toEqual([...RULE_REFUSAL_CODES, "filingRefused"].sort());
    for (const field of FIELDS) expect(file.workflowField[field], field).toBeTruthy();
  });

  it("the machine names no field without a label", () => {
    const source = readFileSync(join(process.cwd(), "lib/workflow/case-machine.ts"), "utf8");
    const named = [...source.matchAll(/refuse\("[A-Z_]+", [`"]([a-zA-Z]+)/g), ...source.matchAll(/required\([^,]+, [`"]([a-zA-Z]+)/g), ...source.matchAll(/notAfterToday\([^,]+, [^,]+, "([a-zA-Z]+)"/g)].map((match) => match[1]);
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((field) => field !== undefined && !FIELDS.includes(field))).toEqual([]);
  });
});
