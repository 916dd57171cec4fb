import { caseStepSchema } from "./case.schema";
import { attachmentKinds, defineCaseTransition } from "./case-command";

/** The clerk resubmits a returned case once what was missing is attached (补正). */
export const resubmitCase = defineCaseTransition({ permission: "case:resubmit", schema: caseStepSchema, transition: "resubmit" }, async (_input, loaded, tx) => ({
  attachments: await attachmentKinds(tx, loaded.kase.id),
}));
