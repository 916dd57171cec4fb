// What is due on a case, for the worklist (待办) and the case page: the 公示's last day, the 补正 due
// date, and, once a refusal notice is served, both appeal deadlines.
import type { IsoDate } from "@/lib/rules/dates";
import { lawsuitDeadline, reconsiderationDeadline, type Deadline, type NonWorkingDay } from "./deadlines";
import type { WorkflowCase } from "./workflow-case";

export type CaseDueDates = {
  publicityLastDay: IsoDate | null;
  returnDueOn: IsoDate | null;
  reconsiderationBy: Deadline | null;
  lawsuitBy: Deadline | null;
};

export function caseDueDates(kase: WorkflowCase, nonWorkingDay?: NonWorkingDay): CaseDueDates {
  const servedOn = kase.state === "REJECTED" ? (kase.rejection?.servedOn ?? null) : null;
  return {
    publicityLastDay: kase.state === "PUBLICITY" ? (kase.publicity?.lastDay ?? null) : null,
    returnDueOn: kase.state === "RETURNED" ? (kase.returned?.dueOn ?? null) : null,
    reconsiderationBy: servedOn ? reconsiderationDeadline(servedOn, nonWorkingDay) : null,
    lawsuitBy: servedOn ? lawsuitDeadline(servedOn, nonWorkingDay) : null,
  };
}
