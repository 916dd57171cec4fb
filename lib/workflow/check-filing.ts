// The filing-time check (issue 8): a kind that does not apply to the person's jurisdiction or
// identities on the bill's date, or a one-off application outside its window, is refused when it
// is filed, with the rule's reason and article, not at the end of the procedure.
import { daysInMonth, isoDate, overlaps, yearOf, type IsoDate } from "@/lib/rules/dates";
import { enrolmentOn, identitiesOn, type IdentityType, type Person } from "@/lib/rules/domain";
import type { Citation } from "@/lib/rules/library/documents";
import { DEFAULT_LIBRARY, type PolicyLibrary, type ResolvedParameters } from "@/lib/rules/library/policy-library";
import { REASONS } from "@/lib/rules/library/reasons";
import type { Fen } from "@/lib/rules/money";
import { specialCareIdentities } from "@/lib/rules/stages/special-care";
import type { ApplicationKind } from "./application-kinds";
import { FILING_REASON_MESSAGES, type RefusalReason } from "./refusal-reasons";

export type FilingOptions = {
  /** Diagnosis codes of the bills, when entered: they open the rows for any insured patient (Gaucher, Pompe). */
  diagnoses?: readonly string[] | undefined;
  /** A one-off application for the bill's year was already decided on its merits (RULES.md Readings 11). */
  oneOffDecidedForYear?: boolean | undefined;
  library?: PolicyLibrary | undefined;
};

export type FilingCheck = { ok: true } | { ok: false; reasons: RefusalReason[] };

function filing(code: keyof typeof FILING_REASON_MESSAGES, citation: Citation): RefusalReason {
  return { source: "filing", code, message: FILING_REASON_MESSAGES[code], citation };
}

function rulesReason(code: "NOT_ENROLLED" | "NOT_ELIGIBLE_IDENTITY" | "OUTSIDE_APPLICATION_WINDOW" | "AGE_BELOW_MINIMUM" | "ALREADY_PAID_THIS_YEAR", citation: Citation): RefusalReason {
  return { source: "filing", code, message: REASONS[code].message, citation };
}

/** The one-off window for bills of `year`: from the first day of the next year to the end of the library's last month. */
export function oneOffWindow(year: number, windowEndMonth: number): { from: IsoDate; to: IsoDate } {
  // The year applied for must be over: the window opens with the next year (RULES.md §4; YQ-JZ-2019
  // §4(2)3 only names its end, "次年2月底前").
  return { from: isoDate(year + 1, 1, 1), to: isoDate(year + 1, windowEndMonth, daysInMonth(year + 1, windowEndMonth)) };
}

function heldDuringYear(person: Person, types: readonly IdentityType[], year: number): boolean {
  return person.identities.some((identity) => types.includes(identity.type) && overlaps(identity.from, identity.to, isoDate(year, 1, 1), isoDate(year, 12, 31)));
}

function eligibilityReasons(kind: ApplicationKind, person: Person, on: IsoDate, params: ResolvedParameters, options: FilingOptions, today: IsoDate): RefusalReason[] {
  const basis = params[kind.governedBy]?.citation;
  if (!basis) return [];
  const held = identitiesOn(person, on);
  switch (kind.eligibility.kind) {
    case "assistanceRows": {
      const form = kind.eligibility.form;
      const rows = params["assistance.rows"]?.value.filter((row) => row.forms.includes(form)) ?? [];
      const identities = new Set<IdentityType>();
      for (const row of rows) if (row.identities !== "ANY_INSURED") for (const identity of row.identities) identities.add(identity);
      const quota = kind.eligibility.withQuota ? params["assistance.majorDiseaseQuota"]?.value : undefined;
      if (quota) for (const identity of [...quota.keyIdentities, ...quota.lowIncomeIdentities]) identities.add(identity);
      if (held.some((identity) => identities.has(identity))) return [];
      const diagnoses = options.diagnoses ?? [];
      const openRow = rows.some((row) => row.identities === "ANY_INSURED" && (row.diagnoses ?? []).some((group) => group.codes.some((code) => diagnoses.includes(code))));
      return openRow ? [] : [rulesReason("NOT_ELIGIBLE_IDENTITY", params["assistance.rows"]?.citation ?? basis)];
    }
    case "oneOff": {
      const rule = params["assistance.oneOff"];
      if (!rule) return [];
      const reasons: RefusalReason[] = [];
      const year = yearOf(on);
      if (year !== yearOf(today) - 1) reasons.push(filing("ONE_OFF_PAST_YEAR_ONLY", rule.citation));
      const window = oneOffWindow(year, rule.value.windowEndMonth);
      if (today < window.from || today > window.to) reasons.push(rulesReason("OUTSIDE_APPLICATION_WINDOW", rule.citation));
      if (!heldDuringYear(person, rule.value.identities, year)) reasons.push(rulesReason("NOT_ELIGIBLE_IDENTITY", rule.citation));
      if (options.oneOffDecidedForYear) reasons.push(rulesReason("ALREADY_PAID_THIS_YEAR", rule.citation));
      return reasons;
    }
    case "recognition": {
      const rule = params["assistance.lowIncomeRecognition"];
      if (!rule) return [];
      return identitiesOn(person, today).includes(rule.value.grants) ? [filing("IDENTITY_ALREADY_HELD", rule.citation)] : [];
    }
    case "specialCare": {
      const groups = params["specialCare.groups"];
      if (!groups) return [rulesReason("NOT_ELIGIBLE_IDENTITY", basis)];
      if (specialCareIdentities(person, on, groups.value).length > 0) return [];
      const tooYoung = held.some((identity) => groups.value.minAge[identity] !== undefined && [...groups.value.A, ...groups.value.B].includes(identity));
      return [rulesReason(tooYoung ? "AGE_BELOW_MINIMUM" : "NOT_ELIGIBLE_IDENTITY", groups.citation)];
    }
  }
}

/**
 * May `person` file an application of `kind` for a bill settled on `billDate`, today? Without a
 * bill date (a draft before its bills are entered) the kind and its window are checked on today
 * and identities are left to the submission. The one-off window is checked on today, the day of
 * application; identities, enrolment and the kind's existence on the bill's date.
 */
export function checkFiling(kind: ApplicationKind, person: Person, billDate: IsoDate | null, today: IsoDate, options: FilingOptions = {}): FilingCheck {
  const library = options.library ?? DEFAULT_LIBRARY;
  const on = billDate ?? today;
  const params = library.resolve(person.jurisdiction, on);
  const governing = params[kind.governedBy];
  const firstProcedure = kind.procedure[0];
  if (!governing) {
    // Nothing in force: cite the article the kind is filed under, which says where it applies.
    return { ok: false, reasons: firstProcedure ? [filing("KIND_NOT_AVAILABLE", firstProcedure)] : [] };
  }
  const reasons: RefusalReason[] = [];
  if (billDate !== null && billDate > today) reasons.push(filing("BILL_DATE_IN_FUTURE", governing.citation));
  if (billDate === null) {
    // Only the window can be told before the bills: the year applied for is the past one.
    if (kind.eligibility.kind === "oneOff") {
      const rule = params["assistance.oneOff"];
      const window = rule ? oneOffWindow(yearOf(today) - 1, rule.value.windowEndMonth) : null;
      if (rule && window && (today < window.from || today > window.to)) reasons.push(rulesReason("OUTSIDE_APPLICATION_WINDOW", rule.citation));
    }
    return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
  }
  if (kind.enrolmentRequiredBy) {
    const flag = params[kind.enrolmentRequiredBy];
    // The one-off application needs enrolment on the application date (RULES.md Readings 11).
    const enrolledOn = kind.eligibility.kind === "oneOff" ? today : billDate;
    if (flag?.value && enrolmentOn(person, enrolledOn) === null) reasons.push(rulesReason("NOT_ENROLLED", flag.citation));
  }
  reasons.push(...eligibilityReasons(kind, person, billDate, params, options, today));
  return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
}

export type RecognitionThreshold = {
  met: boolean;
  largestBill: Fen;
  yearTotal: Fen;
  singleBillThreshold: Fen;
  annualThreshold: Fen;
  citation: Citation;
};

/**
 * YQ-JZ-2019 §4(1)3: a family's seriously ill member is a low-income recipient when the compliant
 * cost they bore after insurance is "一次性支出20000元以上或年度累计支出50000元以上"; "以上" includes the
 * figure itself. `personalCosts`: that cost of each bill of the year (the rules module's base).
 */
export function checkRecognitionThreshold(jurisdiction: Person["jurisdiction"], on: IsoDate, personalCosts: readonly Fen[], library: PolicyLibrary = DEFAULT_LIBRARY): RecognitionThreshold | null {
  const rule = library.resolve(jurisdiction, on)["assistance.lowIncomeRecognition"];
  if (!rule) return null;
  let largestBill = 0n;
  let yearTotal = 0n;
  for (const cost of personalCosts) {
    if (cost > largestBill) largestBill = cost;
    yearTotal += cost;
  }
  const met = largestBill >= rule.value.singleBillThreshold || yearTotal >= rule.value.annualThreshold;
  return { met, largestBill, yearTotal, singleBillThreshold: rule.value.singleBillThreshold, annualThreshold: rule.value.annualThreshold, citation: rule.citation };
}
