import type { ClaimContext } from "../claim-context";
import { accumulatorKey } from "../accumulator-keys";
import { addPayout, addReason, addTrace, readAcc, ref, writeAcc } from "../claim-context";
import { ageOn } from "../dates";
import { identitiesOn } from "../domain";
import type { IdentityType, Person } from "../domain";
import type { Fen, Fraction } from "../money";
import { applyRate, fraction, fractionMin, fractionPositivePart, fractionTimesRate, minFen, positive, roundFraction } from "../money";
import { IDENTITY_LABELS } from "../library/labels";
import type { ParameterValues, SpecialCareGroup } from "../library/parameters";
import { paramText } from "../formula-text";

const STAGE = "specialCare" as const;

type Groups = ParameterValues["specialCare.groups"];

/** The QJ-YF-2023 Art. 2 identities a person holds on `date`, with their Art. 8(2) group. */
export function specialCareIdentities(person: Person, date: string, groups: Groups): Array<{ identity: IdentityType; group: SpecialCareGroup }> {
  const result: Array<{ identity: IdentityType; group: SpecialCareGroup }> = [];
  for (const identity of identitiesOn(person, date)) {
    const group: SpecialCareGroup | null = groups.A.includes(identity) ? "A" : groups.B.includes(identity) ? "B" : null;
    if (group === null) continue;
    const minAge = groups.minAge[identity];
    // 60+ rural veterans count from the birthday itself (age on the claim date).
    if (minAge !== undefined && ageOn(person.birthDate, date) < minAge) continue;
    result.push({ identity, group });
  }
  return result;
}

/** F(X) of the Art. 8(3) large-amount subsidy on the year's cumulative `left` X. */
export function largeAmountBand(rule: ParameterValues["specialCare.largeAmount"], cumulative: Fen): Fraction {
  return fractionMin(fractionTimesRate(fractionPositivePart(fraction(cumulative - rule.threshold)), rule.rate), fraction(rule.annualLimit));
}

// QJ-YF-2023 Art. 8(2)–(3): inpatient subsidy by group and hospital level on the in-catalogue cost
// left after insurance and assistance, then 30 % of the year's remainder above 5,000.
export function applySpecialCare(ctx: ClaimContext): void {
  const { claim, person } = ctx;
  const inpatient = ctx.params["specialCare.inpatient"];
  const groups = ctx.params["specialCare.groups"];
  const large = ctx.params["specialCare.largeAmount"];
  if (!inpatient || !groups || !large) {
    const delegated = ctx.params["specialCare.scheduleDelegated"];
    // Shanxi leaves the schedule to each city (SX-YF-2024 Art. 8, 22): nothing until one is entered.
    if (delegated?.value) addReason(ctx, STAGE, "NO_SUBSIDY_SCHEDULE", delegated.citation);
    else addReason(ctx, STAGE, "NO_RULE_IN_FORCE");
    if (ctx.tracing) {
      addTrace(ctx, {
        id: "specialCare.noSchedule",
        stage: STAGE,
        label: "优抚医疗补助",
        value: 0n,
        formula: delegated?.value ? "省办法未定补助标准，由各市制定；本地标准未录入" : "该地区、该日期无优抚医疗补助规则",
        inputs: {},
        params: delegated ? [ref(delegated)] : [],
        citation: delegated?.citation ?? null,
      }, [4]);
    }
    return;
  }
  if (claim.type !== "INPATIENT") {
    addReason(ctx, STAGE, "CLAIM_TYPE_NOT_COVERED", inpatient.citation);
    return;
  }
  // Reading 12: the Art. 8(2) and 8(3) subsidies are for those enrolled in basic insurance (Art. 6).
  const requiresEnrolment = ctx.params["specialCare.requiresEnrolment"];
  if (requiresEnrolment?.value && !ctx.enrolled) {
    addReason(ctx, STAGE, "NOT_ENROLLED", requiresEnrolment.citation);
    if (ctx.tracing) {
      addTrace(ctx, { id: "specialCare.notEnrolled", stage: STAGE, label: "未参保", value: 0n, formula: "结算日未参加基本医疗保险，不享受住院医疗补助和大额补助", inputs: {}, params: [ref(requiresEnrolment)], citation: requiresEnrolment.citation }, [12]);
    }
    return;
  }
  const held = specialCareIdentities(person, claim.date, groups.value);
  if (held.length === 0) {
    const tooYoung = identitiesOn(person, claim.date).some((identity) => groups.value.minAge[identity] !== undefined);
    addReason(ctx, STAGE, tooYoung ? "AGE_BELOW_MINIMUM" : "NOT_ELIGIBLE_IDENTITY", groups.citation);
    return;
  }
  const assistanceFirst = ctx.assistanceRan ? ctx.amounts.assistance : 0n;
  const base = positive(ctx.amounts.policyScope - ctx.amounts.insurance - ctx.amounts.criticalIllness - assistanceFirst);
  const level = claim.hospital?.level ?? 3;
  const paidKey = accumulatorKey("specialCare.inpatient", ctx.year);
  const paidBefore = readAcc(ctx, paidKey);
  let best: { identity: IdentityType; group: SpecialCareGroup; pay: Fen } | null = null;
  for (const candidate of held) {
    const schedule = inpatient.value[candidate.group];
    const raw = applyRate(base, schedule.rates[level]);
    const pay = minFen(raw, positive(schedule.annualLimit - paidBefore));
    if (ctx.tracing) {
      addTrace(ctx, {
        id: `specialCare.candidate.${candidate.identity}`,
        stage: STAGE,
        label: `比较：${IDENTITY_LABELS[candidate.identity]}（${candidate.group}类）`,
        value: pay,
        formula: "min(补助基数 × 医院级别补助比例, 年度限额 − 本年已补助)",
        inputs: { base, rate: schedule.rates[level], level, annualLimit: schedule.annualLimit, paidBefore },
        params: [ref(inpatient), ref(groups)],
        citation: { document: inpatient.citation.document, article: schedule.clause },
      }, [1, 2, 12]);
    }
    if (best === null || pay > best.pay) best = { ...candidate, pay };
  }
  if (!best) return;
  ctx.amounts.specialCare = best.pay;
  writeAcc(ctx, paidKey, paidBefore + best.pay);
  if (best.pay > 0n) addPayout(ctx, STAGE, "specialCare.amount", "优抚住院医疗补助", best.pay, inpatient.citation);
  else addReason(ctx, STAGE, base === 0n ? "NOTHING_LEFT_TO_PAY" : "ANNUAL_CAP_REACHED", inpatient.citation);
  if (ctx.tracing) {
    addTrace(ctx, {
      id: "specialCare.amount",
      stage: STAGE,
      label: "优抚住院医疗补助（就高）",
      value: best.pay,
      formula: "补助基数 = 政策范围内费用 − 基本医保 − 大病保险 − 医疗救助；按身份就高",
      inputs: { base, chosen: best.identity, group: best.group },
      params: [ref(inpatient), ref(groups)],
      citation: inpatient.citation,
    });
  }
  // Art. 8(3): what the person still bears after the subsidy, accumulated over the year.
  const left = base - best.pay;
  const leftKey = accumulatorKey("specialCare.largeLeft", ctx.year);
  const before = readAcc(ctx, leftKey);
  const after = before + left;
  writeAcc(ctx, leftKey, after);
  const bandBefore = roundFraction(largeAmountBand(large.value, before));
  const bandAfter = roundFraction(largeAmountBand(large.value, after));
  ctx.amounts.specialCareLarge = positive(bandAfter - bandBefore);
  if (ctx.amounts.specialCareLarge > 0n) addPayout(ctx, STAGE, "specialCareLarge.amount", "优抚医疗大额补助", ctx.amounts.specialCareLarge, large.citation);
  else addReason(ctx, STAGE, bandBefore >= large.value.annualLimit ? "ANNUAL_CAP_REACHED" : "BELOW_THRESHOLD", large.citation);
  if (ctx.tracing) {
    addTrace(ctx, {
      id: "specialCareLarge.cumulative",
      stage: STAGE,
      label: "本年累计补助后个人负担",
      value: after,
      formula: "本年此前累计 + (补助基数 − 住院医疗补助)",
      inputs: { before, left },
      params: [ref(large)],
      citation: large.citation,
    });
    addTrace(ctx, {
      id: "specialCareLarge.amount",
      stage: STAGE,
      label: "优抚医疗大额补助",
      value: ctx.amounts.specialCareLarge,
      formula: `min(${paramText(large.value.annualLimit)}, ${paramText(large.value.rate)} × (累计 − ${paramText(large.value.threshold)})) 的本次增量`,
      inputs: { bandBefore, bandAfter, threshold: large.value.threshold, rate: large.value.rate, annualLimit: large.value.annualLimit },
      params: [ref(large)],
      citation: large.citation,
    }, [1, 2, 12]);
  }
}
