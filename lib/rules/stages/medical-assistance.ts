import type { ClaimContext, TraceLine } from "../claim-context";
import { accumulatorKey } from "../accumulator-keys";
import type { AccumulatorKey } from "../library/accumulator-kinds";
import { ASSISTANCE_LIMIT_KINDS, ASSISTANCE_SHARED_LIMIT_KINDS } from "../library/accumulator-kinds";
import { addPayout, addReason, addTrace, compareSettled, interpreted, readAcc, ref, takeSettled, writeAcc } from "../claim-context";
import { holdsIdentity } from "../domain";
import type { Fen, Fraction, Rate } from "../money";
import { applyRate, fraction, fractionMin, fractionTimesRate, minFen, positive, roundFraction } from "../money";
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
  const subsidyFirst = ctx.specialCareRan ? ctx.amounts.specialCare + ctx.amounts.specialCareLarge : 0n;
  const base = positive(ctx.amounts.policyScope - ctx.amounts.insurance - ctx.amounts.criticalIllness - subsidyFirst);
  if ((requiresEnrolment?.value ?? true) && !ctx.enrolled) {
    ctx.amounts.assistance = 0n;
    recordOneOffBase(ctx, base);
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
  const form = claim.type === "INPATIENT" ? "INPATIENT" : "OUTPATIENT";
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
  let best: { row: AssistanceRow; pay: Fen; key: AccumulatorKey; before: Fen; shared: { key: AccumulatorKey; paidBefore: Fen } | null } | null = null;
  const compared: TraceLine[] = [];
  for (const row of rows.value) {
    if (!row.forms.includes(form)) continue;
    const identityOk = row.identities === "ANY_INSURED" ? true : row.identities.some((identity) => holdsIdentity(person, identity, claim.date));
    if (!identityOk) continue;
    if (row.identities !== "ANY_INSURED") identityMatched = true;
    // Reading 7: a dual-channel (special drug) claim qualifies for the outpatient rows without one of the 7 diseases.
    const diagnosisOk = row.diagnoses === null || row.anyDiagnosisClaimTypes.includes(claim.type) || claim.diagnoses.some((diagnosis) => row.diagnoses?.some((group) => group.codes.includes(diagnosis)));
    if (!diagnosisOk) continue;
    const key = accumulatorKey(ASSISTANCE_LIMIT_KINDS[row.limitKey], ctx.year);
    const before = readAcc(ctx, key);
    const banded = positive(roundFraction(assistanceBand(row, before + base)) - roundFraction(assistanceBand(row, before)));
    // Reading 9: a limit several rows share caps the banded amount at what is left of it this year.
    const shared = row.sharedLimit ? { key: accumulatorKey(ASSISTANCE_SHARED_LIMIT_KINDS[row.sharedLimit.key], ctx.year), amount: row.sharedLimit.amount, paidBefore: 0n } : null;
    if (shared) shared.paidBefore = readAcc(ctx, shared.key);
    const pay = shared ? minFen(banded, positive(shared.amount - shared.paidBefore)) : banded;
    if (ctx.tracing) {
      compared.push(
        interpreted(
          {
            id: `assistance.candidate.${row.id}`,
            stage: STAGE,
            label: `比较：${row.label}`,
            value: pay,
            formula: shared ? "min(本年累计基数 × 救助比例 的本次增量, 共用年度限额 − 本年已救助)" : row.annualLimit === null ? "救助基数 × 救助比例" : "min(年度限额, (本年累计基数) × 救助比例) 的本次增量",
            inputs: { base, rate: row.rate, annualLimit: row.annualLimit, cumulativeBefore: before, sharedLimit: shared?.amount ?? null, sharedPaidBefore: shared?.paidBefore ?? null },
            params: [ref(rows)],
            citation: { document: rows.citation.document, article: row.article },
          },
          row.readings.length > 0 ? [...row.readings, 2] : [],
        ),
      );
    }
    if (best === null || pay > best.pay) best = { row, pay, key, before, shared };
  }
  for (const line of compared) addTrace(ctx, line);
  if (best === null) {
    ctx.amounts.assistance = 0n;
    recordOneOffBase(ctx, base);
    const large = ctx.params["assistance.largeOutpatientDiseases"];
    addReason(ctx, STAGE, form === "OUTPATIENT" && identityMatched ? "NOT_LARGE_OUTPATIENT_DISEASE" : "NOT_ELIGIBLE_IDENTITY", form === "OUTPATIENT" && identityMatched ? large?.citation : { document: "YQ-JZ-2019", article: "§4(1)" });
    compareSettled(ctx, STAGE, "assistance", 0n);
    return;
  }
  writeAcc(ctx, best.key, best.before + base);
  if (best.shared) writeAcc(ctx, best.shared.key, best.shared.paidBefore + best.pay);
  ctx.amounts.assistance = best.pay;
  recordOneOffBase(ctx, base);
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
    }, best.row.readings);
  }
}

// Reading 11: the one-off assistance of the next year works on what the person still bore on the
// year's inpatient claims, after the assistance paid claim by claim; quota stays are left out.
function recordOneOffBase(ctx: ClaimContext, base: Fen): void {
  const oneOff = ctx.params["assistance.oneOff"];
  if (ctx.claim.type !== "INPATIENT" || !oneOff || ctx.quotaStay) return;
  const key = accumulatorKey("assistance.oneOffBase", ctx.year);
  const left = positive(base - ctx.amounts.assistance);
  const after = readAcc(ctx, key) + left;
  writeAcc(ctx, key, after);
  if (ctx.tracing) {
    addTrace(ctx, {
      id: "assistance.oneOffBase",
      stage: STAGE,
      label: "计入本年一次性救助基数",
      value: after,
      formula: "本年此前累计 + (救助基数 − 本次医疗救助)",
      inputs: { base, assistance: ctx.amounts.assistance, left },
      params: [ref(oneOff)],
      citation: oneOff.citation,
    }, [11, 2]);
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
      }, [8]);
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
    }, [8]);
  }
}
