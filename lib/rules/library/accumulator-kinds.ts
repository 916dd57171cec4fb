// The closed list of a person's running totals. Their keys are stored in ledgers and read by
// auditors years later, so each stored name is spelled here once, with what it counts, its period,
// its unit and the article that makes it a running total; renaming one is a ledger migration.
import type { Citation } from "./documents";
import type { TwoDiseaseKey } from "./parameters";

export const ACCUMULATOR_PROGRAMMES = ["insurance", "criticalIllness", "assistance", "specialCare", "card"] as const;
export type AccumulatorProgramme = (typeof ACCUMULATOR_PROGRAMMES)[number];

export const ACCUMULATOR_PERIOD_KINDS = ["YEAR", "QUARTER", "CARD_YEAR"] as const;
export type AccumulatorPeriodKind = (typeof ACCUMULATOR_PERIOD_KINDS)[number];

export const ACCUMULATOR_PERIODS: Readonly<Record<AccumulatorPeriodKind, { label: string; example: string; pattern: RegExp }>> = {
  YEAR: { label: "结算日所在自然年度", example: "2025", pattern: /^\d{4}$/ },
  QUARTER: { label: "结算日所在自然季度", example: "2026Q3", pattern: /^\d{4}Q[1-4]$/ },
  // A card year starts on the card's own first valid day, not on 1 January: the day names it.
  CARD_YEAR: { label: "补贴卡有效年度（以生效日标识）", example: "2026-04-10", pattern: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/ },
};

export const ACCUMULATOR_UNITS = ["FEN", "COUNT"] as const;
/** FEN: money in fen (printed as yuan with two decimals); COUNT: a whole number of events. */
export type AccumulatorUnit = (typeof ACCUMULATOR_UNITS)[number];

export type AccumulatorDefinition = {
  programme: AccumulatorProgramme;
  /** The last part of the stored key; unique within the programme, never contains ":". */
  name: string;
  period: AccumulatorPeriodKind;
  unit: AccumulatorUnit;
  label: string;
  citation: Citation;
};

/** Kind id = `${programme}.${name}`; the stored key is `${programme}:${period}:${name}`. */
export const ACCUMULATOR_KINDS = {
  "insurance.admissions": {
    programme: "insurance",
    name: "admissions",
    period: "YEAR",
    unit: "COUNT",
    label: "本年住院次数（第二次及以后住院起付标准减半）",
    citation: { document: "SX-JM-2024", article: "§2" },
  },
  "insurance.paid": {
    programme: "insurance",
    name: "paid",
    period: "YEAR",
    unit: "FEN",
    label: "本年居民医保统筹基金已支付（计入年度最高支付限额）",
    citation: { document: "SX-JM-2024", article: "§2, §3" },
  },
  "insurance.twoDiseases.HYPERTENSION": {
    programme: "insurance",
    name: "twoDiseases.HYPERTENSION",
    period: "YEAR",
    unit: "FEN",
    label: "本年“两病”门诊用药累计政策范围内费用（按年度限额分段支付的基数）：高血压",
    citation: { document: "SX-JM-2024", article: "§3" },
  },
  "insurance.twoDiseases.DIABETES_T1": {
    programme: "insurance",
    name: "twoDiseases.DIABETES_T1",
    period: "YEAR",
    unit: "FEN",
    label: "本年“两病”门诊用药累计政策范围内费用（按年度限额分段支付的基数）：I型糖尿病",
    citation: { document: "SX-JM-2024", article: "§3" },
  },
  "insurance.twoDiseases.DIABETES_OTHER": {
    programme: "insurance",
    name: "twoDiseases.DIABETES_OTHER",
    period: "YEAR",
    unit: "FEN",
    label: "本年“两病”门诊用药累计政策范围内费用（按年度限额分段支付的基数）：其他糖尿病",
    citation: { document: "SX-JM-2024", article: "§3" },
  },
  "criticalIllness.oop": {
    programme: "criticalIllness",
    name: "oop",
    period: "YEAR",
    unit: "FEN",
    label: "本年累计合规个人自付（大病保险计算基数）",
    citation: { document: "SX-JM-2024", article: "§4" },
  },
  "assistance.oneOffBase": {
    programme: "assistance",
    name: "oneOffBase",
    period: "YEAR",
    unit: "FEN",
    label: "本年住院合规个人负担累计（一次性救助基数）",
    citation: { document: "YQ-JZ-2019", article: "§4(2)3" },
  },
  "assistance.inpatient.extremePoverty": {
    programme: "assistance",
    name: "inpatient.extremePoverty",
    period: "YEAR",
    unit: "FEN",
    label: "本年住院救助累计基数：特困供养人员",
    citation: { document: "YQ-JZ-2019", article: "§4(2)3" },
  },
  "assistance.inpatient.general": {
    programme: "assistance",
    name: "inpatient.general",
    period: "YEAR",
    unit: "FEN",
    label: "本年住院救助累计基数：低保对象、在乡重点优抚对象",
    citation: { document: "YQ-JZ-2019", article: "§4(2)3" },
  },
  "assistance.outpatient.extremePoverty": {
    programme: "assistance",
    name: "outpatient.extremePoverty",
    period: "YEAR",
    unit: "FEN",
    label: "本年门诊救助累计基数：特困供养人员",
    citation: { document: "YQ-JZ-2019", article: "§4(2)2" },
  },
  "assistance.outpatient.subsistence": {
    programme: "assistance",
    name: "outpatient.subsistence",
    period: "YEAR",
    unit: "FEN",
    label: "本年门诊救助累计基数：低保对象",
    citation: { document: "YQ-JZ-2019", article: "§4(2)2" },
  },
  "assistance.outpatient.paid": {
    programme: "assistance",
    name: "outpatient.paid",
    period: "YEAR",
    unit: "FEN",
    label: "本年门诊救助已支付（特困、低保门诊救助共用年度限额）",
    citation: { document: "YQ-JZ-2019", article: "§4(2)2" },
  },
  "assistance.rareDisease": {
    programme: "assistance",
    name: "rareDisease",
    period: "YEAR",
    unit: "FEN",
    label: "本年戈谢病、庞贝氏病救助累计基数",
    citation: { document: "YQ-JZ-2019", article: "§4(2)3" },
  },
  "specialCare.inpatient": {
    programme: "specialCare",
    name: "inpatient",
    period: "YEAR",
    unit: "FEN",
    label: "本年优抚住院医疗补助已补助",
    citation: { document: "QJ-YF-2023", article: "Art. 8(2)" },
  },
  "specialCare.largeLeft": {
    programme: "specialCare",
    name: "largeLeft",
    period: "YEAR",
    unit: "FEN",
    label: "本年住院补助后个人负担累计（大额补助基数）",
    citation: { document: "QJ-YF-2023", article: "Art. 8(3)" },
  },
  "card.pharmacy": {
    programme: "card",
    name: "pharmacy",
    period: "CARD_YEAR",
    unit: "FEN",
    label: "本卡年度定点药店、互联网药房购药已补贴",
    citation: { document: "SX-CARD-2026", article: "三项补贴：定点药店、互联网药房" },
  },
  "card.chronicOwn": {
    programme: "card",
    name: "chronicOwn",
    period: "QUARTER",
    unit: "FEN",
    label: "本季度指定医院7种慢病门诊个人自付",
    citation: { document: "SX-CARD-2026", article: "定点医院指定疾病门诊用药补贴" },
  },
} as const satisfies Record<string, AccumulatorDefinition>;

type Kinds = typeof ACCUMULATOR_KINDS;
export type AccumulatorKind = keyof Kinds;

/** A stored key: one of the kinds' `${programme}:${period}:${name}` shapes. */
export type AccumulatorKey = { [K in AccumulatorKind]: `${Kinds[K]["programme"]}:${string}:${Kinds[K]["name"]}` }[AccumulatorKind];

export const ACCUMULATOR_KIND_IDS = Object.keys(ACCUMULATOR_KINDS) as AccumulatorKind[];

/** The yearly base of each YQ-JZ-2019 §4(2) assistance row, named by the row's `limitKey`. */
export const ASSISTANCE_LIMIT_KINDS = {
  "inpatient.extremePoverty": "assistance.inpatient.extremePoverty",
  "inpatient.general": "assistance.inpatient.general",
  "outpatient.extremePoverty": "assistance.outpatient.extremePoverty",
  "outpatient.subsistence": "assistance.outpatient.subsistence",
  rareDisease: "assistance.rareDisease",
} as const satisfies Record<string, AccumulatorKind>;
export type AssistanceLimitKey = keyof typeof ASSISTANCE_LIMIT_KINDS;

/** What rows sharing one yearly limit have paid (Reading 9), named by the row's `sharedLimit.key`. */
export const ASSISTANCE_SHARED_LIMIT_KINDS = {
  "outpatient.paid": "assistance.outpatient.paid",
} as const satisfies Record<string, AccumulatorKind>;
export type AssistanceSharedLimitKey = keyof typeof ASSISTANCE_SHARED_LIMIT_KINDS;

/** Each two-diseases limit is counted apart (SX-JM-2024 §3). */
export const TWO_DISEASE_KINDS = {
  HYPERTENSION: "insurance.twoDiseases.HYPERTENSION",
  DIABETES_T1: "insurance.twoDiseases.DIABETES_T1",
  DIABETES_OTHER: "insurance.twoDiseases.DIABETES_OTHER",
} as const satisfies Record<TwoDiseaseKey, AccumulatorKind>;
