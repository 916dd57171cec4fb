import type { ClaimContext } from "../claim-context";
import { accumulatorKey } from "../accumulator-keys";
import { addPayout, addReason, addTrace, compareSettled, readAcc, ref, takeSettled, writeAcc } from "../claim-context";
import type { Fen, Fraction } from "../money";
import { fraction, fractionAdd, fractionMin, fractionPositivePart, fractionSub, fractionTimesRate, positive, roundFraction } from "../money";
import type { ParameterValues } from "../library/parameters";
import { residentSchemeOn } from "./basic-insurance";
import { paramText } from "../formula-text";
import { REASONS } from "../library/reasons";

const STAGE = "criticalIllness" as const;

type Schedule = ParameterValues["criticalIllness.schedule"];

/**
 * CI(X) of SX-JM-2024 §4 on the year's cumulative compliant personal cost X: 75 % above 10,000,
 * then 50 % of what the person still bears above 50,000, at most 400,000 a year. Exact, unrounded.
 */
export function criticalIllnessBand(schedule: Schedule, cumulative: Fen): Fraction {
  const { layer1, layer2 } = criticalIllnessLayers(schedule, cumulative);
  return fractionMin(fractionAdd(layer1, layer2), fraction(schedule.annualCap));
}

/** The two layers before the annual cap: layer2 works on what the person bears after layer1. */
export function criticalIllnessLayers(schedule: Schedule, cumulative: Fen): { layer1: Fraction; layer2: Fraction } {
  const layer1 = fractionTimesRate(fractionPositivePart(fraction(cumulative - schedule.threshold)), schedule.layer1Rate);
  const left = fractionSub(fraction(cumulative), layer1);
  const layer2 = fractionTimesRate(fractionPositivePart(fractionSub(left, fraction(schedule.layer2Threshold))), schedule.layer2Rate);
  return { layer1, layer2 };
}

// SX-JM-2024 §4: critical-illness insurance pays round(CI(X after)) − round(CI(X before)) so the
// year's payments equal round(CI(year's X)) however the costs are split into claims.
export function applyCriticalIllness(ctx: ClaimContext): void {
  const { claim } = ctx;
  if (!ctx.enrolled) {
    ctx.amounts.criticalIllness = 0n;
    addReason(ctx, STAGE, "NOT_ENROLLED");
    compareSettled(ctx, STAGE, "criticalIllness", 0n);
    if (ctx.tracing) {
      addTrace(ctx, { id: "criticalIllness.notEnrolled", stage: STAGE, label: "未参保", value: 0n, formula: "结算日未参加基本医疗保险，大病保险不支付", inputs: {}, params: [], citation: REASONS.NOT_ENROLLED.citation });
    }
    return;
  }
  if (ctx.quotaStay) {
    // A quota stay has no critical-illness layer and counts toward no annual total (§4(2)4).
    ctx.amounts.criticalIllness = 0n;
    addReason(ctx, STAGE, "QUOTA_STAY");
    if (ctx.tracing) {
      addTrace(ctx, { id: "criticalIllness.quotaStay", stage: STAGE, label: "单病种限额住院不进入大病保险", value: 0n, formula: "单病种限额住院：不设大病保险分段，不计入本年累计合规个人自付", inputs: {}, params: [], citation: { document: "YQ-JZ-2019", article: "§4(2)4" } }, [8]);
    }
    return;
  }
  const schedule = ctx.params["criticalIllness.schedule"];
  const claimTypes = ctx.params["criticalIllness.claimTypes"];
  if (!schedule || !claimTypes || !residentSchemeOn(ctx)) {
    // Reading 5: the residents' layers never apply to another scheme's claim.
    ctx.amounts.criticalIllness = takeSettled(ctx, STAGE, "criticalIllness", "大病保险（已结算）", residentSchemeOn(ctx) ? [] : [5]);
    return;
  }
  if (!claimTypes.value.includes(claim.type)) {
    ctx.amounts.criticalIllness = 0n;
    addReason(ctx, STAGE, "CLAIM_TYPE_NOT_COVERED", claimTypes.citation);
    compareSettled(ctx, STAGE, "criticalIllness", 0n);
    return;
  }
  // 乙类 first shares and 自费 are outside policyScope already; the route reduction is taken out here.
  const oop = positive(ctx.amounts.policyScope - ctx.amounts.insurance - ctx.amounts.routeReduction);
  const key = accumulatorKey("criticalIllness.oop", ctx.year);
  const before = readAcc(ctx, key);
  const after = before + oop;
  writeAcc(ctx, key, after);
  const bandBefore = roundFraction(criticalIllnessBand(schedule.value, before));
  const bandAfter = roundFraction(criticalIllnessBand(schedule.value, after));
  const paid = positive(bandAfter - bandBefore);
  ctx.amounts.criticalIllness = paid;
  compareSettled(ctx, STAGE, "criticalIllness", paid);
  if (paid === 0n) addReason(ctx, STAGE, bandBefore >= schedule.value.annualCap ? "ANNUAL_CAP_REACHED" : "BELOW_THRESHOLD", schedule.citation);
  else addPayout(ctx, STAGE, "criticalIllness.amount", "大病保险支付", paid, schedule.citation);
  if (ctx.tracing) {
    const params = [ref(schedule), ref(claimTypes)];
    addTrace(ctx, {
      id: "criticalIllness.oop",
      stage: STAGE,
      label: "本次合规个人自付",
      value: oop,
      formula: "政策范围内费用 − 基本医保支付 − 跨省下调部分",
      inputs: { policyScope: ctx.amounts.policyScope, insurance: ctx.amounts.insurance, routeReduction: ctx.amounts.routeReduction },
      params,
      citation: schedule.citation,
    });
    addTrace(ctx, {
      id: "criticalIllness.cumulative",
      stage: STAGE,
      label: "本年累计合规个人自付",
      value: after,
      formula: "本年此前累计 + 本次合规个人自付",
      inputs: { before, oop },
      params,
      citation: schedule.citation,
    }, [2]);
    const layers = criticalIllnessLayers(schedule.value, after);
    addTrace(ctx, {
      id: "criticalIllness.layer1",
      stage: STAGE,
      label: `第一段（累计超过${paramText(schedule.value.threshold)}部分 × ${paramText(schedule.value.layer1Rate)}）`,
      value: roundFraction(layers.layer1),
      formula: `(本年累计合规个人自付 − ${paramText(schedule.value.threshold)}) × ${paramText(schedule.value.layer1Rate)}`,
      inputs: { cumulative: after, threshold: schedule.value.threshold, rate: schedule.value.layer1Rate },
      params,
      citation: schedule.citation,
    });
    addTrace(ctx, {
      id: "criticalIllness.layer2",
      stage: STAGE,
      label: `第二段（第一段后个人仍负担超过${paramText(schedule.value.layer2Threshold)}部分 × ${paramText(schedule.value.layer2Rate)}）`,
      value: roundFraction(layers.layer2),
      formula: `(本年累计 − 第一段支付 − ${paramText(schedule.value.layer2Threshold)}) × ${paramText(schedule.value.layer2Rate)}`,
      inputs: { cumulative: after, layer2Threshold: schedule.value.layer2Threshold, rate: schedule.value.layer2Rate },
      params,
      citation: schedule.citation,
    });
    addTrace(ctx, {
      id: "criticalIllness.band",
      stage: STAGE,
      label: "本年累计应付",
      value: bandAfter,
      formula: `min(年度最高支付限额${paramText(schedule.value.annualCap)}, 第一段 + 第二段)`,
      inputs: { bandBefore, annualCap: schedule.value.annualCap },
      params,
      citation: schedule.citation,
    });
    addTrace(ctx, {
      id: "criticalIllness.amount",
      stage: STAGE,
      label: "大病保险支付",
      value: paid,
      formula: "累计应付(本次后) − 累计应付(本次前)",
      inputs: { bandAfter, bandBefore },
      params,
      citation: schedule.citation,
    }, [1, 2]);
  }
}
