import { z } from "zod";
import { isIsoDate } from "@/lib/rules/dates";
import { CLAIM_TYPES, CODE_PATTERN, FEE_KINDS, IDENTITY_TYPES, ITEM_CLASSES, JURISDICTIONS, RELATIONS, ROUTES, RUN_BY } from "@/lib/rules/domain";

// The trial-calculation form: one person, one claim. The schema checks what a clerk typed and
// turns it into a case file; the rules module's own case schema then checks it again, so the
// page can never compute from input the command line would refuse.

export const TRIAL_ITEM_ROWS = 6;

const date = z
  .string()
  .trim()
  .refine(isIsoDate, { message: "validation.date" })
  .refine((v) => v >= "1900-01-01", { message: "validation.dateNotSensible" });
/** Today in the county (Beijing time), as YYYY-MM-DD. */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const optionalDate = z.union([z.literal(""), date]).optional().transform((v) => v || undefined);
const amount = z.string().trim().regex(/^\d{1,9}(\.\d{1,2})?$/, { message: "validation.amount" });
const optionalAmount = z.union([z.literal(""), amount]).optional().transform((v) => v || undefined);
const level = z.enum(["1", "2", "3"], { message: "validation.level" }).transform((v) => Number(v) as 1 | 2 | 3);
const many = <T extends z.ZodType>(inner: T) =>
  z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(inner));
const checkbox = z.preprocess((v) => v === "on" || v === "true", z.boolean());

const itemRow = z.object({
  fee: z.enum(FEE_KINDS, { message: "validation.invalid" }),
  class: z.enum(ITEM_CLASSES, { message: "validation.invalid" }),
  amount,
  days: z.union([z.literal(""), z.coerce.number().int().min(1).max(366)]).optional().transform((v) => (v === "" ? undefined : v)),
});

export const trialSchema = z
  .object({
    jurisdiction: z.enum(JURISDICTIONS, { message: "validation.invalid" }),
    birthDate: date,
    sex: z.enum(["M", "F"], { message: "validation.invalid" }),
    ruralHukou: checkbox,
    identities: many(z.enum(IDENTITY_TYPES)),
    identitiesFrom: date,
    insured: checkbox,
    // Open codes, as in a case file: the library's lists decide which ones change a benefit.
    conditions: many(z.string().regex(CODE_PATTERN, { message: "validation.condition" })),
    relation: z.union([z.literal(""), z.enum(RELATIONS)]).optional().transform((v) => v || undefined),
    cardAppliedOn: optionalDate,
    claimType: z.enum(CLAIM_TYPES, { message: "validation.invalid" }),
    date,
    admitted: optionalDate,
    hospitalLevel: level,
    priceClass: level,
    runBy: z.enum(RUN_BY, { message: "validation.invalid" }),
    publicHospital: checkbox,
    province: z.string().trim().regex(/^[A-Z]{2}$/, { message: "validation.province" }),
    route: z.enum(ROUTES, { message: "validation.invalid" }),
    diagnoses: z
      .string()
      .trim()
      .regex(/^([A-Z][A-Z0-9_]*([,，\s]+[A-Z][A-Z0-9_]*)*)?$/, { message: "validation.diagnoses" }),
    quota: optionalAmount,
    memberPrice: optionalAmount,
    settledInsurance: optionalAmount,
    settledCriticalIllness: optionalAmount,
    settledAssistance: optionalAmount,
    items: z.array(itemRow).min(1, { message: "validation.itemsRequired" }),
  })
  .superRefine((v, ctx) => {
    if (v.claimType === "INPATIENT" && !v.admitted) ctx.addIssue({ code: "custom", path: ["admitted"], message: "validation.admittedRequired" });
    if (v.admitted && v.admitted > v.date) ctx.addIssue({ code: "custom", path: ["admitted"], message: "validation.admittedAfterDate" });
    if (v.birthDate > v.date) ctx.addIssue({ code: "custom", path: ["birthDate"], message: "validation.birthAfterDate" });
    if (v.admitted && v.admitted < v.birthDate) ctx.addIssue({ code: "custom", path: ["admitted"], message: "validation.admittedBeforeBirth" });
    if (v.date > today()) ctx.addIssue({ code: "custom", path: ["date"], message: "validation.dateInFuture" });
  });

export type TrialInput = z.output<typeof trialSchema>;

/** Gathers the bill rows (`item_fee_0`, `item_amount_0`, …) into `items`; rows without an amount are blank. */
export function collectItems(raw: Record<string, unknown>): Record<string, unknown> {
  const items: Record<string, unknown>[] = [];
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) if (!key.startsWith("item_")) rest[key] = value;
  for (let i = 0; i < TRIAL_ITEM_ROWS; i++) {
    const amountText = String(raw[`item_amount_${i}`] ?? "").trim();
    if (!amountText) continue;
    items.push({ fee: raw[`item_fee_${i}`], class: raw[`item_class_${i}`], amount: amountText, days: String(raw[`item_days_${i}`] ?? "").trim() });
  }
  return { ...rest, items };
}

export const trialFormSchema = z.preprocess((raw) => collectItems((raw ?? {}) as Record<string, unknown>), trialSchema);

export const TRIAL_FIELD_LABELS: Record<string, string> = {
  jurisdiction: "trial.jurisdiction", birthDate: "trial.birthDate", sex: "trial.sex", identities: "trial.identities",
  identitiesFrom: "trial.identitiesFrom", claimType: "trial.claimType", date: "trial.date", admitted: "trial.admitted",
  hospitalLevel: "trial.hospitalLevel", priceClass: "trial.priceClass", runBy: "trial.runBy", province: "trial.province",
  route: "trial.route", diagnoses: "trial.diagnoses", quota: "trial.quota", memberPrice: "trial.memberPrice",
  relation: "trial.relation", cardAppliedOn: "trial.cardAppliedOn", settledInsurance: "trial.settledInsurance",
  settledCriticalIllness: "trial.settledCriticalIllness", settledAssistance: "trial.settledAssistance", items: "trial.items",
};

/** The case file the rules module reads: the same format as its command line and golden cases. */
export function toCaseFile(input: TrialInput) {
  const diagnoses = input.diagnoses ? input.diagnoses.split(/[,，\s]+/).filter(Boolean) : [];
  const settled = {
    ...(input.settledInsurance ? { insurance: input.settledInsurance } : {}),
    ...(input.settledCriticalIllness ? { criticalIllness: input.settledCriticalIllness } : {}),
    ...(input.settledAssistance ? { assistance: input.settledAssistance } : {}),
  };
  return {
    id: "trial",
    person: {
      jurisdiction: input.jurisdiction,
      birthDate: input.birthDate,
      sex: input.sex,
      ruralHukou: input.ruralHukou,
      identities: input.identities.map((type) => ({ type, from: input.identitiesFrom, to: null })),
      insurance: input.insured ? [{ scheme: "RESIDENT", from: input.identitiesFrom < input.date ? input.identitiesFrom : input.date, to: null }] : [],
      // A trial has no dates for them: held throughout, as a case file's plain code.
      conditions: input.conditions.map((condition) => ({ condition, from: null, to: null })),
      hukouProvince: input.jurisdiction === "CN-CQ-QJ" ? "CQ" : "SX",
      ...(input.relation ? { relation: input.relation } : {}),
      ...(input.cardAppliedOn ? { card: { appliedOn: input.cardAppliedOn } } : {}),
    },
    claims: [
      {
        id: "c1",
        type: input.claimType,
        date: input.date,
        ...(input.admitted ? { admitted: input.admitted } : {}),
        hospital: { level: input.hospitalLevel, priceClass: input.priceClass, runBy: input.runBy, public: input.publicHospital, province: input.province },
        route: input.route,
        diagnoses,
        items: input.items.map((i) => ({ fee: i.fee, class: i.class, amount: i.amount, ...(i.days ? { days: i.days } : {}) })),
        ...(input.quota ? { quota: input.quota } : {}),
        ...(input.memberPrice ? { memberPrice: input.memberPrice } : {}),
        ...(Object.keys(settled).length ? { settled } : {}),
      },
    ],
    entitlements: [],
  };
}
