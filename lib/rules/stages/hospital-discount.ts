import type { ClaimContext } from "../claim-context";
import { addPayout, addReason, addTrace, ref } from "../claim-context";
import { ageOn, daysBetween } from "../dates";
import { holdsIdentity } from "../domain";
import type { BillItem, Person } from "../domain";
import type { Fen } from "../money";
import { applyRate, roundHalfUp } from "../money";
import { FEE_LABELS } from "../library/labels";
import type { FeeDiscountRule } from "../library/parameters";
import { paramText } from "../formula-text";

// SX-YF-2024 Art. 12: 优抚对象 at public hospitals in Shanxi get fee discounts by fee kind; the
// discounted item keeps its insurance class, so later stages simply read the lowered amounts.
export function applyHospitalDiscount(ctx: ClaimContext): void {
  const { claim, person, params } = ctx;
  const identities = params["discount.eligibleIdentities"];
  const scope = params["discount.hospitalScope"];
  const rules = params["discount.feeRules"];
  if (!identities || !scope || !rules) {
    // No discount rule for this jurisdiction or date (e.g. Chongqing): items stay as billed.
    addReason(ctx, "hospitalDiscount", "NO_RULE_IN_FORCE");
    return;
  }
  if (!identities.value.some((identity) => holdsIdentity(person, identity, claim.date))) {
    addReason(ctx, "hospitalDiscount", "NOT_ELIGIBLE_IDENTITY", identities.citation);
    return;
  }
  const hospital = claim.hospital;
  if (!hospital || (scope.value.publicOnly && !hospital.public) || hospital.province !== scope.value.province) {
    addReason(ctx, "hospitalDiscount", "NOT_PUBLIC_HOSPITAL_IN_PROVINCE", scope.citation);
    return;
  }
  let total = 0n;
  claim.items.forEach((item, index) => {
    const rule = rules.value[item.fee];
    // A bed item without its own day count takes the stay's length (admission day to discharge).
    const days = item.days ?? (item.fee === "BED" && claim.admitted ? Math.max(1, daysBetween(claim.admitted, claim.date)) : undefined);
    const discount = itemDiscount(days === item.days ? item : { ...item, days }, rule, person, claim.date);
    if (discount === 0n) return;
    ctx.netItems[index] = item.amount - discount;
    total += discount;
    if (ctx.tracing && rule.kind !== "NONE") {
      addTrace(ctx, {
        id: `discount.item${index + 1}.${item.fee}`,
        stage: "hospitalDiscount",
        label: `第${index + 1}项减免（${FEE_LABELS[item.fee]}）`,
        value: discount,
        formula: rule.kind === "BED_DAYS" ? `床位费 ÷ 天数 × (前${paramText(rule.firstDays)}天 × ${paramText(rule.firstRate)} + 其后各天 × ${paramText(rule.laterRate)})` : "收费项目金额 × 减免比例",
        inputs: { amount: item.amount, fee: item.fee, days: days ?? null, rate: rule.kind === "BED_DAYS" ? rule.firstRate : rule.rate },
        params: [ref(rules)],
        citation: { document: rules.citation.document, article: rule.clause },
      });
    }
  });
  ctx.amounts.discount = total;
  if (total === 0n) {
    addReason(ctx, "hospitalDiscount", "NO_DISCOUNTABLE_FEE", rules.citation);
    return;
  }
  addPayout(ctx, "hospitalDiscount", "discount.total", "医院减免", total, rules.citation);
  if (ctx.tracing) {
    addTrace(ctx, {
      id: "discount.total",
      stage: "hospitalDiscount",
      label: "减免合计",
      value: total,
      formula: "各收费项目减免额之和",
      inputs: {},
      params: [ref(rules), ref(identities), ref(scope)],
      citation: rules.citation,
    });
  }
}

/** One item's discount, rounded half-up once; bed fees split marginally by day (Art. 12(4)). */
export function itemDiscount(item: BillItem, rule: FeeDiscountRule, person: Person, date: string): Fen {
  switch (rule.kind) {
    case "NONE":
      return 0n;
    case "RATE":
      return applyRate(item.amount, rule.rate);
    case "RATE_FROM_AGE":
      return ageOn(person.birthDate, date) >= rule.minAge ? applyRate(item.amount, rule.rate) : 0n;
    case "RATE_IF_FEMALE":
      return person.sex === "F" ? applyRate(item.amount, rule.rate) : 0n;
    case "BED_DAYS": {
      // Per-day fee = amount ÷ days; days 1..firstDays at firstRate, the rest at laterRate.
      const days = BigInt(item.days && item.days > 0 ? item.days : 1);
      const firstDays = days < BigInt(rule.firstDays) ? days : BigInt(rule.firstDays);
      const laterDays = days - firstDays;
      const den = days * rule.firstRate.den * rule.laterRate.den;
      const num = item.amount * (firstDays * rule.firstRate.num * rule.laterRate.den + laterDays * rule.laterRate.num * rule.firstRate.den);
      return roundHalfUp(num, den);
    }
  }
}
