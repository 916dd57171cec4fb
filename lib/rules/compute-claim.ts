// The chain for one claim (RULES.md "The chain for one claim") and the replay of a person's claims
// in settlement order. Pure: accumulators come in and go out; nothing global, no I/O.
import type { Accumulators, ClaimAmounts, ClaimContext, Flag, PayoutLine, ReasonEntry, TraceLine } from "./claim-context";
import { addReason, addTrace, ref } from "./claim-context";
import { canonicalJson } from "./canonical-json";
import type { Claim, Person } from "./domain";
import { enrolmentOn } from "./domain";
import { ENGINE_SOURCE_HASH } from "./engine-version";
import type { PolicyLibrary } from "./library/policy-library";
import { DEFAULT_LIBRARY } from "./library/policy-library";
import type { ChainStage } from "./library/stages";
import { CHAIN_STAGES } from "./library/stages";
import { applyBasicInsurance, computePolicyScope, quotaApplies } from "./stages/basic-insurance";
import { applyCriticalIllness } from "./stages/critical-illness";
import { applyHospitalDiscount } from "./stages/hospital-discount";
import { applyMedicalAssistance } from "./stages/medical-assistance";
import { applyPharmacyCard, recordCardChronic } from "./stages/pharmacy-card";
import { applySpecialCare } from "./stages/special-care";

/**
 * What a receipt names: the release (raised by hand when behaviour changes on purpose) and, as
 * semver build metadata, the first 12 hex of the hash of the engine's own source, so two builds
 * that compute differently never carry the same name (docs/decisions/010-engine-version.md).
 */
export const ENGINE_VERSION = `rules-engine/1.1.0+${ENGINE_SOURCE_HASH.slice(0, 12)}`;

/** sha256 (or another digest) of a string, hex; injected so the core stays free of node APIs. */
export type Hasher = (text: string) => string;

export type Receipt = { engineVersion: string; rulesetHash: string; inputHash: string; outputHash: string };

export type ComputeOptions = {
  library?: PolicyLibrary;
  /** Record the worksheet trace (default true). */
  trace?: boolean;
  /** When given, the result carries a receipt with hashes of ruleset, input and output. */
  hasher?: Hasher;
};

export type ClaimResult = {
  claimId: string;
  amounts: ClaimAmounts;
  lines: PayoutLine[];
  accumulatorsAfter: Accumulators;
  trace: TraceLine[];
  reasons: ReasonEntry[];
  flags: Flag[];
  stageOrder: ChainStage[];
  receipt: Receipt | null;
};

const STAGE_RUNNERS: Readonly<Record<ChainStage, (ctx: ClaimContext) => void>> = {
  hospitalDiscount: applyHospitalDiscount,
  basicInsurance: (ctx) => {
    computePolicyScope(ctx);
    ctx.quotaStay = quotaApplies(ctx);
    applyBasicInsurance(ctx);
  },
  criticalIllness: applyCriticalIllness,
  medicalAssistance: applyMedicalAssistance,
  specialCare: applySpecialCare,
  pharmacyCard: applyPharmacyCard,
};

const rulesetHashes = new WeakMap<PolicyLibrary, Map<Hasher, string>>();

/** Hash of the library data (documents + every parameter version): identifies the ruleset. */
export function rulesetHash(library: PolicyLibrary, hasher: Hasher): string {
  let perHasher = rulesetHashes.get(library);
  if (!perHasher) {
    perHasher = new Map();
    rulesetHashes.set(library, perHasher);
  }
  let hash = perHasher.get(hasher);
  if (hash === undefined) {
    hash = hasher(canonicalJson(library.data));
    perHasher.set(hasher, hash);
  }
  return hash;
}

function emptyAmounts(): ClaimAmounts {
  return {
    gross: 0n,
    discount: 0n,
    policyScope: 0n,
    firstSelfPay: 0n,
    selfPay: 0n,
    insurance: 0n,
    routeReduction: 0n,
    criticalIllness: 0n,
    assistance: 0n,
    specialCare: 0n,
    specialCareLarge: 0n,
    hospitalAbsorbed: 0n,
    card: 0n,
    memberDaySaving: 0n,
    personal: 0n,
  };
}

/** Computes one claim: every stage in the order in force on the claim's date. */
export function computeClaim(person: Person, claim: Claim, accumulatorsBefore: Accumulators, opts: ComputeOptions = {}): ClaimResult {
  const library = opts.library ?? DEFAULT_LIBRARY;
  const params = library.resolve(person.jurisdiction, claim.date);
  const tracing = opts.trace ?? true;
  const netItems: bigint[] = new Array<bigint>(claim.items.length);
  let gross = 0n;
  for (let i = 0; i < claim.items.length; i++) {
    const amount = claim.items[i]?.amount ?? 0n;
    netItems[i] = amount;
    gross += amount;
  }
  const amounts = emptyAmounts();
  amounts.gross = gross;
  const ctx: ClaimContext = {
    person,
    claim,
    params,
    library,
    year: claim.date.slice(0, 4),
    enrolled: enrolmentOn(person, claim.date) !== null,
    netItems,
    quotaStay: false,
    assistanceRan: false,
    specialCareRan: false,
    amounts,
    acc: { ...accumulatorsBefore },
    tracing,
    trace: [],
    reasons: [],
    flags: [],
    lines: [],
  };
  if (tracing) {
    addTrace(ctx, { id: "claim.gross", stage: "claim", label: "医疗费用总额", value: gross, formula: "各收费项目金额之和", inputs: { items: claim.items.length }, params: [], citation: null });
  }
  const order = params["chain.stageOrder"];
  let stageOrder: ChainStage[];
  if (order) {
    stageOrder = order.value;
    if (tracing) {
      addTrace(ctx, { id: "claim.stageOrder", stage: "claim", label: "阶段顺序", value: order.value, formula: "按结算日有效的阶段顺序规则", inputs: {}, params: [ref(order)], citation: order.citation });
    }
  } else {
    stageOrder = [...CHAIN_STAGES];
    addReason(ctx, "claim", "STAGE_ORDER_DEFAULT");
  }
  for (const stage of stageOrder) {
    STAGE_RUNNERS[stage](ctx);
    if (stage === "medicalAssistance") ctx.assistanceRan = true;
    else if (stage === "specialCare") ctx.specialCareRan = true;
  }
  amounts.personal =
    amounts.gross -
    amounts.discount -
    amounts.insurance -
    amounts.criticalIllness -
    amounts.assistance -
    amounts.specialCare -
    amounts.specialCareLarge -
    amounts.hospitalAbsorbed -
    amounts.card -
    amounts.memberDaySaving;
  recordCardChronic(ctx);
  if (tracing) {
    addTrace(ctx, {
      id: "claim.personal",
      stage: "claim",
      label: "个人负担",
      value: amounts.personal,
      formula: `费用总额 − 减免 − 基本医保 − 大病保险 − 医疗救助 − 优抚补助 − 大额补助 − 医院承担 − 补贴卡${amounts.memberDaySaving > 0n ? " − 会员日药店让利（非待遇支付）" : ""}`,
      inputs: {},
      params: [],
      citation: null,
    });
  }
  const result: ClaimResult = {
    claimId: claim.id,
    amounts,
    lines: ctx.lines,
    accumulatorsAfter: ctx.acc,
    trace: ctx.trace,
    reasons: ctx.reasons,
    flags: ctx.flags,
    stageOrder,
    receipt: null,
  };
  if (opts.hasher) {
    result.receipt = {
      engineVersion: ENGINE_VERSION,
      rulesetHash: rulesetHash(library, opts.hasher),
      inputHash: opts.hasher(canonicalJson({ person, claim, accumulatorsBefore })),
      outputHash: opts.hasher(canonicalJson({ amounts, lines: ctx.lines, accumulatorsAfter: ctx.acc, trace: ctx.trace, reasons: ctx.reasons, flags: ctx.flags })),
    };
  }
  return result;
}

export class SettlementOrderError extends Error {
  constructor(readonly index: number, readonly previous: string, readonly date: string) {
    super(`第${index + 1}笔费用的结算日 ${date} 早于上一笔 ${previous}：费用须按结算顺序排列`);
  }
}

/** Replays a person's claims in settlement order, threading the accumulators through. */
export function replayClaims(person: Person, claims: readonly Claim[], accumulators: Accumulators = {}, opts: ComputeOptions = {}): { results: ClaimResult[]; accumulators: Accumulators } {
  const results: ClaimResult[] = [];
  let current = accumulators;
  for (let i = 0; i < claims.length; i++) {
    const claim = claims[i];
    if (!claim) continue;
    const previous = claims[i - 1];
    if (previous && claim.date < previous.date) throw new SettlementOrderError(i, previous.date, claim.date);
    const result = computeClaim(person, claim, current, opts);
    results.push(result);
    current = result.accumulatorsAfter;
  }
  return { results, accumulators: current };
}
