import { caseStepSchema } from "./case.schema";
import { defineCaseTransition } from "./case-command";

/** 报县审批: the township forwards a case whose 公示 has ended to the county. */
export const forwardCase = defineCaseTransition({ permission: "case:publicize", schema: caseStepSchema, transition: "forward" }, () => ({}));
