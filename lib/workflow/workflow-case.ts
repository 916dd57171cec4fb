// The case as the state machine sees it: the procedure's records (investigation, 公示, return,
// refusal, approval), with no database identity beyond ids. The database side stores these
// fields and gives them back; the machine never reads anything else.
import type { CaseState } from "@/lib/auth/decide";
import type { IsoDate } from "@/lib/rules/dates";
import type { IdentityType, Jurisdiction } from "@/lib/rules/domain";
import type { JsonValue } from "@/lib/rules/to-json";
import type { ApplicationKindId, AttachmentKind } from "./application-kinds";
import type { RefusalReason } from "./refusal-reasons";

export type Investigator = { name: string; userId?: string | undefined };

/** 入户调查 (YQ-JZ-2019 §6(2)): by the township "在村（居）民委员会协助下…逐一入户调查". */
export type HouseholdInvestigation = {
  date: IsoDate;
  /** At least two, by distinct names. */
  investigators: Investigator[];
  /** The village (residents') committee member who was present. */
  villageCommitteeMember: string;
  householdSituation: string;
  findings: string;
  recommendation: "APPROVE" | "REFUSE";
  recordedBy: string;
};

/** An objection raised during the 公示, with the reviewer's finding on it. */
export type Objection = {
  objector: string;
  receivedOn: IsoDate;
  content: string;
  upheld: boolean;
  /** Why it was or was not upheld. */
  finding: string;
  recordedBy: string;
};

export type Publicity = {
  place: string;
  startsOn: IsoDate;
  days: number;
  lastDay: IsoDate;
  objections: Objection[];
  /** RUNNING while posted; INTERRUPTED by an upheld objection; PASSED when forwarded to the county. */
  outcome: "RUNNING" | "INTERRUPTED" | "PASSED";
};

export type ReviewLevel = "TOWNSHIP" | "COUNTY";

/** 补正: what is missing and by when; the clerk resubmits. */
export type ReturnRequest = {
  level: ReviewLevel;
  missing: AttachmentKind[];
  note: string;
  dueOn: IsoDate;
  returnedOn: IsoDate;
  by: string;
};

export type Rejection = {
  level: ReviewLevel;
  reasons: RefusalReason[];
  note: string;
  decidedOn: IsoDate;
  by: string;
  /** The day the notice was served (送达); both appeal deadlines run from it. */
  servedOn: IsoDate | null;
};

export type WorkflowCase = {
  id: string;
  kind: ApplicationKindId;
  /** The region path of the person's township: what decides who may act on the case. */
  regionPath: string;
  /** The person's policy jurisdiction at filing: the library versions the case is decided under. */
  jurisdiction: Jurisdiction;
  state: CaseState;
  /** Raised by every transition; the database updates only the version it read (one winner). */
  version: number;
  filedBy: string;
  /** Users who filed, investigated or reviewed the case at the township: none of them may decide it at the county. */
  participants: string[];
  /** The day the application was first submitted (the notice's "你于…提交的申请"). */
  receivedOn: IsoDate | null;
  investigation: HouseholdInvestigation | null;
  publicity: Publicity | null;
  returned: ReturnRequest | null;
  rejection: Rejection | null;
  approval: { approvedOn: IsoDate; by: string } | null;
  payment: { paidOn: IsoDate; reference: string } | null;
  withdrawal: { withdrawnOn: IsoDate; by: string; reason: string } | null;
};

export const TRANSITION_NAMES = [
  "submit",
  "resubmit",
  "withdraw",
  "investigate",
  "publicize",
  "object",
  "forward",
  "return",
  "reject",
  "approve",
  "refuse",
  "countyReturn",
  "serveNotice",
  "recordPayment",
] as const;
export type TransitionName = (typeof TRANSITION_NAMES)[number];

/** One thing to record (audit row, timeline line) for a transition. */
export type WorkflowEvent =
  | {
      type: "case.transition";
      transition: TransitionName | "create";
      caseId: string;
      actorId: string;
      at: string;
      from: CaseState | null;
      to: CaseState;
      detail: { [key: string]: JsonValue };
    }
  /** LOW_INCOME recognition approved: the person holds the identity from the approval date, sourced from the case. */
  | { type: "identity.grant"; caseId: string; identity: IdentityType; from: IsoDate }
  /** A refusal needs its 附件5 notice: the database numbers it (year + sequence per county) and archives the PDF. */
  | { type: "notice.issue"; caseId: string; level: ReviewLevel; decidedOn: IsoDate; reasons: RefusalReason[] };
