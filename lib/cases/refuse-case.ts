import { rejectCaseSchema } from "./case.schema";
import { defineCaseTransition } from "./case-command";

// case:read up front: the county decision's permission is the kind's (assistance or special care),
// which runTransition checks once the case is loaded.
/** The county refuses a case in review with its reasons; the 附件5 notice is issued with it. */
export const refuseCase = defineCaseTransition({ permission: "case:read", schema: rejectCaseSchema, transition: "refuse" }, (input) => ({
  reasons: input.reasons,
  note: input.note,
}));
