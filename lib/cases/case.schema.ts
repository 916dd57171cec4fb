// The forms of the case procedure, as zod schemas the commands parse with (FormData-friendly:
// strings in; repeated names and JSON-encoded lists accepted). A bill passes these checks (each
// naming its field) and then the rules module's own claim schema (lib/rules/case.schema.ts), so
// an entered bill is exactly what the rules compute on.
import { z } from "zod";
import { claimSchema } from "@/lib/rules/case.schema";
import { isIsoDate } from "@/lib/rules/dates";
import { CLAIM_TYPES, CODE_PATTERN, FEE_KINDS, ITEM_CLASSES, ROUTES } from "@/lib/rules/domain";
import { parseYuan } from "@/lib/rules/money";
import { APPLICATION_KIND_IDS, ATTACHMENT_KINDS } from "@/lib/workflow/application-kinds";
import { chinaDate } from "@/lib/workflow/case-machine";

const V = "cases.validation";

const text = (max: number) => z.string({ message: `${V}.required` }).trim().max(max, { message: `${V}.tooLong` });
const requiredText = (max: number) => text(max).min(1, { message: `${V}.required` });
const date = z.string({ message: "validation.date" }).trim().refine(isIsoDate, { message: "validation.date" });
const pastDate = date.refine((day) => day <= chinaDate(new Date()), { message: `${V}.dateInFuture` });
const optionalDate = z.union([z.literal(""), date]).optional().transform((v) => v || undefined);
// At most two decimals: a third one ("12.345") is a typing error, not a rounding question.
const AMOUNT_TEXT = /^\d{1,10}(\.\d{1,2})?$/;
const amount = z.string({ message: "validation.amount" }).trim().regex(AMOUNT_TEXT, { message: "validation.amount" });
function fenOf(value: unknown): bigint | null {
  return typeof value === "string" && AMOUNT_TEXT.test(value.trim()) ? parseYuan(value.trim()) : null;
}
const optionalAmount = z.union([z.literal(""), amount]).optional().transform((v) => v || undefined);
const uuid = z.string().trim().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: `${V}.invalidId` });
const version = z.coerce.number({ message: `${V}.version` }).int().min(1);
const many = <T extends z.ZodType>(inner: T) => z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(inner));
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
/** A list sent as one JSON field (a client-built bill table) or as a real array (a job, a test). */
const jsonList = <T extends z.ZodType>(inner: T) =>
  z.preprocess((v) => {
    if (v === undefined || v === "") return [];
    if (typeof v !== "string") return v;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return v;
    }
  }, z.array(inner, { message: `${V}.bills` }));

const diagnoses = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/[,，\s]+/).filter(Boolean) : v ?? []),
  z.array(z.string().regex(CODE_PATTERN, { message: "validation.diagnoses" })),
);

const itemSchema = z.object({
  fee: z.enum(FEE_KINDS, { message: "validation.invalid" }),
  class: z.enum(ITEM_CLASSES, { message: "validation.invalid" }),
  amount,
  days: z
    .union([z.literal(""), z.coerce.number().int().min(1).max(366)])
    .optional()
    .transform((v) => (v === "" ? undefined : v)),
});

/** One bill as the clerk enters it from the hospital's settlement sheet. */
export const billInputSchema = z
  .object({
    hospitalId: uuid,
    type: z.enum(CLAIM_TYPES, { message: "validation.invalid" }),
    admitted: optionalDate,
    /** The discharge (settlement) date. */
    date: pastDate,
    route: z.enum(ROUTES, { message: "validation.invalid" }),
    diagnoses,
    items: z.array(itemSchema).min(1, { message: "validation.itemsRequired" }),
    /** The bill's total as printed: it must be the sum of its items. */
    total: amount,
    quota: optionalAmount,
    memberPrice: optionalAmount,
    settledPolicyScope: optionalAmount,
    settledInsurance: optionalAmount,
    settledCriticalIllness: optionalAmount,
    settledAssistance: optionalAmount,
  })
  .superRefine((bill, ctx) => {
    if (bill.type === "INPATIENT" && !bill.admitted) ctx.addIssue({ code: "custom", path: ["admitted"], message: "validation.admittedRequired" });
    if (bill.admitted && bill.admitted > chinaDate(new Date())) ctx.addIssue({ code: "custom", path: ["admitted"], message: `${V}.dateInFuture` });
    if (bill.admitted && bill.admitted > bill.date) ctx.addIssue({ code: "custom", path: ["date"], message: `${V}.dischargeBeforeAdmission` });
    // Refinements run even when a field already failed: sums only over amounts that parsed.
    const gross = fenOf(bill.total);
    const items = bill.items.map((item) => fenOf(item.amount));
    if (gross === null || items.some((fen) => fen === null)) return;
    const sum = items.reduce<bigint>((total, fen) => total + (fen ?? 0n), 0n);
    if (sum !== gross) ctx.addIssue({ code: "custom", path: ["total"], message: `${V}.totalMismatch` });
    for (const field of ["settledPolicyScope", "settledInsurance", "settledCriticalIllness", "settledAssistance"] as const) {
      const value = bill[field] === undefined ? null : fenOf(bill[field]);
      if (value !== null && value > gross) ctx.addIssue({ code: "custom", path: [field], message: `${V}.settledAboveTotal` });
    }
  });

export type BillInput = z.output<typeof billInputSchema>;

/** The bill as the rules module's case format spells it (hospital from the directory). */
export function billToRulesJson(bill: BillInput, hospital: { level: number; priceClass: number; runBy: string; isPublic: boolean; province: string; cardDesignated: boolean }, id: string) {
  const settled = {
    ...(bill.settledPolicyScope ? { policyScope: bill.settledPolicyScope } : {}),
    ...(bill.settledInsurance ? { insurance: bill.settledInsurance } : {}),
    ...(bill.settledCriticalIllness ? { criticalIllness: bill.settledCriticalIllness } : {}),
    ...(bill.settledAssistance ? { assistance: bill.settledAssistance } : {}),
  };
  return {
    id,
    type: bill.type,
    date: bill.date,
    ...(bill.admitted ? { admitted: bill.admitted } : {}),
    hospital: { level: hospital.level, priceClass: hospital.priceClass, runBy: hospital.runBy, public: hospital.isPublic, province: hospital.province, cardDesignated: hospital.cardDesignated },
    route: bill.route,
    diagnoses: bill.diagnoses,
    items: bill.items.map((item) => ({ fee: item.fee, class: item.class, amount: item.amount, ...(item.days ? { days: item.days } : {}) })),
    ...(bill.quota ? { quota: bill.quota } : {}),
    ...(bill.memberPrice ? { memberPrice: bill.memberPrice } : {}),
    ...(Object.keys(settled).length ? { settled } : {}),
  };
}

/** The rules module's own check of a bill; issues with their paths inside the bill. */
export function rulesBillIssues(json: ReturnType<typeof billToRulesJson>): { path: PropertyKey[]; message: string }[] {
  const parsed = claimSchema.safeParse(json);
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path, message: `${V}.rulesRefused` }));
}

const caseRef = { caseId: uuid, version };

export const createCaseSchema = z.object({
  personId: uuid,
  kind: z.enum(APPLICATION_KIND_IDS, { message: "validation.invalid" }),
  bills: jsonList(billInputSchema),
});

export const updateDraftBillsSchema = z.object({ ...caseRef, bills: jsonList(billInputSchema) });

/** The largest attachment accepted (issue 8): 10 MB. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const addAttachmentSchema = z.object({
  ...caseRef,
  kind: z.enum(ATTACHMENT_KINDS, { message: "validation.invalid" }),
  file: z
    .instanceof(Blob, { message: `${V}.fileRequired` })
    .refine((file) => file.size > 0, { message: `${V}.fileRequired` })
    .refine((file) => file.size <= MAX_ATTACHMENT_BYTES, { message: `${V}.fileTooLarge` }),
});

export const removeAttachmentSchema = z.object({ ...caseRef, attachmentId: uuid });

export const caseStepSchema = z.object(caseRef);

export const withdrawCaseSchema = z.object({ ...caseRef, reason: requiredText(500) });

export const investigateCaseSchema = z.object({
  ...caseRef,
  date: pastDate,
  /** One name per entry, or one per line in a textarea. */
  investigators: z.preprocess(
    (v) => (typeof v === "string" ? v.split(/[\n,，、]+/) : v ?? []),
    z.array(z.string().trim().max(40, { message: `${V}.tooLong` })).transform((names) => names.filter((name) => name.length > 0)),
  ),
  /** Users among the investigators, in the same order (optional). */
  investigatorUserIds: many(z.union([z.literal(""), uuid])).optional(),
  villageCommitteeMember: requiredText(40),
  householdSituation: requiredText(2000),
  findings: requiredText(2000),
  recommendation: z.enum(["APPROVE", "REFUSE"], { message: "validation.invalid" }),
});

export const publicizeCaseSchema = z.object({ ...caseRef, place: requiredText(200), startsOn: date });

export const recordObjectionSchema = z.object({
  ...caseRef,
  objector: requiredText(100),
  receivedOn: pastDate,
  content: requiredText(2000),
  upheld: checkbox,
  finding: requiredText(2000),
});

export const returnCaseSchema = z.object({
  ...caseRef,
  missing: many(z.enum(ATTACHMENT_KINDS, { message: "validation.invalid" })),
  note: text(1000),
  dueOn: date,
});

/** "reviewer:CODE" or "rules:CODE", as a select's values. */
const chosenReason = z
  .string()
  .trim()
  .regex(/^(reviewer|rules):[A-Z][A-Z0-9_]*$/, { message: `${V}.reason` })
  .transform((value) => {
    const [source, code] = value.split(":") as ["reviewer" | "rules", string];
    return { source, code };
  });

export const rejectCaseSchema = z.object({
  ...caseRef,
  reasons: many(chosenReason).refine((reasons) => reasons.length > 0, { message: `${V}.reasonRequired` }),
  note: text(1000),
});

export const serveNoticeSchema = z.object({ ...caseRef, servedOn: pastDate });

export const recordPaymentSchema = z.object({ ...caseRef, paidOn: pastDate, reference: requiredText(100) });

/** Message keys of the forms' fields, for defineAction's "请检查以下填写项". */
export const CASE_FIELD_LABELS: Record<string, string> = {
  personId: "cases.field.person",
  kind: "cases.field.kind",
  bills: "cases.field.bills",
  caseId: "cases.field.case",
  version: "cases.field.version",
  attachmentId: "cases.field.attachment",
  file: "cases.field.file",
  reason: "cases.field.reason",
  date: "cases.field.investigationDate",
  investigators: "cases.field.investigators",
  villageCommitteeMember: "cases.field.villageCommitteeMember",
  householdSituation: "cases.field.householdSituation",
  findings: "cases.field.findings",
  recommendation: "cases.field.recommendation",
  place: "cases.field.place",
  startsOn: "cases.field.startsOn",
  objector: "cases.field.objector",
  receivedOn: "cases.field.receivedOn",
  content: "cases.field.content",
  upheld: "cases.field.upheld",
  finding: "cases.field.finding",
  missing: "cases.field.missing",
  note: "cases.field.note",
  dueOn: "cases.field.dueOn",
  reasons: "cases.field.reasons",
  servedOn: "cases.field.servedOn",
  paidOn: "cases.field.paidOn",
  reference: "cases.field.reference",
};

/** Message keys of a bill's fields ("bills.0.total" → 第1张单据的 + 合计金额). */
export const BILL_FIELD_LABELS: Record<string, string> = {
  hospitalId: "cases.billField.hospital",
  type: "cases.billField.type",
  admitted: "cases.billField.admitted",
  date: "cases.billField.date",
  route: "cases.billField.route",
  diagnoses: "cases.billField.diagnoses",
  items: "cases.billField.items",
  total: "cases.billField.total",
  quota: "cases.billField.quota",
  memberPrice: "cases.billField.memberPrice",
  settledPolicyScope: "cases.billField.settledPolicyScope",
  settledInsurance: "cases.billField.settledInsurance",
  settledCriticalIllness: "cases.billField.settledCriticalIllness",
  settledAssistance: "cases.billField.settledAssistance",
  fee: "cases.billField.fee",
  class: "cases.billField.class",
  amount: "cases.billField.amount",
  days: "cases.billField.days",
};

/**
 * The words of an issue's path, for defineAction's `fieldLabel`: a form field, or a bill's field
 * with the bill's (and item's) number: ["bills", 0, "items", 2, "amount"] → "第1张单据第3行明细的金额".
 */
export function caseFieldLabel(path: readonly PropertyKey[], t: (key: string, values?: Record<string, string | number>) => string): string {
  const [first, bill, second, item, third] = path;
  if (first === "bills" && typeof bill === "number") {
    if (second === "items" && typeof item === "number") return t("cases.billFieldAt.item", { bill: bill + 1, item: item + 1, field: t(BILL_FIELD_LABELS[String(third)] ?? "cases.billField.items") });
    return t("cases.billFieldAt.bill", { bill: bill + 1, field: t(BILL_FIELD_LABELS[String(second)] ?? "cases.field.bills") });
  }
  return t(CASE_FIELD_LABELS[String(first)] ?? "cases.field.unknown");
}
