import { publicizeCaseSchema } from "./case.schema";
import { defineCaseTransition } from "./case-command";

/** The township reviewer posts the case (公示) for the county's period. */
export const publicizeCase = defineCaseTransition({ permission: "case:publicize", schema: publicizeCaseSchema, transition: "publicize" }, (input) => ({
  place: input.place,
  startsOn: input.startsOn,
}));
