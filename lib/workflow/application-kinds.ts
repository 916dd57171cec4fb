// The kinds of application a township clerk can file (YQ-JZ-2019 §6(2); QJ-YF-2023 Art. 8, 13), as
// data: their documents, who approves them, what the rules module computes for them, and the
// policy parameter whose presence for a person's jurisdiction on the bill's date says that the kind
// exists there. No threshold, window or date is written here: they are read from the library.
import type { Permission } from "@/lib/auth/permissions";
import type { ClaimType, JurisdictionNode, Programme } from "@/lib/rules/domain";
import type { Citation } from "@/lib/rules/library/documents";
import type { ParameterId } from "@/lib/rules/library/parameters";
import { DEFAULT_LIBRARY, type PolicyLibrary } from "@/lib/rules/library/policy-library";

/** What an attachment is (the clerk chooses it when uploading). */
export const ATTACHMENT_KINDS = [
  "DIAGNOSIS_CERTIFICATE",
  "RECEIPT",
  "MEDICAL_HISTORY",
  "SETTLEMENT_SHEET",
  "SPECIAL_CARE_CERTIFICATE",
  "OTHER",
] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const ATTACHMENT_KIND_LABELS: Readonly<Record<AttachmentKind, string>> = {
  DIAGNOSIS_CERTIFICATE: "诊断证明",
  RECEIPT: "费用票据",
  MEDICAL_HISTORY: "病史材料",
  SETTLEMENT_SHEET: "医保结算单",
  SPECIAL_CARE_CERTIFICATE: "优抚对象身份凭证",
  OTHER: "其他材料",
};

export const APPLICATION_KIND_IDS = [
  "INPATIENT_ASSISTANCE",
  "OUTPATIENT_ASSISTANCE",
  "ONE_OFF_ASSISTANCE",
  "LOW_INCOME_RECOGNITION",
  "QJ_SPECIAL_CARE_SUBSIDY",
] as const;
export type ApplicationKindId = (typeof APPLICATION_KIND_IDS)[number];

/** The county decision on a kind: which permission approves, refuses or returns it. */
export type ApprovePermission = Extract<Permission, "case:approve:assistance" | "case:approve:special-care">;

/**
 * Who may apply, read from the library on the bill's date:
 * - assistanceRows: an identity of an assistance row of that form (or, for the rows open to any
 *   insured patient, one of its diseases), or a quota identity for inpatient stays;
 * - oneOff: an identity of assistance.oneOff held on any day of the year applied for (RULES.md
 *   Readings 11), applied for inside the window;
 * - recognition: anyone insured who does not already hold the identity the recognition grants;
 * - specialCare: a QJ-YF-2023 Art. 2 identity (with its minimum age) on the bill's date.
 */
export type Eligibility =
  | { kind: "assistanceRows"; form: "INPATIENT" | "OUTPATIENT"; withQuota: boolean }
  | { kind: "oneOff" }
  | { kind: "recognition" }
  | { kind: "specialCare" };

export type RequiredDocument = { kind: AttachmentKind; citation: Citation };

export type ApplicationKind = {
  id: ApplicationKindId;
  label: string;
  /** The parameter that must be in force for the person's jurisdiction on the bill's date. */
  governedBy: ParameterId;
  /** Whether enrolment on the bill's date is required (a flag parameter), checked at filing. */
  enrolmentRequiredBy: "assistance.requiresEnrolment" | null;
  eligibility: Eligibility;
  approvePermission: ApprovePermission;
  /** The approving body, as the notice and the worklist name it. */
  approver: string;
  /** The programme a refusal notice names ("不符合…条件书面告知书"). */
  noticeProgramme: "医疗救助" | "优抚医疗补助";
  requiredDocuments: readonly RequiredDocument[];
  /** Bills the application carries (the rules module's claim types); empty: none needed. */
  claimTypes: readonly ClaimType[];
  /** What the rules module runs at county review. */
  computes: { chain: boolean; programme: Programme | null; recognitionThreshold: "assistance.lowIncomeRecognition" | null };
  /** On approval the person gains the identity this parameter names, from the approval date. */
  grantsIdentity: "assistance.lowIncomeRecognition" | null;
  /** The articles the procedure of this kind follows. */
  procedure: readonly Citation[];
};

// YQ-JZ-2019 §6(2): "凭医疗诊断书、医疗费用收据、必要的病史材料、医疗保险报销证明材料等…提出申请".
const YQ_DOCUMENTS: readonly RequiredDocument[] = [
  { kind: "DIAGNOSIS_CERTIFICATE", citation: { document: "YQ-JZ-2019", article: "§6(2)" } },
  { kind: "RECEIPT", citation: { document: "YQ-JZ-2019", article: "§6(2)" } },
  { kind: "MEDICAL_HISTORY", citation: { document: "YQ-JZ-2019", article: "§6(2)" } },
  { kind: "SETTLEMENT_SHEET", citation: { document: "YQ-JZ-2019", article: "§6(2)" } },
];

const YQ_PROCEDURE: readonly Citation[] = [{ document: "YQ-JZ-2019", article: "§6(2)" }];

const INPATIENT_CLAIMS: readonly ClaimType[] = ["INPATIENT"];
const OUTPATIENT_CLAIMS: readonly ClaimType[] = ["OUTPATIENT", "CHRONIC_OUTPATIENT", "DUAL_CHANNEL"];

export const APPLICATION_KINDS: Readonly<Record<ApplicationKindId, ApplicationKind>> = {
  INPATIENT_ASSISTANCE: {
    id: "INPATIENT_ASSISTANCE",
    label: "住院医疗救助",
    governedBy: "assistance.rows",
    enrolmentRequiredBy: "assistance.requiresEnrolment",
    eligibility: { kind: "assistanceRows", form: "INPATIENT", withQuota: true },
    approvePermission: "case:approve:assistance",
    approver: "县医疗保障局",
    noticeProgramme: "医疗救助",
    requiredDocuments: YQ_DOCUMENTS,
    claimTypes: INPATIENT_CLAIMS,
    computes: { chain: true, programme: null, recognitionThreshold: null },
    grantsIdentity: null,
    procedure: [...YQ_PROCEDURE, { document: "YQ-JZ-2019", article: "§4(2)3" }],
  },
  OUTPATIENT_ASSISTANCE: {
    id: "OUTPATIENT_ASSISTANCE",
    label: "门诊医疗救助",
    governedBy: "assistance.rows",
    enrolmentRequiredBy: "assistance.requiresEnrolment",
    eligibility: { kind: "assistanceRows", form: "OUTPATIENT", withQuota: false },
    approvePermission: "case:approve:assistance",
    approver: "县医疗保障局",
    noticeProgramme: "医疗救助",
    requiredDocuments: YQ_DOCUMENTS,
    claimTypes: OUTPATIENT_CLAIMS,
    computes: { chain: true, programme: null, recognitionThreshold: null },
    grantsIdentity: null,
    procedure: [...YQ_PROCEDURE, { document: "YQ-JZ-2019", article: "§4(2)2" }],
  },
  ONE_OFF_ASSISTANCE: {
    id: "ONE_OFF_ASSISTANCE",
    label: "一次性救助",
    governedBy: "assistance.oneOff",
    enrolmentRequiredBy: "assistance.requiresEnrolment",
    eligibility: { kind: "oneOff" },
    approvePermission: "case:approve:assistance",
    approver: "县医疗保障局",
    noticeProgramme: "医疗救助",
    requiredDocuments: YQ_DOCUMENTS,
    claimTypes: INPATIENT_CLAIMS,
    computes: { chain: true, programme: "YQ_ONE_OFF_ASSISTANCE", recognitionThreshold: null },
    grantsIdentity: null,
    procedure: [...YQ_PROCEDURE, { document: "YQ-JZ-2019", article: "§4(2)3" }],
  },
  LOW_INCOME_RECOGNITION: {
    id: "LOW_INCOME_RECOGNITION",
    label: "低收入救助对象认定",
    governedBy: "assistance.lowIncomeRecognition",
    enrolmentRequiredBy: "assistance.requiresEnrolment",
    eligibility: { kind: "recognition" },
    approvePermission: "case:approve:assistance",
    approver: "县医疗保障局",
    noticeProgramme: "医疗救助",
    requiredDocuments: YQ_DOCUMENTS,
    claimTypes: [...INPATIENT_CLAIMS, ...OUTPATIENT_CLAIMS],
    computes: { chain: true, programme: null, recognitionThreshold: "assistance.lowIncomeRecognition" },
    grantsIdentity: "assistance.lowIncomeRecognition",
    procedure: [...YQ_PROCEDURE, { document: "YQ-JZ-2019", article: "§4(1)3" }],
  },
  QJ_SPECIAL_CARE_SUBSIDY: {
    id: "QJ_SPECIAL_CARE_SUBSIDY",
    label: "优抚医疗补助",
    governedBy: "specialCare.inpatient",
    enrolmentRequiredBy: null,
    eligibility: { kind: "specialCare" },
    approvePermission: "case:approve:special-care",
    approver: "区退役军人事务局",
    noticeProgramme: "优抚医疗补助",
    requiredDocuments: [
      { kind: "DIAGNOSIS_CERTIFICATE", citation: { document: "QJ-YF-2023", article: "Art. 13" } },
      { kind: "RECEIPT", citation: { document: "QJ-YF-2023", article: "Art. 8(2)" } },
      { kind: "SETTLEMENT_SHEET", citation: { document: "QJ-YF-2023", article: "Art. 8(2)" } },
      { kind: "SPECIAL_CARE_CERTIFICATE", citation: { document: "QJ-YF-2023", article: "Art. 2, Art. 13" } },
    ],
    claimTypes: INPATIENT_CLAIMS,
    computes: { chain: true, programme: null, recognitionThreshold: null },
    grantsIdentity: null,
    procedure: [
      { document: "QJ-YF-2023", article: "Art. 8(2)–(3)" },
      { document: "QJ-YF-2023", article: "Art. 13" },
    ],
  },
};

export function applicationKind(id: ApplicationKindId): ApplicationKind {
  return APPLICATION_KINDS[id];
}

/** The jurisdictions a kind exists in: those of its governing parameter's versions, per the library. */
export function jurisdictionsOf(kind: ApplicationKind, library: PolicyLibrary = DEFAULT_LIBRARY): JurisdictionNode[] {
  const versions: readonly { jurisdiction: JurisdictionNode }[] = library.data.parameters[kind.governedBy].versions;
  return [...new Set(versions.map((version) => version.jurisdiction))];
}
