import { investigateCaseSchema } from "./case.schema";
import { defineCaseTransition } from "./case-command";

/** The township reviewer records the household investigation (入户调查), at the household, on a phone. */
export const investigateCase = defineCaseTransition({ permission: "case:investigate", schema: investigateCaseSchema, transition: "investigate" }, (input) => ({
  date: input.date,
  investigators: input.investigators.map((name, index) => {
    const userId = input.investigatorUserIds?.[index];
    return userId ? { name, userId } : { name };
  }),
  villageCommitteeMember: input.villageCommitteeMember,
  householdSituation: input.householdSituation,
  findings: input.findings,
  recommendation: input.recommendation,
}));
