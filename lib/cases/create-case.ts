// Filing: a clerk opens an application of a kind for a person of their township, with the bills
// from the settlement sheet. The machine checks the kind against the person today (createCase);
// each bill is checked by the form, the rules module's claim schema and the filing check on its
// date. The case number is the county's next of the year, gap-free.
import { randomUUID } from "node:crypto";
import { assertCan } from "@/lib/auth/decide";
import { defineCommand } from "@/lib/command";
import { NotFoundError, StateError } from "@/lib/errors";
import { loadPersonForRules } from "@/lib/records/load";
import { chinaDate, createCase as openCase, refusalError } from "@/lib/workflow/case-machine";
import { checkBillsFiling, prepareBills, writeBills } from "./bills";
import { toCaseUpdate } from "./case-record";
import { createCaseSchema } from "./case.schema";
import { caseNumber, nextNumber } from "./number-sequence";
import { countyOf, loadCase, recordEvents } from "./run-transition";

export const createCase = defineCommand({ permission: "case:file", schema: createCaseSchema }, async (tx, input, ctx) => {
  const row = await tx.person.findUnique({ where: { id: input.personId }, select: { id: true, regionCode: true, mergedIntoId: true, region: { select: { path: true } } } });
  if (!row) throw new NotFoundError({ action: "case:file", entity: "person", entityId: input.personId });
  assertCan(ctx.actor, "case:file", { entity: "person", id: row.id, regionPath: row.region.path });
  // A merged duplicate's cases moved to the record kept; a new one belongs there too.
  if (row.mergedIntoId) throw new StateError({ action: "case:file", entity: "person", entityId: row.id, state: "MERGED" });
  const now = new Date();
  const person = await loadPersonForRules(tx, row.id);
  const id = randomUUID();
  const opened = openCase(ctx.actor, { id, kind: input.kind, person, personRegionPath: row.region.path }, now);
  if (!opened.ok) throw refusalError(opened.refusal, id);
  const bills = await prepareBills(tx, input.bills);
  checkBillsFiling(input.kind, person, input.bills, now);
  const county = await countyOf(tx, row.region.path);
  const year = Number(chinaDate(now).slice(0, 4));
  const number = caseNumber(county.code, year, await nextNumber(tx, "case", county.code, year));
  const next = opened.next;
  await tx.case.create({
    data: {
      ...toCaseUpdate(next),
      id,
      number,
      kind: next.kind,
      personId: row.id,
      regionCode: row.regionCode,
      jurisdiction: next.jurisdiction,
      filedById: ctx.actor.kind === "user" ? ctx.actor.id : id,
    },
  });
  await writeBills(tx, id, row.id, bills, false);
  const loaded = await loadCase(tx, id);
  if (!loaded) throw new Error(`case ${id} not found after insert`);
  await recordEvents(tx, ctx, loaded, next, opened.events.map((event) => (event.type === "case.transition" ? { ...event, detail: { ...event.detail, number, bills: bills.length } } : event)));
  return { id, number, version: next.version };
});
