import { returnCaseSchema } from "./case.schema";
import { defineCaseTransition } from "./case-command";

/** The township returns a case for what is missing (补正), with a due date. */
export const returnCase = defineCaseTransition({ permission: "case:return", schema: returnCaseSchema, transition: "return" }, (input) => ({
  missing: input.missing,
  note: input.note,
  dueOn: input.dueOn,
}));
