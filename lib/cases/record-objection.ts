import { recordObjectionSchema } from "./case.schema";
import { defineCaseTransition } from "./case-command";

/** The township reviewer records an objection to a posted case; an upheld one sends it back to review. */
export const recordObjection = defineCaseTransition({ permission: "case:object", schema: recordObjectionSchema, transition: "object" }, (input) => ({
  objector: input.objector,
  receivedOn: input.receivedOn,
  content: input.content,
  upheld: input.upheld,
  finding: input.finding,
}));
