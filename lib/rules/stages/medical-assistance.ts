import type { ClaimContext, TraceLine } from "../claim-context";
import { accumulatorKey } from "../accumulator-keys";
import type { AccumulatorKey } from "../library/accumulator-kinds";
import { ASSISTANCE_LIMIT_KINDS } from "../library/accumulator-kinds";
import { addPayout, addReason, addTrace, compareSettled, readAcc, ref, takeSettled, writeAcc } from "../claim-context";
import { holdsIdentity } from "../domain";
import type { Fen, Fraction, Rate } from "../money";
import { applyRate, fraction, fractionMin, fractionTimesRate, positive, roundFraction } from "../money";
import type { AssistanceRow } from "../library/parameters";
import { REASONS } from "../library/reasons";

const STAGE = "medicalAssistance" as const;

/** F(X) of a capped-rate assistance row on the year's running base X (exact, unrounded). */
export function assistanceBand(row: Pick<AssistanceRow, "rate" | "annualLimit">, cumulative: Fen): Fraction {
  const paid = fractionTimesRate(fraction(cumulative), row.rate);
  return row.annualLimit === null ? paid : fractionMin(paid, fraction(row.annualLimit));
}

// YQ-JZ-2019 §4: medical assistance for enrolled key, low-income and rare-disease recipients on the
// compliant cost still borne; of the rows that apply the one paying most wins (就高).
export function applyMedicalAssistance(ctx: ClaimContext): void {
  const { claim, person } = ctx;
  const rows = ctx.params["assistance.rows"];
  const requiresEnrolment = ctx.params["assistance.requiresEnrolment"];
  if (!rows) {
    ctx.amounts.assistance = takeSettled(ctx, STAGE, "assistance", "医疗救助（已结算）");
    return;
  }
  if ((requiresEnrolment?.value ?? true) && !ctx.enrolled) {
    ctx.amounts.assistance = 0n;
    addReason(ctx, STAGE, "NOT_ENROLLED", requiresEnrolment?.citation);
    compareSettled(ctx, STAGE, "assistance", 0n);
    if (ctx.tracing) {
      addTrace(ctx, { id: "assistance.notEnrolled", stage: STAGE, label: "未参保", value: 0n, formula: "救助对象须参加基本医疗保险方可享受医疗救助", inputs: {}, params: requiresEnrolment ? [ref(requiresEnrolment)] : [], citation: requiresEnrolment?.citation ?? REASONS.NOT_ENROLLED.citation });
    }
    return;
  }
  if (ctx.quotaStay) {
    applyQuotaAssistance(ctx);
    return;
  }
  if (claim.type === "PHARMACY" || claim.type === "ONLINE_PHARMACY") {
    ctx.amounts.assistance = 0n;
    addReason(ctx, STAGE, "CLAIM_TYPE_NOT_COVERED", rows.citation);
    compareSettled(ctx, STAGE, "assistance", 0n);
    return;
  }
  const subsidyFirst = ctx.specialCareRan ? ctx.amounts.specialCare + ctx.amounts.specialCareLarge : 0n;
  const base = positive(ctx.amounts.policyScope - ctx.amounts.insurance - ctx.amounts.criticalIllness - subsidyFirst);
  const form = claim.type === "INPATIENT" ? "INPATIENT" : "OUTPATIENT";
  const oneOff = ctx.params["assistance.oneOff"];
  if (form === "INPATIENT" && oneOff) {
    // The year's compliant personal inpatient cost, for the one-off assistance applied for next year.
    const key = accumulatorKey("assistance.oneOffBase", ctx.year);
    writeAcc(ctx, key, readAcc(ctx, key) + base);
  }
  if (ctx.tracing) {
    addTrace(ctx, {
      id: "assistance.base",
      stage: STAGE,
      label: "救助基数（合规个人负担）",
      value: base,
      formula: subsidyFirst > 0n ? "政策范围内费用 − 基本医保 − 大病保险 − 优抚医疗补助" : "政策范围内费用 − 基本医保 − 大病保险",
      inputs: { policyScope: ctx.amounts.policyScope, insurance: ctx.amounts.insurance, criticalIllness: ctx.amounts.criticalIllness, subsidyFirst },
      params: [ref(rows)],
      citation: rows.citation,
    });
  }
  let identityMatched = false;
  let best: { row: AssistanceRow; pay: Fen; key: AccumulatorKey; before: Fen } | null = null;
  const compared: TraceLine[] = [];
  for (const row of rows.value) {
    if (!row.forms.includes(form)) continue;
    const identityOk = row.identities === "ANY_INSURED" ? true : row.identities.some((identity) => holdsIdentity(person, identity, claim.date));
    if (!identityOk) continue;
    if (row.identities !== "ANY_INSURED") identityMatched = true;
    if (row.diagnoses !== null && !claim.diagnoses.some((diagnosis) => row.diagnoses?.some((group) => group.codes.includes(diagnosis)))) continue;
    const key = accumulatorKey(ASSISTANCE_LIMIT_KINDS[row.limitKey], ctx.year);
    const before = readAcc(ctx, key);
    const pay = positive(roundFraction(assistanceBand(row, before + base)) - roundFraction(assistanceBand(row, before)));
    if (ctx.tracing) {
      compared.push({
        id: `assistance.candidate.${row.id}`,
        stage: STAGE,
        label: `比较：${row.label}`,
        value: pay,
        formula: row.annualLimit === null ? "救助基数 × 救助比例" : "min(年度限额, (本年累计基数) × 救助比例) 的本次增量",
        inputs: { base, rate: row.rate, annualLimit: row.annualLimit, cumulativeBefore: before },
        params: [ref(rows)],
        citation: { document: rows.citation.document, article: row.article },
      });
    }
    if (best === null || pay > best.pay) best = { row, pay, key, before };
  }
  for (const line of compared) addTrace(ctx, line);
  if (best === null) {
    ctx.amounts.assistance = 0n;
    const large = ctx.params["assistance.largeOutpatientDiseases"];
    addReason(ctx, STAGE, form === "OUTPATIENT" && identityMatched ? "NOT_LARGE_OUTPATIENT_DISEASE" : "NOT_ELIGIBLE_IDENTITY", form === "OUTPATIENT" && identityMatched ? large?.citation : { document: "YQ-JZ-2019", article: "§4(1)" });
    compareSettled(ctx, STAGE, "assistance", 0n);
    return;
  }
  writeAcc(ctx, best.key, best.before + base);
  ctx.amounts.assistance = best.pay;
  compareSettled(ctx, STAGE, "assistance", best.pay);
  const citation = { document: rows.citation.document, article: best.row.article };
  if (base === 0n) addReason(ctx, STAGE, "NOTHING_LEFT_TO_PAY", citation);
  else if (best.pay === 0n) addReason(ctx, STAGE, "ANNUAL_CAP_REACHED", citation);
  else addPayout(ctx, STAGE, `assistance.${best.row.id}`, `医疗救助：${best.row.label}`, best.pay, citation);
  if (ctx.tracing) {
    addTrace(ctx, {
      id: "assistance.amount",
      stage: STAGE,
      label: "医疗救助（就高）",
      value: best.pay,
      formula: "所比较各项中支付最高的一项",
      inputs: { chosen: best.row.id, compared: compared.map((line) => line.id) },
      params: [ref(rows)],
      citation,
    });
  }
}

// YQ-JZ-2019 §4(2)4: on a quota stay assistance pays its share of the allowed cost, outside every
// annual limit: 20 % for key recipients, 10 % for low-income and 因病致贫 (就高 if both).
function applyQuotaAssistance(ctx: ClaimContext): void {
  const quota = ctx.params["assistance.majorDiseaseQuota"];
  const allowed = ctx.quotaAllowed ?? 0n;
  if (!quota) return;
  const { person, claim } = ctx;
  const candidates: Array<{ group: string; rate: Rate }> = [];
  if (quota.value.keyIdentities.some((identity) => holdsIdentity(person, identity, claim.date))) candidates.push({ group: "重点救助对象", rate: quota.value.keyRate });
  if (quota.value.lowIncomeIdentities.some((identity) => holdsIdentity(person, identity, claim.date))) candidates.push({ group: "低收入、因病致贫", rate: quota.value.lowIncomeRate });
  let pay = 0n;
  let chosen = "";
  for (const candidate of candidates) {
    const amount = applyRate(allowed, candidate.rate);
    if (ctx.tracing) {
      addTrace(ctx, {
        id: `assistance.quota.candidate.${candidate.group}`,
        stage: STAGE,
        label: `比较：${candidate.group}`,
        value: amount,
        formula: "限额内费用 × 救助比例",
        inputs: { allowed, rate: candidate.rate },
        params: [ref(quota)],
        citation: quota.citation,
      });
    }
    if (amount > pay || chosen === "") {
      pay = amount;
      chosen = candidate.group;
    }
  }
  ctx.amounts.assistance = pay;
  compareSettled(ctx, STAGE, "assistance", pay);
  if (pay > 0n) addPayout(ctx, STAGE, "assistance.quota", `重特大疾病限额内救助（${chosen}）`, pay, quota.citation);
  if (ctx.tracing) {
    addTrace(ctx, {
      id: "assistance.quota",
      stage: STAGE,
      label: "重特大疾病医疗救助（不受年度限额限制）",
      value: pay,
      formula: "限额内费用 × 救助比例（就高）",
      inputs: { allowed, chosen },
      params: [ref(quota)],
      citation: quota.citation,
    });
  }
}
