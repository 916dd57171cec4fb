// The clerk corrects the bills of a draft, or of a case returned for 补正 (the only states a clerk
// holds the case in). All bills are replaced; every check of filing runs again.
import { defineCommand } from "@/lib/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { isPathInScope } from "@/lib/regions/scope";
import { loadPersonForRules } from "@/lib/records/load";
import { checkBillsFiling, prepareBills, writeBills } from "./bills";
import { updateDraftBillsSchema } from "./case.schema";
import { CASE_CONFLICT_KEY, loadCase } from "./run-transition";
import { assertClerkHolds, bumpVersion } from "./clerk-edit";

export const updateDraftBills = defineCommand({ permission: "case:file", schema: updateDraftBillsSchema }, async (tx, input, ctx) => {
  const loaded = await loadCase(tx, input.caseId);
  if (!loaded || !isPathInScope(ctx.actor, loaded.kase.regionPath)) throw new NotFoundError({ action: "case:file", entity: "case", entityId: input.caseId });
  if (loaded.kase.version !== input.version) throw new ConflictError(CASE_CONFLICT_KEY);
  assertClerkHolds(ctx.actor, loaded);
  const person = await loadPersonForRules(tx, loaded.personId);
  const bills = await prepareBills(tx, input.bills);
  checkBillsFiling(loaded.kase.kind, person, input.bills, new Date());
  const version = await bumpVersion(tx, loaded);
  await writeBills(tx, loaded.kase.id, loaded.personId, bills, true);
  await writeAudit(tx, ctx.actor, { action: "case.updateBills", entityId: loaded.kase.id, regionCode: loaded.region.code, after: { version, detail: { bills: bills.length } } }, ctx.requestId);
  return { id: loaded.kase.id, version };
});
