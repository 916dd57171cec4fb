import { rejectCaseSchema } from "./case.schema";
import { defineCaseTransition } from "./case-command";

/** The township refuses a case with its reasons; the 附件5 notice is numbered and archived in the same transaction. */
export const rejectCase = defineCaseTransition({ permission: "case:reject", schema: rejectCaseSchema, transition: "reject" }, (input) => ({
  reasons: input.reasons,
  note: input.note,
}));
