import { returnCaseSchema } from "./case.schema";
import { defineCaseTransition } from "./case-command";

// case:read up front: the kind's approving permission is checked on the loaded case.
/** The county returns a case for what is missing; the clerk's resubmission comes straight back to the county. */
export const countyReturnCase = defineCaseTransition({ permission: "case:read", schema: returnCaseSchema, transition: "countyReturn" }, (input) => ({
  missing: input.missing,
  note: input.note,
  dueOn: input.dueOn,
}));
