import type { ClaimContext, TraceParamRef } from "../claim-context";
import { accumulatorKey } from "../accumulator-keys";
import { TWO_DISEASE_KINDS } from "../library/accumulator-kinds";
import { addPayout, addReason, addTrace, compareSettled, readAcc, ref, takeSettled, writeAcc } from "../claim-context";
import { holdsIdentity } from "../domain";
import type { Fen, Fraction, Rate } from "../money";
import { applyRate, fraction, fractionAdd, fractionMin, fractionTimesRate, minFen, positive, roundFraction, roundHalfUp, subtractRate } from "../money";
import type { Citation } from "../library/documents";
import type { InpatientTier } from "../library/parameters";
import type { ReadingNumber } from "../library/readings";
import { paramText } from "../formula-text";
import { REASONS } from "../library/reasons";

const STAGE = "basicInsurance" as const;

// SX-JM-2024 §2: 乙类 first-paid shares and 自费 items leave the policy scope; what remains is the
// base every later stage works from. Chongqing has no such rule in the library: settled figure.
export function computePolicyScope(ctx: ClaimContext): void {
  const { claim } = ctx;
  let net = 0n;
  let selfPay = 0n;
  for (let i = 0; i < claim.items.length; i++) {
    const item = claim.items[i];
    const amount = ctx.netItems[i] ?? 0n;
    net += amount;
    if (item && item.class === "SELF_PAY") selfPay += amount;
  }
  ctx.amounts.selfPay = selfPay;
  const shares = ctx.params["insurance.firstSelfPayShares"];
  // The 乙类 first shares are the residents' scheme's (SX-JM-2024 §2); the residents' rules never
  // apply to an employee-scheme claim (Reading 5): its settled policy scope is used as given.
  const employee = employeeSchemeOn(ctx);
  if (!shares || employee) {
    const settled = claim.settled?.policyScope;
    const readings: ReadingNumber[] = employee ? [5] : [];
    ctx.amounts.firstSelfPay = 0n;
    if (settled !== undefined) {
      ctx.amounts.policyScope = takeSettled(ctx, STAGE, "policyScope", "政策范围内费用（已结算）", readings);
      ctx.amounts.firstSelfPay = positive(net - selfPay - ctx.amounts.policyScope);
    } else {
      // Without a catalogue rule the best estimate is everything billed inside the catalogue.
      ctx.amounts.policyScope = net - selfPay;
      addReason(ctx, STAGE, "NO_RULE_IN_FORCE", null, "policyScope：以总费用减自费项目估算");
      if (ctx.tracing) {
        addTrace(ctx, { id: "insurance.policyScope", stage: STAGE, label: "政策范围内费用（估算）", value: ctx.amounts.policyScope, formula: "无适用的目录规则且未提供已结算金额：减免后费用 − 自费项目", inputs: { net, selfPay }, params: [], citation: null }, readings);
      }
    }
    return;
  }
  // Dual-channel drugs carry no 乙类 drug first share (SX-JM-2024 §3); other classes keep theirs.
  const dualChannel = claim.type === "DUAL_CHANNEL";
  // Summed exactly over the items and rounded once (Reading 3).
  let exactShares: Fraction = fraction(0n);
  for (let i = 0; i < claim.items.length; i++) {
    const item = claim.items[i];
    if (!item || item.class === "SELF_PAY" || (dualChannel && item.class === "B_DRUG")) continue;
    const share = shares.value[item.class];
    if (share.num !== 0n) exactShares = fractionAdd(exactShares, fractionTimesRate(fraction(ctx.netItems[i] ?? 0n), share));
  }
  const firstSelfPay = roundFraction(exactShares);
  ctx.amounts.firstSelfPay = firstSelfPay;
  ctx.amounts.policyScope = net - selfPay - firstSelfPay;
  compareSettled(ctx, STAGE, "policyScope", ctx.amounts.policyScope);
  if (ctx.tracing) {
    addTrace(ctx, {
      id: "insurance.firstSelfPay",
      stage: STAGE,
      label: "乙类先行自付",
      value: firstSelfPay,
      formula: dualChannel ? "“双通道”药品不执行乙类药品先行自付；其他乙类、耗材项目金额 × 先行自付比例之和" : "各乙类、耗材项目金额 × 先行自付比例之和",
      inputs: {},
      params: [ref(shares)],
      citation: shares.citation,
    }, dualChannel ? [3, 7] : [3]);
    addTrace(ctx, {
      id: "insurance.policyScope",
      stage: STAGE,
      label: "政策范围内费用",
      value: ctx.amounts.policyScope,
      formula: "减免后费用 − 自费项目 − 乙类先行自付",
      inputs: { net, selfPay, firstSelfPay },
      params: [ref(shares)],
      citation: shares.citation,
    });
  }
}

function inpatientTier(priceClass: 1 | 2 | 3, runBy: string): InpatientTier {
  if (priceClass === 3) return "CLASS_3";
  if (priceClass === 1) return "CLASS_1";
  return runBy === "COUNTY" ? "CLASS_2_COUNTY" : "CLASS_2_CITY_PROVINCE";
}

/** True when the stay is paid under a single-disease quota: YQ-JZ-2019 §4(2)4. */
export function quotaApplies(ctx: ClaimContext): boolean {
  const { claim, person, params } = ctx;
  if (claim.type !== "INPATIENT" || claim.quota === undefined) return false;
  const quota = params["assistance.majorDiseaseQuota"];
  // A quota on the claim means the designated hospital settled the stay as one of the 26 diseases;
  // the case format leaves those disease codes open, so an unfamiliar spelling does not undo the
  // quota (it is noted in the trace). Who may be paid this way is still checked.
  const eligible =
    quota !== undefined &&
    ctx.enrolled &&
    [...quota.value.keyIdentities, ...quota.value.lowIncomeIdentities].some((identity) => holdsIdentity(person, identity, claim.date));
  if (!eligible) {
    addReason(ctx, STAGE, "QUOTA_NOT_APPLICABLE", quota?.citation ?? null);
    if (ctx.tracing) {
      addTrace(ctx, {
        id: "quota.notApplied",
        stage: STAGE,
        label: "未按单病种限额结算",
        value: false,
        formula: ctx.enrolled ? "结算日不是重点救助对象或低收入、因病致贫人员：按普通住院结算" : "结算日未参保：按普通住院结算",
        inputs: { quota: claim.quota, enrolled: ctx.enrolled },
        params: quota ? [ref(quota)] : [],
        citation: quota?.citation ?? null,
      }, [8]);
    }
  } else if (ctx.tracing && !claim.diagnoses.some((diagnosis) => quota.value.diseases.some((group) => group.codes.includes(diagnosis)))) {
    addTrace(ctx, {
      id: "quota.diagnosisUnlisted",
      stage: STAGE,
      label: "单病种诊断编码未在库内列出",
      value: claim.diagnoses,
      formula: "费用带有单病种限额，按限额结算；诊断编码未匹配库内所列重特大疾病病种的写法，请核对",
      inputs: {},
      params: [ref(quota)],
      citation: quota.citation,
    });
  }
  return eligible;
}

/** Enrolled on the claim date, and not in the residents' scheme: the residents' rules never apply (Reading 5). */
export function employeeSchemeOn(ctx: ClaimContext): boolean {
  return ctx.enrolled && !residentSchemeOn(ctx);
}

/** Whether the person is in the residents' scheme on the claim date (SX-JM-2024 is its policy). */
export function residentSchemeOn(ctx: ClaimContext): boolean {
  const { person, claim } = ctx;
  return person.insurance.some((enrolment) => enrolment.scheme === "RESIDENT" && enrolment.from <= claim.date && (enrolment.to === null || claim.date <= enrolment.to));
}

// SX-JM-2024 §2–3: the residents' scheme pays by claim type; inpatient by price class with
// deductible, later-admission halving, route reductions and the shared 70,000 annual cap.
export function applyBasicInsurance(ctx: ClaimContext): void {
  const { claim } = ctx;
  if (!ctx.enrolled) {
    ctx.amounts.insurance = 0n;
    addReason(ctx, STAGE, "NOT_ENROLLED");
    compareSettled(ctx, STAGE, "insurance", 0n);
    if (ctx.tracing) {
      addTrace(ctx, { id: "insurance.notEnrolled", stage: STAGE, label: "未参保", value: 0n, formula: "结算日未参加基本医疗保险，基金不支付", inputs: {}, params: [], citation: REASONS.NOT_ENROLLED.citation });
    }
    return;
  }
  const isInpatient = claim.type === "INPATIENT";
  if (isInpatient) {
    // Admissions of the calendar year, for halving the deductible of the second and later stays.
    const key = accumulatorKey("insurance.admissions", ctx.year);
    ctx.admissionsBefore = readAcc(ctx, key);
    writeAcc(ctx, key, ctx.admissionsBefore + 1n);
  }
  if (ctx.quotaStay) {
    applyQuotaFund(ctx);
    return;
  }
  const residentScheme = residentSchemeOn(ctx);
  let raw: Fen | null = null;
  const used: TraceParamRef[] = [];
  if (residentScheme) {
    switch (claim.type) {
      case "INPATIENT":
        raw = inpatientInsurance(ctx, used);
        break;
      case "OUTPATIENT":
        raw = outpatientInsurance(ctx, used);
        break;
      case "TWO_DISEASES":
        raw = twoDiseasesInsurance(ctx, used);
        break;
      case "DUAL_CHANNEL":
        raw = dualChannelInsurance(ctx, used);
        break;
      case "TCM_OUTPATIENT":
        raw = tcmInsurance(ctx, used);
        break;
      default:
        // Chronic/special outpatient standards are each city's own until 2027 and pharmacies are
        // settled by the insurer: none in the library, so the settled figure is used.
        raw = null;
    }
  }
  if (raw === null) {
    // Reading 6: a settled figure stands in for the missing schedule, is never cut, and counts
    // toward the residents' annual cap for later claims. Reading 5: another scheme's stands as it is.
    const settled = takeSettled(ctx, STAGE, "insurance", "基本医保（已结算）", !residentScheme ? [5] : ctx.params["insurance.annualCap"] ? [6] : []);
    if (residentScheme) countSettledTowardCap(ctx, settled);
    ctx.amounts.insurance = settled;
  } else {
    ctx.amounts.insurance = limitByAnnualCap(ctx, raw, used);
    compareSettled(ctx, STAGE, "insurance", ctx.amounts.insurance);
  }
  if (ctx.amounts.insurance > 0n) addPayout(ctx, STAGE, "insurance.amount", "基本医保统筹支付", ctx.amounts.insurance, ctx.params["insurance.annualCap"]?.citation ?? null);
}

// Reading 6: the insurer's figure is theirs to correct; past the cap it is flagged, not cut.
function countSettledTowardCap(ctx: ClaimContext, settled: Fen): void {
  const cap = ctx.params["insurance.annualCap"];
  const capTypes = ctx.params["insurance.annualCapClaimTypes"];
  if (!cap || !capTypes || !capTypes.value.includes(ctx.claim.type)) return;
  const key = accumulatorKey("insurance.paid", ctx.year);
  const paidBefore = readAcc(ctx, key);
  writeAcc(ctx, key, paidBefore + settled);
  const pastCap = paidBefore + settled > cap.value;
  if (pastCap) {
    ctx.flags.push({ code: "SETTLED_PAST_CAP", field: "insurance", settled, cap: cap.value, paidBefore });
    addReason(ctx, STAGE, "SETTLED_PAST_CAP", cap.citation);
  }
  if (ctx.tracing) {
    addTrace(ctx, {
      id: "insurance.settledTowardCap",
      stage: STAGE,
      label: "已结算金额计入年度最高支付限额",
      value: paidBefore + settled,
      formula: pastCap ? "本年已支付 + 已结算金额，超过年度最高支付限额：照录不削减，标记待经办机构核正" : "本年已支付 + 已结算金额（照录不削减）",
      inputs: { paidBefore, settled, cap: cap.value },
      params: [ref(cap), ref(capTypes)],
      citation: cap.citation,
    }, [6, 2]);
  }
}

function limitByAnnualCap(ctx: ClaimContext, raw: Fen, used: TraceParamRef[]): Fen {
  const cap = ctx.params["insurance.annualCap"];
  const capTypes = ctx.params["insurance.annualCapClaimTypes"];
  if (!cap || !capTypes || !capTypes.value.includes(ctx.claim.type)) {
    traceAmount(ctx, raw, raw, null, capTypes ? [...used, ref(capTypes)] : used, capTypes?.citation ?? null);
    return raw;
  }
  const key = accumulatorKey("insurance.paid", ctx.year);
  const paidBefore = readAcc(ctx, key);
  const room = positive(cap.value - paidBefore);
  const paid = minFen(raw, room);
  writeAcc(ctx, key, paidBefore + paid);
  if (paid < raw) addReason(ctx, STAGE, "ANNUAL_CAP_REACHED", cap.citation);
  traceAmount(ctx, raw, paid, { paidBefore, cap: cap.value, room }, [...used, ref(cap), ref(capTypes)], cap.citation);
  return paid;
}

function traceAmount(ctx: ClaimContext, raw: Fen, paid: Fen, capInputs: { paidBefore: Fen; cap: Fen; room: Fen } | null, used: TraceParamRef[], citation: Citation | null): void {
  if (!ctx.tracing) return;
  addTrace(ctx, {
    id: "insurance.amount",
    stage: STAGE,
    label: "基本医保支付",
    value: paid,
    formula: capInputs ? "min(按比例计算的支付额, 年度最高支付限额 − 本年已支付)" : "按比例计算的支付额（不计入年度最高支付限额）",
    inputs: capInputs ? { raw, ...capInputs } : { raw },
    params: used,
    citation,
  }, capInputs ? [1, 2] : []);
}

function inpatientInsurance(ctx: ClaimContext, used: TraceParamRef[]): Fen | null {
  const { claim } = ctx;
  const schedule = ctx.params["insurance.inpatientSchedule"];
  const halving = ctx.params["insurance.laterAdmissionDeductibleShare"];
  const routes = ctx.params["insurance.routeReductions"];
  const hospital = claim.hospital;
  if (!schedule || !halving || !routes || !hospital) return null;
  used.push(ref(schedule), ref(halving), ref(routes));
  const tier = inpatientTier(hospital.priceClass, hospital.runBy);
  const entry = schedule.value[tier];
  const later = (ctx.admissionsBefore ?? 0n) > 0n;
  const deductible = later ? applyRate(entry.deductible, halving.value) : entry.deductible;
  const reduction = routes.value[claim.route ?? "LOCAL"];
  const appliedRate = subtractRate(entry.rate, reduction);
  const aboveDeductible = positive(ctx.amounts.policyScope - deductible);
  const raw = applyRate(aboveDeductible, appliedRate);
  // The route reduction is the person's own and is kept out of critical-illness insurance (§4).
  ctx.amounts.routeReduction = applyRate(aboveDeductible, reduction);
  if (aboveDeductible === 0n) addReason(ctx, STAGE, "BELOW_DEDUCTIBLE", schedule.citation);
  if (ctx.tracing) {
    addTrace(ctx, {
      id: "insurance.deductible",
      stage: STAGE,
      label: "起付标准",
      value: deductible,
      formula: later ? `本年度第二次及以后住院：起付标准 × ${paramText(halving.value)}` : "按收费价格类别确定的起付标准",
      inputs: { tier, fullDeductible: entry.deductible, admissionsBefore: String(ctx.admissionsBefore ?? 0n) },
      params: [ref(schedule), ref(halving)],
      citation: schedule.citation,
    }, later ? [8, 2] : []);
    addTrace(ctx, {
      id: "insurance.rate",
      stage: STAGE,
      label: "支付比例",
      value: appliedRate,
      formula: "收费价格类别支付比例 − 跨省就医下调比例",
      inputs: { fullRate: entry.rate, routeReduction: reduction, route: claim.route ?? "LOCAL" },
      params: [ref(schedule), ref(routes)],
      citation: routes.citation,
    });
    addTrace(ctx, {
      id: "insurance.routeReduction",
      stage: STAGE,
      label: "跨省下调部分（个人负担）",
      value: ctx.amounts.routeReduction,
      formula: "(政策范围内费用 − 起付标准) × 下调比例",
      inputs: { aboveDeductible, reduction },
      params: [ref(routes)],
      citation: routes.citation,
    });
    addTrace(ctx, {
      id: "insurance.beforeCap",
      stage: STAGE,
      label: "按比例计算的住院支付",
      value: raw,
      formula: "(政策范围内费用 − 起付标准) × 支付比例",
      inputs: { policyScope: ctx.amounts.policyScope, deductible, rate: appliedRate },
      params: [ref(schedule)],
      citation: schedule.citation,
    });
  }
  return raw;
}

function outpatientInsurance(ctx: ClaimContext, used: TraceParamRef[]): Fen | null {
  const { claim } = ctx;
  const schedule = ctx.params["insurance.outpatientSchedule"];
  const hospital = claim.hospital;
  if (!schedule || !hospital) return null;
  used.push(ref(schedule));
  if ((claim.route ?? "LOCAL") !== "LOCAL") {
    addReason(ctx, STAGE, "OUTSIDE_POOLING_AREA", schedule.citation);
    traceNoBenefit(ctx, "普通门诊统筹（统筹区外）", "普通门诊统筹限统筹区内：非本地就医的普通门诊不支付，计为零", { route: claim.route ?? "LOCAL" }, [ref(schedule)], schedule.citation);
    return 0n;
  }
  const entry = schedule.value[hospital.priceClass];
  const above = positive(ctx.amounts.policyScope - entry.deductiblePerVisit);
  const raw = applyRate(above, entry.rate);
  if (above === 0n) addReason(ctx, STAGE, "BELOW_DEDUCTIBLE", schedule.citation);
  traceRate(ctx, "insurance.outpatient", "普通门诊统筹支付", raw, "(政策范围内费用 − 每次起付标准) × 支付比例", { policyScope: ctx.amounts.policyScope, deductible: entry.deductiblePerVisit, rate: entry.rate, priceClass: hospital.priceClass }, [ref(schedule)], schedule.citation);
  return raw;
}

function twoDiseasesInsurance(ctx: ClaimContext, used: TraceParamRef[]): Fen | null {
  const { claim } = ctx;
  const rule = ctx.params["insurance.twoDiseases"];
  if (!rule) return null;
  used.push(ref(rule));
  if (!claim.hospital || claim.hospital.level > rule.value.maxHospitalLevel) {
    addReason(ctx, STAGE, "HOSPITAL_LEVEL_NOT_COVERED", rule.citation);
    traceNoBenefit(ctx, "“两病”门诊用药（医院级别不符）", "“两病”门诊用药限规定级别及以下医疗机构：计为零", { level: claim.hospital?.level ?? null, maxHospitalLevel: rule.value.maxHospitalLevel }, [ref(rule)], rule.citation);
    return 0n;
  }
  const keys = [...new Set(claim.diagnoses.map((diagnosis) => rule.value.diagnosisKeys[diagnosis]).filter((key) => key !== undefined))];
  if (keys.length === 0) {
    addReason(ctx, STAGE, "CLAIM_TYPE_NOT_COVERED", rule.citation, "无高血压或糖尿病诊断");
    return 0n;
  }
  const rate = rule.value.rate;
  const raw = applyRate(ctx.amounts.policyScope, rate);
  // Reading 1: each disease's limit is a banded rule on that disease's cumulative policy scope X,
  // F(X) = min(limit, rate × X), paying round(F(after)) − round(F(before)). A claim with both
  // diseases charges its scope to them in diagnosis order, the first up to where its limit is reached.
  let scopeLeft = ctx.amounts.policyScope;
  let paid = 0n;
  let limitReached = false;
  const inputs: Record<string, Fen | Rate | string> = { policyScope: ctx.amounts.policyScope, rate, raw };
  keys.forEach((key, index) => {
    const baseKey = accumulatorKey(TWO_DISEASE_KINDS[key], ctx.year);
    const before = readAcc(ctx, baseKey);
    const limit = rule.value.limits[key];
    // The smallest base in fen at which rate × X reaches the limit.
    const saturation = rate.num === 0n ? before + scopeLeft : (limit * rate.den + rate.num - 1n) / rate.num;
    const take = index === keys.length - 1 ? scopeLeft : minFen(scopeLeft, positive(saturation - before));
    const after = before + take;
    const pay = roundFraction(twoDiseasesBand(rate, limit, after)) - roundFraction(twoDiseasesBand(rate, limit, before));
    writeAcc(ctx, baseKey, after);
    inputs[`${key}.limit`] = limit;
    inputs[`${key}.cumulativeBefore`] = before;
    inputs[`${key}.cumulativeAfter`] = after;
    paid += pay;
    scopeLeft -= take;
    limitReached = after >= saturation;
  });
  if (paid < raw && limitReached) addReason(ctx, STAGE, "DISEASE_LIMIT_REACHED", rule.citation);
  traceRate(ctx, "insurance.twoDiseases", "“两病”门诊用药支付", paid, `round(min(病种年度支付限额, ${paramText(rate)} × 本年该病种累计政策范围内费用))：本次后 − 本次前`, inputs, [ref(rule)], rule.citation, [1, 2]);
  return paid;
}

/** F(X) of one two-diseases limit on the year's cumulative policy scope X (exact, unrounded). */
export function twoDiseasesBand(rate: Rate, limit: Fen, cumulative: Fen): Fraction {
  return fractionMin(fractionTimesRate(fraction(cumulative), rate), fraction(limit));
}

function dualChannelInsurance(ctx: ClaimContext, used: TraceParamRef[]): Fen | null {
  const rule = ctx.params["insurance.dualChannel"];
  if (!rule) return null;
  used.push(ref(rule));
  // Reading 7: an item names its drug by the Chinese generic name.
  const named = new Set(rule.value.namedDrugs);
  // The six first special drugs at 70 %, everything else in scope at 60 %: split the policy scope
  // into the named drugs' part and the rest, then one rounding for the payout line.
  const { claim } = ctx;
  let namedScope = 0n;
  for (let i = 0; i < claim.items.length; i++) {
    const item = claim.items[i];
    if (!item || item.class === "SELF_PAY") continue;
    const isNamed = item.drug !== undefined && named.has(item.drug.trim());
    if (isNamed) namedScope += ctx.netItems[i] ?? 0n;
  }
  if (namedScope > ctx.amounts.policyScope) namedScope = ctx.amounts.policyScope;
  const otherScope = ctx.amounts.policyScope - namedScope;
  const namedRate: Rate = rule.value.namedRate;
  const otherRate: Rate = rule.value.otherRate;
  const raw = roundHalfUp(namedScope * namedRate.num * otherRate.den + otherScope * otherRate.num * namedRate.den, namedRate.den * otherRate.den);
  traceRate(ctx, "insurance.dualChannel", "“双通道”药品支付", raw, `首批特药金额 × ${paramText(namedRate)} + 其他“双通道”药品金额 × ${paramText(otherRate)}`, { policyScope: ctx.amounts.policyScope, namedScope, otherScope, namedRate, otherRate }, [ref(rule)], rule.citation, [7]);
  return raw;
}

function tcmInsurance(ctx: ClaimContext, used: TraceParamRef[]): Fen | null {
  const rule = ctx.params["insurance.tcmOutpatient"];
  if (!rule) return null;
  used.push(ref(rule));
  if (!ctx.claim.hospital || ctx.claim.hospital.level < rule.value.minHospitalLevel) {
    addReason(ctx, STAGE, "HOSPITAL_LEVEL_NOT_COVERED", rule.citation);
    traceNoBenefit(ctx, "中医适宜技术门诊（医院级别不符）", "中医适宜技术门诊限规定级别及以上医疗机构：计为零", { level: ctx.claim.hospital?.level ?? null, minHospitalLevel: rule.value.minHospitalLevel }, [ref(rule)], rule.citation);
    return 0n;
  }
  const raw = applyRate(ctx.amounts.policyScope, rule.value.rate);
  traceRate(ctx, "insurance.tcm", "中医适宜技术门诊支付", raw, "政策范围内费用 × 支付比例", { policyScope: ctx.amounts.policyScope, rate: rule.value.rate }, [ref(rule)], rule.citation);
  return raw;
}

function traceRate(
  ctx: ClaimContext,
  id: string,
  label: string,
  value: Fen,
  formula: string,
  inputs: Record<string, Fen | Rate | string | number>,
  params: TraceParamRef[],
  citation: Citation,
  readings: readonly ReadingNumber[] = [],
): void {
  if (!ctx.tracing) return;
  addTrace(ctx, { id, stage: STAGE, label, value, formula, inputs, params, citation }, readings);
}

// Reading 4: a claim type or setting with no benefit pays 0 with a reason, and the worksheet says so.
function traceNoBenefit(ctx: ClaimContext, label: string, formula: string, inputs: Record<string, Fen | Rate | string | number | null>, params: TraceParamRef[], citation: Citation): void {
  if (!ctx.tracing) return;
  addTrace(ctx, { id: "insurance.noBenefit", stage: STAGE, label, value: 0n, formula, inputs, params, citation }, [4]);
}

// YQ-JZ-2019 §4(2)4: a quota stay — the fund pays its share of the allowed cost (the quota caps
// it), with no deductible; the hospital bears the cost above the quota.
function applyQuotaFund(ctx: ClaimContext): void {
  const quota = ctx.params["assistance.majorDiseaseQuota"];
  if (!quota || ctx.claim.quota === undefined) return;
  const cost = ctx.amounts.gross - ctx.amounts.discount;
  const allowed = minFen(cost, ctx.claim.quota);
  ctx.quotaAllowed = allowed;
  // The fund share is the residents' fund's: an employee-scheme stay takes its settled figure (Reading 5).
  const employee = employeeSchemeOn(ctx);
  ctx.amounts.insurance = employee ? takeSettled(ctx, STAGE, "insurance", "基本医保（已结算）", [5, 8]) : applyRate(allowed, quota.value.fundRate);
  ctx.amounts.hospitalAbsorbed = cost - allowed;
  addReason(ctx, STAGE, "QUOTA_STAY", quota.citation);
  if (!employee) compareSettled(ctx, STAGE, "insurance", ctx.amounts.insurance);
  if (ctx.amounts.insurance > 0n) addPayout(ctx, STAGE, "insurance.quotaFund", "单病种限额内基金支付", ctx.amounts.insurance, quota.citation);
  if (ctx.amounts.hospitalAbsorbed > 0n) addPayout(ctx, STAGE, "insurance.hospitalAbsorbed", "超限额部分由医院承担", ctx.amounts.hospitalAbsorbed, quota.citation);
  if (ctx.tracing) {
    addTrace(ctx, {
      id: "insurance.quotaAllowed",
      stage: STAGE,
      label: "限额内费用",
      value: allowed,
      formula: "min(减免后费用, 单病种限额)",
      inputs: { cost, quota: ctx.claim.quota },
      params: [ref(quota)],
      citation: quota.citation,
    }, [8]);
    addTrace(ctx, {
      id: "insurance.quotaFund",
      stage: STAGE,
      label: "基金支付（限额内）",
      value: ctx.amounts.insurance,
      formula: employee ? "职工医保：基金支付按已结算金额" : "限额内费用 × 基金支付比例",
      inputs: employee ? { allowed } : { allowed, rate: quota.value.fundRate },
      params: [ref(quota)],
      citation: quota.citation,
    }, [8]);
    addTrace(ctx, {
      id: "insurance.hospitalAbsorbed",
      stage: STAGE,
      label: "医院承担（超限额）",
      value: ctx.amounts.hospitalAbsorbed,
      formula: "减免后费用 − 限额内费用",
      inputs: { cost, allowed },
      params: [ref(quota)],
      citation: quota.citation,
    }, [8]);
  }
}
