// The case-file format of the golden README, as a zod schema that parses straight into the
// engine's domain types (amounts to fen, rates to exact fractions). Shared by CLI, tests and app.
import { z } from "zod";
import { isIsoDate } from "./dates";
import type { CaseFile, Claim, EntitlementRequest, Person } from "./domain";
import {
  CLAIM_TYPES,
  CODE_PATTERN,
  FEE_KINDS,
  IDENTITY_TYPES,
  INSURANCE_SCHEMES,
  ITEM_CLASSES,
  JURISDICTIONS,
  RELATIONS,
  ROUTES,
  RUN_BY,
} from "./domain";
import { parseRate, parseYuan } from "./money";

export const isoDateSchema = z.string().refine(isIsoDate, { message: "日期须为有效的 YYYY-MM-DD" });

/** A yuan amount: a decimal string with at most two places, never a number (no float round-trips). */
export const amountSchema = z
  .string({ message: "金额须为字符串形式的小数，如 \"1234.50\"" })
  .regex(/^\d+(\.\d{1,2})?$/, { message: "金额须为不超过两位小数的非负十进制数字符串" })
  .transform(parseYuan);

const RATE_TEXT = /^(0(\.\d{1,6})?|1(\.0{1,6})?)$/;
// A card rate is a marking ("0.25"), not money; a JSON number is accepted through its decimal text.
const rateSchema = z
  .union([z.string(), z.number()], { message: "比例须为0到1之间的小数，如 \"0.25\"" })
  .transform((value) => String(value))
  .refine((text) => RATE_TEXT.test(text), { message: "比例须为0到1之间、至多6位小数" })
  .transform(parseRate);

const levelSchema = z.union([z.literal(1), z.literal(2), z.literal(3)], { message: "须为 1、2 或 3" });

/** Open code lists (diagnoses, conditions): any upper-case code; the library decides its meaning. */
const codeSchema = z.string().regex(CODE_PATTERN, { message: "编码须为大写字母、数字和下划线" });

// An absent end date means the period is still open, the same as null.
const periodEndSchema = isoDateSchema.nullable().optional().transform((value) => value ?? null);

const identitySchema = z.object({ type: z.enum(IDENTITY_TYPES), from: isoDateSchema, to: periodEndSchema });
const enrolmentSchema = z.object({ scheme: z.enum(INSURANCE_SCHEMES), from: isoDateSchema, to: periodEndSchema });
// A condition with the days it held, or (the README's original form) a plain code: held throughout.
const conditionSchema = z.preprocess(
  (value) => (typeof value === "string" ? { condition: value, from: null, to: null } : value),
  z.object({ condition: codeSchema, from: isoDateSchema.nullable().optional().transform((value) => value ?? null), to: periodEndSchema }),
);

export const personSchema = z.object({
  jurisdiction: z.enum(JURISDICTIONS),
  birthDate: isoDateSchema,
  sex: z.enum(["M", "F"]),
  ruralHukou: z.boolean().default(false),
  identities: z.array(identitySchema).default([]),
  insurance: z.array(enrolmentSchema).default([]),
  conditions: z.array(conditionSchema).default([]),
  hukouProvince: z.string().optional(),
  veteranHukouProvince: z.string().optional(),
  relation: z.enum(RELATIONS).optional(),
  card: z.object({ appliedOn: isoDateSchema }).optional(),
});

const hospitalSchema = z.object({
  level: levelSchema,
  priceClass: levelSchema,
  runBy: z.enum(RUN_BY),
  public: z.boolean(),
  province: z.string().min(1),
  cardDesignated: z.boolean().optional(),
});

const itemSchema = z.object({
  fee: z.enum(FEE_KINDS),
  class: z.enum(ITEM_CLASSES),
  amount: amountSchema,
  days: z.number().int().positive().optional(),
  cardRate: rateSchema.optional(),
  drug: z.string().optional(),
});

export const claimSchema = z.object({
  id: z.string().min(1),
  type: z.enum(CLAIM_TYPES),
  date: isoDateSchema,
  admitted: isoDateSchema.optional(),
  hospital: hospitalSchema.optional(),
  route: z.enum(ROUTES).optional(),
  diagnoses: z.array(codeSchema).default([]),
  items: z.array(itemSchema),
  quota: amountSchema.optional(),
  memberPrice: amountSchema.optional(),
  settled: z
    .object({
      policyScope: amountSchema.optional(),
      insurance: amountSchema.optional(),
      criticalIllness: amountSchema.optional(),
      assistance: amountSchema.optional(),
    })
    .optional(),
});

const entitlementSchema = z.discriminatedUnion("programme", [
  z.object({ programme: z.literal("QJ_MONTHLY_ALLOWANCE"), year: z.number().int().min(1900).max(2200) }),
  z.object({ programme: z.literal("YQ_ONE_OFF_ASSISTANCE"), year: z.number().int().min(1900).max(2200), appliedOn: isoDateSchema }),
  z.object({ programme: z.literal("SX_CARD_CHRONIC"), quarter: z.string().regex(/^\d{4}Q[1-4]$/, { message: "季度须为 YYYYQn" }) }),
]);

export const caseFileSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().optional(),
    person: personSchema,
    claims: z.array(claimSchema),
    entitlements: z.array(entitlementSchema).default([]),
    expected: z.unknown().optional(),
  })
  .superRefine((value, ctx) => {
    // Claims must come in settlement order: accumulators are run in that order.
    for (let i = 1; i < value.claims.length; i++) {
      const previous = value.claims[i - 1];
      const current = value.claims[i];
      if (previous && current && current.date < previous.date) {
        ctx.addIssue({ code: "custom", path: ["claims", i, "date"], message: `费用未按结算日排序：${current.date} 早于上一笔 ${previous.date}` });
      }
    }
    // Periods and stays must run forwards: an end before its start is a typing error, not a rule.
    value.person.identities.forEach((period, i) => {
      if (period.to !== null && period.to < period.from) ctx.addIssue({ code: "custom", path: ["person", "identities", i, "to"], message: `身份结束日期 ${period.to} 早于开始日期 ${period.from}` });
    });
    value.person.insurance.forEach((period, i) => {
      if (period.to !== null && period.to < period.from) ctx.addIssue({ code: "custom", path: ["person", "insurance", i, "to"], message: `参保结束日期 ${period.to} 早于开始日期 ${period.from}` });
    });
    value.person.conditions.forEach((period, i) => {
      if (period.from !== null && period.to !== null && period.to < period.from) ctx.addIssue({ code: "custom", path: ["person", "conditions", i, "to"], message: `情形结束日期 ${period.to} 早于开始日期 ${period.from}` });
    });
    value.claims.forEach((claim, i) => {
      if (claim.admitted !== undefined && claim.admitted > claim.date) ctx.addIssue({ code: "custom", path: ["claims", i, "admitted"], message: `入院日期 ${claim.admitted} 晚于结算日期 ${claim.date}` });
    });
    const ids = new Set<string>();
    value.claims.forEach((claim, i) => {
      if (ids.has(claim.id)) ctx.addIssue({ code: "custom", path: ["claims", i, "id"], message: `费用编号 ${claim.id} 重复` });
      ids.add(claim.id);
    });
  });

export type CaseFileInput = z.input<typeof caseFileSchema>;

/** Parses an unknown JSON value into a CaseFile, or returns the problems with their JSON paths. */
export function parseCaseFile(json: unknown): { ok: true; value: CaseFile } | { ok: false; issues: Array<{ path: string; message: string }> } {
  const parsed = caseFileSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    };
  }
  const data = parsed.data;
  const person: Person = data.person;
  const claims: Claim[] = data.claims;
  const entitlements: EntitlementRequest[] = data.entitlements;
  return { ok: true, value: { id: data.id, title: data.title, person, claims, entitlements } };
}

/** JSON path in the `$.claims[0].items[1].amount` style. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = "$";
  for (const segment of path) text += typeof segment === "number" ? `[${segment}]` : `.${String(segment)}`;
  return text;
}
