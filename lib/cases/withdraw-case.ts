import { withdrawCaseSchema } from "./case.schema";
import { defineCaseTransition } from "./case-command";

/** The clerk withdraws a case before the county decides it, with the applicant's reason. */
export const withdrawCase = defineCaseTransition({ permission: "case:withdraw", schema: withdrawCaseSchema, transition: "withdraw" }, (input) => ({ reason: input.reason }));
