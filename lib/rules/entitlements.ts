// Benefits that are not tied to one claim: QJ monthly outpatient allowance, YQ one-off assistance
// and the pharmacy card's chronic-disease quarter. Each reads the person and the year's accumulators.
import type { Accumulators, ReasonEntry, TraceLine, TraceParamRef } from "./claim-context";
import { accumulatorKey } from "./accumulator-keys";
import { interpreted, ref } from "./claim-context";
import { ageOn, daysInMonth, isoDate, overlaps, quarterRange } from "./dates";
import type { EntitlementRequest, IdentityType, Person, Programme } from "./domain";
import { conditionCodes, enrolmentOn, holdsCondition, identitiesOn } from "./domain";
import type { Fen } from "./money";
import { applyRate, minFen, positive } from "./money";
import type { Citation } from "./library/documents";
import type { PolicyLibrary } from "./library/policy-library";
import { DEFAULT_LIBRARY } from "./library/policy-library";
import type { ReasonCode } from "./library/reasons";
import { REASONS } from "./library/reasons";
import { cardParameters, cardStatus } from "./stages/pharmacy-card";
import { paramText } from "./formula-text";

export type EntitlementResult = {
  programme: Programme;
  year?: number;
  quarter?: string;
  appliedOn?: string;
  amount: Fen;
  eligible: boolean;
  /** QJ_MONTHLY_ALLOWANCE: months counted. */
  months?: number;
  reasons: ReasonEntry[];
  trace: TraceLine[];
};

function reason(code: ReasonCode, citation?: Citation | null, detail?: string): ReasonEntry {
  const entry: ReasonEntry = { stage: "entitlement", code, message: REASONS[code].message, citation: citation === undefined ? REASONS[code].citation : citation };
  if (detail !== undefined) entry.detail = detail;
  return entry;
}

// QJ-YF-2023 Art. 8(1): a month counts when an allowance identity holds on its first day (60+
// rural veterans: aged 60 that day); 在乡复员军人 100 a month, others 75, plus the yearly extras,
// each due when its condition held on the first day of a month counted as 在乡复员军人.
export function monthlyAllowance(person: Person, year: number, library: PolicyLibrary = DEFAULT_LIBRARY): EntitlementResult {
  const trace: TraceLine[] = [];
  const reasons: ReasonEntry[] = [];
  let amount = 0n;
  let months = 0;
  let anyRule = false;
  /** First days of the months counted as 在乡复员军人: the days a condition must hold for its extra. */
  const extrasMonths: string[] = [];
  let extrasRule: { extras: Record<string, Fen>; citation: Citation; ref: TraceParamRef } | null = null;
  let lastCounted: { citation: Citation; ref: TraceParamRef } | null = null;
  for (let month = 1; month <= 12; month++) {
    const first = isoDate(year, month, 1);
    const params = library.resolve(person.jurisdiction, first);
    const allowance = params["specialCare.monthlyAllowance"];
    const groups = params["specialCare.groups"];
    if (!allowance || !groups) continue;
    anyRule = true;
    let best: { identity: IdentityType; amount: Fen } | null = null;
    const compared: string[] = [];
    for (const identity of identitiesOn(person, first)) {
      const monthly = allowance.value.monthly[identity];
      if (monthly === undefined) continue;
      const minAge = groups.value.minAge[identity];
      if (minAge !== undefined && ageOn(person.birthDate, first) < minAge) continue;
      compared.push(identity);
      // Several identities: the highest standard (QJ-YF-2023 Art. 3, 就高).
      if (best === null || monthly > best.amount) best = { identity, amount: monthly };
    }
    if (!best) continue;
    months++;
    amount += best.amount;
    lastCounted = { citation: allowance.citation, ref: ref(allowance) };
    if (best.identity === allowance.value.extrasIdentity) {
      extrasMonths.push(first);
      extrasRule = { extras: allowance.value.extras, citation: allowance.citation, ref: ref(allowance) };
    }
    trace.push({
      id: `allowance.month${month}`,
      stage: "entitlement",
      label: `${year}年${month}月定额门诊补助`,
      value: best.amount,
      formula: "当月首日具备的补助身份中标准最高者",
      inputs: { identity: best.identity, compared },
      params: [ref(allowance), ref(groups)],
      citation: allowance.citation,
    });
  }
  if (extrasRule) {
    for (const condition of conditionCodes(person)) {
      const extra = extrasRule.extras[condition];
      if (extra === undefined) continue;
      // A condition recognised after the year's last such month, or ended before its first, earns nothing.
      const heldOn = extrasMonths.find((first) => holdsCondition(person, condition, first));
      if (heldOn === undefined) continue;
      amount += extra;
      trace.push({ id: `allowance.extra.${condition}`, stage: "entitlement", label: `在乡复员军人年度增发（${condition}）`, value: extra, formula: `在乡复员军人年度增发：每年${paramText(extra)}（计入月份首日患有该情形）`, inputs: { condition, heldOn }, params: [extrasRule.ref], citation: extrasRule.citation });
    }
  }
  if (!anyRule) reasons.push(reason("NO_RULE_IN_FORCE"));
  else if (months === 0) reasons.push(reason("NO_MONTH_COUNTED"));
  // Reading 12: the allowance does not depend on enrolment (only Art. 8(2)–(3) do).
  trace.push(interpreted({ id: "allowance.amount", stage: "entitlement", label: "年度定额门诊补助合计", value: amount, formula: "各计入月份补助之和 + 年度增发（不以参保为条件）", inputs: { months }, params: lastCounted ? [lastCounted.ref] : [], citation: lastCounted?.citation ?? null }, [12]));
  return { programme: "QJ_MONTHLY_ALLOWANCE", year, amount, eligible: months > 0, months, reasons, trace };
}

// YQ-JZ-2019 §4(2)3: once a year, applied for between 1 January and the end of February of the
// next year; 50 % of the year's compliant personal inpatient cost above 20,000, at most 5,000.
// Reading 11: identity on any day of the year applied for, enrolment on the application date, the
// base after claim-by-claim assistance; `alreadyDecided` = the year was decided on its merits.
export function oneOffAssistance(person: Person, year: number, appliedOn: string, accumulators: Accumulators, alreadyDecided: boolean, library: PolicyLibrary = DEFAULT_LIBRARY): EntitlementResult {
  const params = library.resolve(person.jurisdiction, isoDate(year, 12, 31));
  const rule = params["assistance.oneOff"];
  const base: Fen = accumulators[accumulatorKey("assistance.oneOffBase", String(year))] ?? 0n;
  const trace: TraceLine[] = [];
  const reasons: ReasonEntry[] = [];
  const result: EntitlementResult = { programme: "YQ_ONE_OFF_ASSISTANCE", year, appliedOn, amount: 0n, eligible: false, reasons, trace };
  if (!rule) {
    reasons.push(reason("NO_RULE_IN_FORCE"));
    return result;
  }
  const windowEnd = isoDate(year + 1, rule.value.windowEndMonth, daysInMonth(year + 1, rule.value.windowEndMonth));
  const windowStart = isoDate(year + 1, 1, 1);
  const identityHeld = person.identities.some((identity) => rule.value.identities.includes(identity.type) && overlaps(identity.from, identity.to, isoDate(year, 1, 1), isoDate(year, 12, 31)));
  const enrolled = enrolmentOn(person, appliedOn) !== null;
  const inWindow = appliedOn >= windowStart && appliedOn <= windowEnd;
  const computed = minFen(applyRate(positive(base - rule.value.threshold), rule.value.rate), rule.value.limit);
  trace.push(
    interpreted(
      {
        id: "oneOff.base",
        stage: "entitlement",
        label: "本年住院合规个人负担累计",
        value: base,
        formula: "本年各次住院（政策范围内费用 − 基本医保 − 大病保险 − 已获医疗救助）之和，不含单病种限额住院",
        inputs: {},
        params: [ref(rule)],
        citation: rule.citation,
      },
      [11],
    ),
  );
  trace.push(
    interpreted(
      {
        id: "oneOff.amount",
        stage: "entitlement",
        label: "一次性救助",
        value: computed,
        formula: `min(${paramText(rule.value.limit)}, (累计 − ${paramText(rule.value.threshold)}) × ${paramText(rule.value.rate)})`,
        inputs: { base, threshold: rule.value.threshold, rate: rule.value.rate, limit: rule.value.limit, appliedOn, windowStart, windowEnd, identityHeld, enrolled },
        params: [ref(rule)],
        citation: rule.citation,
      },
      [11],
    ),
  );
  // Eligibility is who may apply and when (identity, window, once a year); the 20,000 threshold is
  // part of the amount, so an eligible applicant below it is told so with amount 0.
  if (!identityHeld) reasons.push(reason("NOT_ELIGIBLE_IDENTITY", rule.citation));
  if (!enrolled) reasons.push(reason("NOT_ENROLLED", { document: "YQ-JZ-2019", article: "§4(1)" }, "申请日未参加基本医疗保险"));
  if (!inWindow) reasons.push(reason("OUTSIDE_APPLICATION_WINDOW", rule.citation));
  if (alreadyDecided) reasons.push(reason("ALREADY_PAID_THIS_YEAR", rule.citation));
  result.eligible = reasons.length === 0;
  if (result.eligible) {
    result.amount = computed;
    if (computed === 0n) reasons.push(reason("BELOW_THRESHOLD", rule.citation));
  }
  return result;
}

// SX-CARD-2026: 5 % of a calendar quarter's own payments for the 7 chronic diseases at the
// designated hospitals when they exceed 450; at most 3,000 per card; quarters may be claimed together.
export function cardChronicQuarter(person: Person, quarter: string, accumulators: Accumulators, paidBefore: Fen, library: PolicyLibrary = DEFAULT_LIBRARY): EntitlementResult & { period: string | null } {
  const range = quarterRange(quarter);
  const trace: TraceLine[] = [];
  const reasons: ReasonEntry[] = [];
  const params = cardParameters(library, range.to);
  const rule = params["card.chronic"];
  const programme = params["card.programme"];
  const result = { programme: "SX_CARD_CHRONIC" as const, quarter, amount: 0n, eligible: false, reasons, trace, period: null as string | null };
  if (!rule || !programme) {
    reasons.push(reason("NO_RULE_IN_FORCE"));
    return result;
  }
  // The card's state during the quarter: checked on the quarter's first day the card could be used.
  const probe = range.from < programme.value.validFrom ? (range.to < programme.value.validFrom ? range.to : programme.value.validFrom) : range.from;
  const status = cardStatus(person, probe, params);
  const own: Fen = accumulators[accumulatorKey("card.chronicOwn", quarter)] ?? 0n;
  if (!status.ok) {
    reasons.push(reason(status.code));
    return result;
  }
  result.period = status.period;
  const raw = own > rule.value.quarterThreshold ? applyRate(own, rule.value.rate) : 0n;
  const amount = minFen(raw, positive(rule.value.cap - paidBefore));
  trace.push(
    interpreted(
      {
        id: "cardChronic.amount",
        stage: "entitlement",
        label: `${quarter} 慢病门诊用药补贴`,
        value: amount,
        formula: `本季度个人自付超过${paramText(rule.value.quarterThreshold)}时：min(个人自付 × ${paramText(rule.value.rate)}, ${paramText(rule.value.cap)} − 本卡已补贴)`,
        inputs: { own, threshold: rule.value.quarterThreshold, rate: rule.value.rate, cap: rule.value.cap, paidBefore },
        params: [ref(rule)],
        citation: rule.citation,
      },
      [13],
    ),
  );
  if (raw === 0n) reasons.push(reason("BELOW_THRESHOLD", rule.citation));
  else if (amount < raw) reasons.push(reason("ANNUAL_CAP_REACHED", rule.citation));
  result.amount = amount;
  // The card holder is eligible; a quarter at or below 450 simply pays 0 (BELOW_THRESHOLD).
  result.eligible = true;
  return result;
}

/** All of a case's entitlements, in input order, after its claims have been replayed. */
export function computeEntitlements(person: Person, requests: readonly EntitlementRequest[], accumulators: Accumulators, library: PolicyLibrary = DEFAULT_LIBRARY): EntitlementResult[] {
  const oneOffDecided = new Set<number>();
  const cardPaid = new Map<string, Fen>();
  return requests.map((request) => {
    switch (request.programme) {
      case "QJ_MONTHLY_ALLOWANCE":
        return monthlyAllowance(person, request.year, library);
      case "YQ_ONE_OFF_ASSISTANCE": {
        const result = oneOffAssistance(person, request.year, request.appliedOn, accumulators, oneOffDecided.has(request.year), library);
        // Reading 11: an application inside the window decides the year on its merits (granted,
        // refused or 0); one refused at filing for being outside the window decides nothing.
        if (!result.reasons.some((entry) => entry.code === "OUTSIDE_APPLICATION_WINDOW" || entry.code === "ALREADY_PAID_THIS_YEAR")) oneOffDecided.add(request.year);
        return result;
      }
      case "SX_CARD_CHRONIC": {
        const probe = cardChronicQuarter(person, request.quarter, accumulators, 0n, library);
        const before = probe.period ? (cardPaid.get(probe.period) ?? 0n) : 0n;
        const result = before === 0n ? probe : cardChronicQuarter(person, request.quarter, accumulators, before, library);
        if (result.period) cardPaid.set(result.period, before + result.amount);
        return { programme: result.programme, quarter: result.quarter, amount: result.amount, eligible: result.eligible, reasons: result.reasons, trace: result.trace };
      }
    }
  });
}
