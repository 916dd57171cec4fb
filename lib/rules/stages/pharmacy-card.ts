import type { ClaimContext } from "../claim-context";
import { accumulatorKey } from "../accumulator-keys";
import { addPayout, addReason, addTrace, readAcc, ref, writeAcc } from "../claim-context";
import { quarterOf } from "../dates";
import type { Person } from "../domain";
import { holdsIdentity } from "../domain";
import type { Fen, Rate } from "../money";
import { minFen, positive, rateEquals, roundHalfUp, applyRate } from "../money";
import type { PolicyLibrary, ResolvedParameters } from "../library/policy-library";
import type { ReasonCode } from "../library/reasons";
import { paramText } from "../formula-text";
import { REASONS } from "../library/reasons";

const STAGE = "pharmacyCard" as const;

function provinceOf(jurisdiction: string): string {
  return jurisdiction.split("-")[1] ?? "";
}

/**
 * The card is a Shanxi programme whose holders are decided by the veteran's household registration,
 * not by where the holder lives (family members may live anywhere): its rules are read as Shanxi's.
 */
export const CARD_JURISDICTION = "CN-SX" as const;

export function cardParameters(library: PolicyLibrary, date: string): ResolvedParameters {
  return library.resolve(CARD_JURISDICTION, date);
}

export type CardStatus = { ok: true; period: string } | { ok: false; code: ReasonCode };

/** Whether the person holds a usable card on `date` (SX-CARD-2026: who, deadline, validity). */
export function cardStatus(person: Person, date: string, params: ResolvedParameters): CardStatus {
  const programme = params["card.programme"];
  const eligibility = params["card.eligibility"];
  if (!programme || !eligibility) return { ok: false, code: "NO_RULE_IN_FORCE" };
  if (!person.card) return { ok: false, code: "NO_CARD" };
  if (person.card.appliedOn > programme.value.applicationDeadline) return { ok: false, code: "CARD_APPLIED_AFTER_DEADLINE" };
  const rule = eligibility.value;
  // Reading 13: the veteran's household registration decides, for the veteran and the family alike,
  // whatever the holder's own jurisdiction; a 三属 holder needs their own registration in the
  // province. A case without `hukouProvince` has the province of its jurisdiction.
  const ownProvince = person.hukouProvince ?? provinceOf(person.jurisdiction);
  const veteran = rule.veteranIdentities.some((identity) => holdsIdentity(person, identity, date)) && (person.veteranHukouProvince ?? ownProvince) === rule.veteranHukouProvince;
  const family =
    holdsIdentity(person, rule.familyIdentity, date) &&
    person.veteranHukouProvince === rule.veteranHukouProvince &&
    (person.relation === undefined || rule.familyRelations.includes(person.relation));
  const bereaved =
    rule.bereavedIdentities.some((identity) => holdsIdentity(person, identity, date)) &&
    ownProvince === rule.veteranHukouProvince &&
    (person.relation === undefined || rule.bereavedRelations.includes(person.relation));
  if (!veteran && !family && !bereaved) return { ok: false, code: "CARD_NOT_ELIGIBLE" };
  if (date < programme.value.validFrom) return { ok: false, code: "CARD_NOT_YET_VALID" };
  if (date > programme.value.validTo) return { ok: false, code: "CARD_EXPIRED" };
  return { ok: true, period: programme.value.validFrom };
}

// SX-CARD-2026: the card pays last, on what the person still pays at a designated or online
// pharmacy; 15 % (online 15/25 % as marked), member-day price if cheaper, 30,000 per card-year.
export function applyPharmacyCard(ctx: ClaimContext): void {
  const { claim, person } = ctx;
  if (claim.type !== "PHARMACY" && claim.type !== "ONLINE_PHARMACY") return;
  const params = cardParameters(ctx.library, claim.date);
  const pharmacy = params["card.pharmacy"];
  const status = cardStatus(person, claim.date, params);
  if (!pharmacy || !status.ok) {
    addReason(ctx, STAGE, status.ok ? "NO_RULE_IN_FORCE" : status.code);
    if (ctx.tracing) {
      addTrace(ctx, { id: "card.amount", stage: STAGE, label: "医药补贴卡", value: 0n, formula: "补贴卡不可用", inputs: { reason: status.ok ? "NO_RULE_IN_FORCE" : status.code }, params: pharmacy ? [ref(pharmacy)] : [], citation: pharmacy?.citation ?? null }, !status.ok && status.code === "CARD_NOT_ELIGIBLE" ? [13] : []);
    }
    return;
  }
  const a = ctx.amounts;
  const paying = positive(a.gross - a.discount - a.insurance - a.criticalIllness - a.assistance - a.specialCare - a.specialCareLarge - a.hospitalAbsorbed);
  let raw: Fen;
  if (claim.type === "PHARMACY") {
    raw = applyRate(paying, pharmacy.value.rate);
  } else {
    // Each online item at its marked rate; the share of insurance, if any, spread pro rata.
    const net = ctx.netItems.reduce((sum, amount) => sum + amount, 0n);
    let num = 0n;
    let den = 1n;
    for (let i = 0; i < claim.items.length; i++) {
      const item = claim.items[i];
      if (!item) continue;
      const marked: Rate | undefined = item.cardRate !== undefined ? pharmacy.value.onlineRates.find((rate) => item.cardRate !== undefined && rateEquals(rate, item.cardRate)) : undefined;
      const rate = marked ?? pharmacy.value.rate;
      num = num * rate.den + (ctx.netItems[i] ?? 0n) * rate.num * den;
      den = den * rate.den;
    }
    raw = net === 0n ? 0n : roundHalfUp(num * paying, den * net);
  }
  const capKey = accumulatorKey("card.pharmacy", status.period);
  const usedBefore = readAcc(ctx, capKey);
  const room = positive(pharmacy.value.annualCap - usedBefore);
  let card = minFen(raw, room);
  if (card < raw) addReason(ctx, STAGE, "ANNUAL_CAP_REACHED", pharmacy.citation);
  if (claim.type === "PHARMACY" && claim.memberPrice !== undefined) {
    // RULES.md §6: `memberPrice` is what the person would pay at the member-day price after
    // insurance. Below what they pay with the card, the card pays 0 and they pay `memberPrice`;
    // the store's saving is no payout of any programme (not `discount`, no payout line).
    const withCard = paying - card;
    const memberDay = claim.memberPrice < withCard;
    if (memberDay) {
      a.memberDaySaving = paying - claim.memberPrice;
      card = 0n;
      addReason(ctx, STAGE, "MEMBER_PRICE_CHOSEN");
    }
    if (ctx.tracing) {
      addTrace(ctx, {
        id: "card.memberDay",
        stage: STAGE,
        label: memberDay ? "会员日价格与补贴卡择优：选会员日价格" : "会员日价格与补贴卡择优：选补贴卡",
        value: memberDay ? claim.memberPrice : withCard,
        formula: memberDay ? "会员日价格（医保后）低于使用补贴卡后的个人支付：补贴卡不支付，个人按会员日价格支付；药店让利不属任何待遇" : "使用补贴卡后的个人支付不高于会员日价格（医保后）：使用补贴卡",
        inputs: { memberPrice: claim.memberPrice, payingWithCard: withCard, storeSaving: a.memberDaySaving },
        params: [ref(pharmacy)],
        citation: REASONS.MEMBER_PRICE_CHOSEN.citation,
      });
    }
  }
  writeAcc(ctx, capKey, usedBefore + card);
  a.card = card;
  if (card > 0n) addPayout(ctx, STAGE, "card.amount", "医药补贴卡购药补贴", card, pharmacy.citation);
  if (ctx.tracing) {
    addTrace(ctx, {
      id: "card.amount",
      stage: STAGE,
      label: "医药补贴卡购药补贴",
      value: card,
      formula: claim.type === "PHARMACY" ? `min(个人支付 × ${paramText(pharmacy.value.rate)}, ${paramText(pharmacy.value.annualCap)} − 本卡年度已补贴)` : `min(Σ 药品个人支付 × 标注比例, ${paramText(pharmacy.value.annualCap)} − 本卡年度已补贴)`,
      inputs: { paying, raw, usedBefore, annualCap: pharmacy.value.annualCap },
      params: [ref(pharmacy)],
      citation: pharmacy.citation,
    }, [1, 2, 13]);
  }
}

/** After the claim is settled: own payments for the chronic-disease quarterly subsidy. */
export function recordCardChronic(ctx: ClaimContext): void {
  const params = cardParameters(ctx.library, ctx.claim.date);
  const chronic = params["card.chronic"];
  const { claim } = ctx;
  if (!chronic || !chronic.value.claimTypes.includes(claim.type)) return;
  const eligibleDisease = claim.diagnoses.some((diagnosis) => chronic.value.diseases.includes(diagnosis));
  if (!claim.hospital?.cardDesignated || !eligibleDisease) return;
  const status = cardStatus(ctx.person, claim.date, params);
  if (!status.ok) {
    // Reading 13: only payments on days the card is valid count toward a quarter.
    addReason(ctx, STAGE, status.code);
    if (ctx.tracing) {
      addTrace(ctx, { id: "card.chronicQuarter", stage: STAGE, label: "不计入本季度慢病门诊个人自付", value: 0n, formula: "结算日补贴卡不可用：本次个人自付不计入", inputs: { reason: status.code, quarter: quarterOf(claim.date) }, params: [ref(chronic)], citation: chronic.citation }, [13]);
    }
    return;
  }
  const key = accumulatorKey("card.chronicOwn", quarterOf(claim.date));
  writeAcc(ctx, key, readAcc(ctx, key) + ctx.amounts.personal);
  if (ctx.tracing) {
    addTrace(ctx, {
      id: "card.chronicQuarter",
      stage: STAGE,
      label: "计入本季度慢病门诊个人自付",
      value: readAcc(ctx, key),
      formula: "本季度此前累计 + 本次个人自付",
      inputs: { personal: ctx.amounts.personal, quarter: quarterOf(claim.date) },
      params: [ref(chronic)],
      citation: chronic.citation,
    }, [13]);
  }
}
