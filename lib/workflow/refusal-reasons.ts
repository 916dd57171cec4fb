// Why an application is refused, in words a refusal notice (YQ-JZ-2019 附件5) can print: "不符合…
// 以下规定：<rule>（<document> <article>）". A reason comes from one of three lists, each with its
// article: the rules module's reason codes (lib/rules/library/reasons.ts), the filing check's own
// reasons, or the reviewer's chosen reasons below (what a township or county reviewer finds that no
// computation shows: the household, the documents, an objection).
import type { Citation } from "@/lib/rules/library/documents";
import { REASON_CODES, REASONS, type ReasonCode } from "@/lib/rules/library/reasons";

export type ReasonText = { message: string; citation: Citation };

export const REVIEWER_REASON_CODES = [
  "HOUSEHOLD_NOT_IN_HARDSHIP",
  "NOT_REGISTERED_HERE",
  "NOT_SPECIAL_CARE_RECIPIENT",
  "COSTS_NOT_COMPLIANT",
  "NOT_DESIGNATED_HOSPITAL",
  "NO_REMAINING_HARDSHIP",
  "BELOW_RECOGNITION_THRESHOLD",
  "OBJECTION_UPHELD",
  "DOCUMENTS_NOT_SUPPLIED",
] as const;
export type ReviewerReasonCode = (typeof REVIEWER_REASON_CODES)[number];

export const REVIEWER_REASONS: Readonly<Record<ReviewerReasonCode, ReasonText>> = {
  HOUSEHOLD_NOT_IN_HARDSHIP: {
    message: "经入户调查，申请人家庭经济状况不属于医疗救助对象范围",
    citation: { document: "YQ-JZ-2019", article: "§4(1)、§6(2)" },
  },
  NOT_REGISTERED_HERE: {
    message: "申请人户籍不在受理申请的乡镇（街道），应向户籍所在地提出申请",
    citation: { document: "YQ-JZ-2019", article: "§6(2)" },
  },
  NOT_SPECIAL_CARE_RECIPIENT: {
    message: "申请人不属于户籍和抚恤补助关系在本区、享受国家定期抚恤补助的优抚对象",
    citation: { document: "QJ-YF-2023", article: "Art. 2" },
  },
  COSTS_NOT_COMPLIANT: {
    message: "申请的费用不属于定点医疗机构发生的政策范围内医疗费用",
    citation: { document: "YQ-JZ-2019", article: "§4(2)3" },
  },
  NOT_DESIGNATED_HOSPITAL: {
    message: "就医机构不是医疗救助定点医疗机构",
    citation: { document: "YQ-JZ-2019", article: "§4(2)3、§7(1)" },
  },
  NO_REMAINING_HARDSHIP: {
    message: "经报销后家庭承担个人自付费用不存在困难，不符合一次性救助条件",
    citation: { document: "YQ-JZ-2019", article: "§4(2)3" },
  },
  BELOW_RECOGNITION_THRESHOLD: {
    message: "经医疗保险报销后个人负担的合规医疗费用未达到一次性支出或年度累计支出的认定标准",
    citation: { document: "YQ-JZ-2019", article: "§4(1)3" },
  },
  OBJECTION_UPHELD: {
    message: "公示期间收到的异议经核实成立",
    citation: { document: "YQ-JZ-2019", article: "§6(2)" },
  },
  DOCUMENTS_NOT_SUPPLIED: {
    message: "补正期限届满仍未提交申请所需的材料",
    citation: { document: "YQ-JZ-2019", article: "§6(2)" },
  },
};

/** The filing check's own reasons, besides rules-module codes it reuses. */
export const FILING_REASON_CODES = ["KIND_NOT_AVAILABLE", "BILL_DATE_IN_FUTURE", "ONE_OFF_PAST_YEAR_ONLY", "IDENTITY_ALREADY_HELD"] as const;
export type FilingReasonCode = (typeof FILING_REASON_CODES)[number];

/** Messages of the filing reasons; the citation is the kind's own (see checkFiling). */
export const FILING_REASON_MESSAGES: Readonly<Record<FilingReasonCode, string>> = {
  KIND_NOT_AVAILABLE: "该申请类别在申请人所在统筹区、费用发生之日没有有效的政策规定",
  BILL_DATE_IN_FUTURE: "费用结算日期晚于今天",
  ONE_OFF_PAST_YEAR_ONLY: "一次性救助只受理上一年度发生的住院费用",
  IDENTITY_ALREADY_HELD: "申请人已是低收入救助对象，无需再次认定",
};

/** A reason as stored on a case and printed on its notice: its list, code, words and article. */
export type RefusalReason =
  | { source: "rules"; code: ReasonCode; message: string; citation: Citation }
  | { source: "reviewer"; code: ReviewerReasonCode; message: string; citation: Citation }
  | { source: "filing"; code: FilingReasonCode | ReasonCode; message: string; citation: Citation };

/** What a reviewer picks on the form: a code of either list, with the rules reason's article where it has none of its own. */
export type ChosenReason = { source: "rules"; code: string; citation?: Citation | undefined } | { source: "reviewer"; code: string };

function isReasonCode(code: string): code is ReasonCode {
  return (REASON_CODES as readonly string[]).includes(code);
}

function isReviewerReasonCode(code: string): code is ReviewerReasonCode {
  return (REVIEWER_REASON_CODES as readonly string[]).includes(code);
}

/**
 * The printable reason for a chosen code, or null when the code is unknown or has no article (a
 * notice must name the rule not met: a rules reason without its own citation needs the one the
 * computation attached to it, e.g. from the worksheet's reasons).
 */
export function resolveReason(chosen: ChosenReason): RefusalReason | null {
  if (chosen.source === "reviewer") {
    if (!isReviewerReasonCode(chosen.code)) return null;
    const text = REVIEWER_REASONS[chosen.code];
    return { source: "reviewer", code: chosen.code, message: text.message, citation: text.citation };
  }
  if (!isReasonCode(chosen.code)) return null;
  const definition = REASONS[chosen.code];
  const citation = chosen.citation ?? definition.citation;
  if (!citation) return null;
  return { source: "rules", code: chosen.code, message: definition.message, citation };
}
