// Cases in every state, actors of every role and valid inputs for every transition, for the unit
// tests of the state machine (and for the database side's tests, which may start from them).
import type { Actor, CommandActor, SystemActor } from "@/lib/auth/actor";
import type { CaseState } from "@/lib/auth/decide";
import type { GrantHolder } from "@/lib/auth/permissions";
import type { Person } from "@/lib/rules/domain";
import { yuan } from "@/lib/rules/money";
import { ATTACHMENT_KINDS, type ApplicationKindId } from "./application-kinds";
import type { TransitionInput, WorkflowCommand } from "./case-machine";
import { DEFAULT_PUBLICITY_DAYS } from "./county-settings";
import type { TransitionName, WorkflowCase } from "./workflow-case";

export const COUNTY_PATH = "/14/1403/140322";
export const TOWNSHIP_PATH = `${COUNTY_PATH}/140322100`;
export const OTHER_TOWNSHIP_PATH = `${COUNTY_PATH}/140322103`;
/** 10:00 on 2026-03-20 in China. */
export const NOW = new Date("2026-03-20T02:00:00Z");
export const SETTINGS = { publicityDays: DEFAULT_PUBLICITY_DAYS };

export function userActor(role: Actor["role"], regionPath: string, id: string = `${role.toLowerCase()}-1`): Actor {
  return { kind: "user", id, username: id, displayName: id, role, regionCode: regionPath.split("/").at(-1) ?? "", regionPath, regionName: "", mustChangePassword: false };
}

export function actorOf(holder: GrantHolder, regionPath?: string): CommandActor {
  if (holder === "SYSTEM") {
    const job: SystemActor = { kind: "system", job: "test", jobId: "j1", regionCode: "140322", regionPath: COUNTY_PATH };
    return job;
  }
  const township = holder === "TOWNSHIP_CLERK" || holder === "TOWNSHIP_REVIEWER";
  return userActor(holder, regionPath ?? (township ? TOWNSHIP_PATH : COUNTY_PATH));
}

export const YQ_PERSON: Person = {
  jurisdiction: "CN-SX-YQ",
  birthDate: "1958-04-02",
  sex: "F",
  ruralHukou: true,
  identities: [{ type: "SUBSISTENCE", from: "2021-01-01", to: null }],
  insurance: [{ scheme: "RESIDENT", from: "2020-01-01", to: null }],
  conditions: [],
};

export const QJ_PERSON: Person = {
  jurisdiction: "CN-CQ-QJ",
  birthDate: "1950-08-31",
  sex: "M",
  ruralHukou: true,
  identities: [{ type: "DEMOBILIZED", from: "2000-01-01", to: null }],
  insurance: [{ scheme: "RESIDENT", from: "2020-01-01", to: null }],
  conditions: [],
};

export const CLERK_ID = "township_clerk-1";
export const REVIEWER_ID = "township_reviewer-1";

/** A case of `kind` in `state`, with the records that state implies (dates before NOW). */
export function caseIn(state: CaseState, kind: ApplicationKindId = "INPATIENT_ASSISTANCE"): WorkflowCase {
  const base: WorkflowCase = {
    id: "case-1",
    kind,
    regionPath: TOWNSHIP_PATH,
    jurisdiction: kind === "QJ_SPECIAL_CARE_SUBSIDY" ? "CN-CQ-QJ" : "CN-SX-YQ",
    state,
    version: 3,
    filedBy: CLERK_ID,
    participants: [CLERK_ID],
    receivedOn: state === "DRAFT" ? null : "2026-03-02",
    investigation: null,
    publicity: null,
    returned: null,
    rejection: null,
    approval: null,
    payment: null,
    withdrawal: null,
  };
  const investigated: WorkflowCase = {
    ...base,
    participants: [CLERK_ID, REVIEWER_ID],
    investigation: {
      date: "2026-03-05",
      investigators: [{ name: "李建平", userId: REVIEWER_ID }, { name: "王小红" }],
      villageCommitteeMember: "赵村委",
      householdSituation: "二人户，无劳动收入",
      findings: "住院费用属实",
      recommendation: "APPROVE",
      recordedBy: REVIEWER_ID,
    },
  };
  const posted: WorkflowCase = { ...investigated, publicity: { place: "秀水镇政务公开栏", startsOn: "2026-03-06", days: 7, lastDay: "2026-03-12", objections: [], outcome: "RUNNING" } };
  const atCounty: WorkflowCase = { ...posted, publicity: posted.publicity ? { ...posted.publicity, outcome: "PASSED" } : null };
  switch (state) {
    case "DRAFT":
    case "SUBMITTED":
      return base;
    case "WITHDRAWN":
      return { ...base, withdrawal: { withdrawnOn: "2026-03-04", by: CLERK_ID, reason: "申请人撤回" } };
    case "TOWNSHIP_REVIEW":
      return investigated;
    case "PUBLICITY":
      return posted;
    case "COUNTY_REVIEW":
      return atCounty;
    case "APPROVED":
      return { ...atCounty, approval: { approvedOn: "2026-03-16", by: "medical_security-1" } };
    case "PAID":
      return { ...atCounty, approval: { approvedOn: "2026-03-16", by: "medical_security-1" }, payment: { paidOn: "2026-03-18", reference: "ZF-2026-0001" } };
    case "RETURNED":
      return { ...investigated, returned: { level: "TOWNSHIP", missing: ["MEDICAL_HISTORY"], note: "缺病史材料", dueOn: "2026-03-30", returnedOn: "2026-03-06", by: REVIEWER_ID } };
    case "REJECTED":
      return {
        ...investigated,
        rejection: {
          level: "TOWNSHIP",
          reasons: [{ source: "reviewer", code: "HOUSEHOLD_NOT_IN_HARDSHIP", message: "经入户调查，申请人家庭经济状况不属于医疗救助对象范围", citation: { document: "YQ-JZ-2019", article: "§4(1)、§6(2)" } }],
          note: "",
          decidedOn: "2026-03-10",
          by: REVIEWER_ID,
          servedOn: null,
        },
      };
  }
}

/** A valid input for every transition, for a case made by caseIn. */
export function validInput<T extends TransitionName>(transition: T, kind: ApplicationKindId = "INPATIENT_ASSISTANCE"): TransitionInput[T] {
  const inputs: TransitionInput = {
    submit: {
      attachments: [...ATTACHMENT_KINDS],
      person: kind === "QJ_SPECIAL_CARE_SUBSIDY" ? QJ_PERSON : YQ_PERSON,
      bills: [{ type: "INPATIENT", date: "2026-02-20", diagnoses: ["CEREBRAL_INFARCTION"] }],
    },
    resubmit: { attachments: [...ATTACHMENT_KINDS] },
    withdraw: { reason: "申请人自愿撤回申请" },
    investigate: {
      date: "2026-03-18",
      investigators: [{ name: "李建平", userId: REVIEWER_ID }, { name: "王小红" }],
      villageCommitteeMember: "赵村委",
      householdSituation: "二人户，老伴卧床，无劳动收入",
      findings: "住院费用属实，家庭困难",
      recommendation: "APPROVE",
    },
    publicize: { place: "秀水镇政务公开栏", startsOn: "2026-03-20" },
    object: { objector: "村民甲", receivedOn: "2026-03-08", content: "称申请人有经营收入", upheld: false, finding: "经核实无经营收入" },
    forward: {},
    return: { missing: ["MEDICAL_HISTORY"], note: "请补充病史材料", dueOn: "2026-04-10" },
    reject: { reasons: [{ source: "reviewer", code: "HOUSEHOLD_NOT_IN_HARDSHIP" }], note: "家庭有稳定收入" },
    approve: { computed: { total: yuan(1234), personalCosts: [yuan(25000)] } },
    refuse: { reasons: [{ source: "rules", code: "ANNUAL_CAP_REACHED", citation: { document: "YQ-JZ-2019", article: "§4(2)3" } }], note: "" },
    countyReturn: { missing: ["SETTLEMENT_SHEET"], note: "结算单不清晰", dueOn: "2026-04-10" },
    serveNotice: { servedOn: "2026-03-18" },
    recordPayment: { paidOn: "2026-03-19", reference: "ZF-2026-0002" },
  };
  return inputs[transition];
}

export function commandOf<T extends TransitionName>(transition: T, input: TransitionInput[T]): WorkflowCommand {
  return { transition, input } as WorkflowCommand;
}
