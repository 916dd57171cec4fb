import { loadPersonForRules } from "@/lib/records/load";
import { dateOnly } from "./case-record";
import { caseStepSchema } from "./case.schema";
import { attachmentKinds, defineCaseTransition } from "./case-command";

/** The clerk submits a draft: documents, bills and the filing check on each bill's date (lib/workflow). */
export const submitCase = defineCaseTransition({ permission: "case:file", schema: caseStepSchema, transition: "submit" }, async (_input, loaded, tx) => {
  const [attachments, person, bills, oneOffDecided] = await Promise.all([
    attachmentKinds(tx, loaded.kase.id),
    loadPersonForRules(tx, loaded.personId),
    tx.claim.findMany({ where: { caseId: loaded.kase.id }, select: { type: true, settledOn: true, diagnoses: true }, orderBy: { settledOn: "asc" } }),
    // RULES.md Readings 11: one one-off decision per person and year, on its merits.
    loaded.kase.kind === "ONE_OFF_ASSISTANCE"
      ? tx.case.count({ where: { personId: loaded.personId, kind: "ONE_OFF_ASSISTANCE", state: { in: ["APPROVED", "PAID"] }, id: { not: loaded.kase.id } } })
      : Promise.resolve(0),
  ]);
  return {
    attachments,
    person,
    bills: bills.map((bill) => ({ type: bill.type, date: dateOnly(bill.settledOn), diagnoses: bill.diagnoses })),
    oneOffDecidedForYear: oneOffDecided > 0,
  };
});
