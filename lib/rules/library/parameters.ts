// Every payout parameter of RULES.md as dated, cited data. Code reads these through the resolver;
// no rate, cap or threshold is written into a stage function.
import type { IsoDate } from "../dates";
import type { Fen, Rate } from "../money";
import { percent, rateOf, yuan } from "../money";
import type {
  ClaimType,
  Condition,
  Diagnosis,
  FeeKind,
  HospitalLevel,
  IdentityType,
  ItemClass,
  JurisdictionNode,
  PriceClass,
  Relation,
  Route,
} from "../domain";
import type { AssistanceLimitKey, AssistanceSharedLimitKey } from "./accumulator-kinds";
import type { Citation } from "./documents";
import type { ReadingNumber } from "./readings";
import type { ChainStage, StageId } from "./stages";

export type FeeDiscountRule =
  | { kind: "NONE" }
  | { kind: "RATE"; rate: Rate; clause: string }
  | { kind: "RATE_FROM_AGE"; rate: Rate; minAge: number; clause: string }
  | { kind: "RATE_IF_FEMALE"; rate: Rate; clause: string }
  | { kind: "BED_DAYS"; firstDays: number; firstRate: Rate; laterRate: Rate; clause: string };

export const INPATIENT_TIERS = ["CLASS_3", "CLASS_2_COUNTY", "CLASS_2_CITY_PROVINCE", "CLASS_1"] as const;
export type InpatientTier = (typeof INPATIENT_TIERS)[number];

export type DeductibleAndRate = { deductible: Fen; rate: Rate };

export const TWO_DISEASE_KEYS = ["HYPERTENSION", "DIABETES_T1", "DIABETES_OTHER"] as const;
export type TwoDiseaseKey = (typeof TWO_DISEASE_KEYS)[number];

export type AssistanceForm = "INPATIENT" | "OUTPATIENT";

/** One row of the YQ-JZ-2019 §4(2) assistance table; 就高 compares the rows that apply. */
export type AssistanceRow = {
  id: string;
  label: string;
  forms: AssistanceForm[];
  /** Identities that qualify; "ANY_INSURED" = any enrolled patient with one of `diagnoses`. */
  identities: IdentityType[] | "ANY_INSURED";
  /** When set, the claim must carry a code of one of these diseases. */
  diagnoses: DiseaseGroup[] | null;
  /** Claim types that qualify without one of `diagnoses` (special drugs, YQ-JZ-2019 §4(2)2; Reading 7). */
  anyDiagnosisClaimTypes: ClaimType[];
  rate: Rate;
  /** The row's own annual limit (banded on its running base), null = none; the base is kept under `limitKey`. */
  annualLimit: Fen | null;
  limitKey: AssistanceLimitKey;
  /** A limit several rows share per person and year (Reading 9): paid amounts kept under `key`. */
  sharedLimit: { key: AssistanceSharedLimitKey; amount: Fen } | null;
  article: string;
  /** RULES.md readings that fix how this row is read; its trace lines name them. */
  readings: ReadingNumber[];
};

export type SpecialCareGroup = "A" | "B";

/** One disease of a policy list with the codes a bill may carry for it. */
export type DiseaseGroup = { name: string; codes: Diagnosis[] };

/** YQ-JZ-2019 §4(2)2: the 7 large outpatient diseases; 恶性肿瘤 includes leukaemias, lymphoma and myeloma. */
export const LARGE_OUTPATIENT_DISEASES: DiseaseGroup[] = [
  { name: "尿毒症透析", codes: ["UREMIA_DIALYSIS", "UREMIA", "END_STAGE_RENAL_DISEASE"] },
  { name: "器官移植抗排斥", codes: ["ORGAN_TRANSPLANT_ANTIREJECTION", "ORGAN_TRANSPLANT"] },
  {
    name: "恶性肿瘤",
    codes: [
      "MALIGNANT_TUMOR",
      "CANCER",
      "LEUKEMIA",
      "LYMPHOMA",
      "MULTIPLE_MYELOMA",
      "MYELODYSPLASTIC_SYNDROME",
      "MALIGNANT_HISTIOCYTOSIS",
      "BREAST_CANCER",
      "CERVICAL_CANCER",
      "COLON_CANCER",
      "RECTAL_CANCER",
      "ESOPHAGEAL_CANCER",
      "OESOPHAGEAL_CANCER",
      "GASTRIC_CANCER",
      "STOMACH_CANCER",
      "LUNG_CANCER",
      "CHILD_LEUKEMIA",
      "CHILDHOOD_LEUKEMIA",
      "CHRONIC_MYELOID_LEUKEMIA",
    ],
  },
  { name: "肝硬化失代偿期", codes: ["DECOMPENSATED_CIRRHOSIS"] },
  { name: "慢性再生障碍性贫血", codes: ["CHRONIC_APLASTIC_ANEMIA"] },
  { name: "血友病", codes: ["HEMOPHILIA"] },
  { name: "苯丙酮尿症", codes: ["PHENYLKETONURIA", "CHILD_PHENYLKETONURIA"] },
];

/** YQ-JZ-2019 附件1: the 26 provincial major diseases; several spellings accepted for each. */
export const MAJOR_DISEASE_GROUPS: DiseaseGroup[] = [
  { name: "儿童白血病", codes: ["CHILD_LEUKEMIA", "CHILDHOOD_LEUKEMIA", "PEDIATRIC_LEUKEMIA"] },
  { name: "儿童先心病", codes: ["CHILD_CONGENITAL_HEART_DISEASE", "CHILDHOOD_CONGENITAL_HEART_DISEASE", "CONGENITAL_HEART_DISEASE", "CHILD_CHD"] },
  { name: "重性精神疾病", codes: ["SEVERE_MENTAL_ILLNESS", "SEVERE_MENTAL_DISORDER", "SEVERE_PSYCHIATRIC_DISORDER"] },
  { name: "乳腺癌", codes: ["BREAST_CANCER"] },
  { name: "宫颈癌", codes: ["CERVICAL_CANCER"] },
  { name: "终末期肾病", codes: ["END_STAGE_RENAL_DISEASE", "END_STAGE_KIDNEY_DISEASE", "ESRD"] },
  { name: "结肠癌", codes: ["COLON_CANCER"] },
  { name: "直肠癌", codes: ["RECTAL_CANCER"] },
  { name: "食道癌", codes: ["ESOPHAGEAL_CANCER", "OESOPHAGEAL_CANCER"] },
  { name: "胃癌", codes: ["GASTRIC_CANCER", "STOMACH_CANCER"] },
  { name: "肺癌", codes: ["LUNG_CANCER"] },
  { name: "急性心肌梗塞", codes: ["ACUTE_MYOCARDIAL_INFARCTION", "MYOCARDIAL_INFARCTION"] },
  { name: "I型糖尿病", codes: ["DIABETES_T1", "TYPE_1_DIABETES"] },
  { name: "甲亢", codes: ["HYPERTHYROIDISM"] },
  { name: "脑梗死", codes: ["CEREBRAL_INFARCTION"] },
  { name: "唇腭裂", codes: ["CLEFT_LIP_PALATE", "CLEFT_LIP_AND_PALATE"] },
  { name: "血友病", codes: ["HEMOPHILIA"] },
  { name: "慢性粒细胞白血病", codes: ["CHRONIC_MYELOID_LEUKEMIA", "CHRONIC_MYELOGENOUS_LEUKEMIA"] },
  { name: "艾滋病机会性感染", codes: ["AIDS_OPPORTUNISTIC_INFECTION", "HIV_OPPORTUNISTIC_INFECTION"] },
  { name: "耐多药肺结核", codes: ["MDR_TUBERCULOSIS", "MULTIDRUG_RESISTANT_TUBERCULOSIS", "MDR_TB"] },
  { name: "儿童苯丙酮尿症", codes: ["CHILD_PHENYLKETONURIA", "PHENYLKETONURIA"] },
  { name: "儿童尿道下裂", codes: ["CHILD_HYPOSPADIAS", "HYPOSPADIAS"] },
  { name: "儿童先天性巨结肠", codes: ["CHILD_HIRSCHSPRUNG", "CHILD_CONGENITAL_MEGACOLON", "HIRSCHSPRUNG_DISEASE", "CONGENITAL_MEGACOLON"] },
  { name: "儿童先天性肥厚性幽门狭窄", codes: ["CHILD_PYLORIC_STENOSIS", "CHILD_HYPERTROPHIC_PYLORIC_STENOSIS", "CONGENITAL_HYPERTROPHIC_PYLORIC_STENOSIS"] },
  { name: "大骨节病住院关节置换手术", codes: ["KASHIN_BECK_JOINT_REPLACEMENT", "KASHIN_BECK_DISEASE"] },
  { name: "氟骨症住院关节置换手术", codes: ["SKELETAL_FLUOROSIS_JOINT_REPLACEMENT", "SKELETAL_FLUOROSIS"] },
];

export type ParameterValues = {
  "discount.eligibleIdentities": IdentityType[];
  "discount.hospitalScope": { publicOnly: boolean; province: string };
  "discount.feeRules": Record<FeeKind, FeeDiscountRule>;
  "insurance.firstSelfPayShares": Record<ItemClass, Rate>;
  "insurance.inpatientSchedule": Record<InpatientTier, DeductibleAndRate>;
  "insurance.laterAdmissionDeductibleShare": Rate;
  "insurance.routeReductions": Record<Route, Rate>;
  "insurance.annualCap": Fen;
  "insurance.annualCapClaimTypes": ClaimType[];
  "insurance.outpatientSchedule": Record<PriceClass, { deductiblePerVisit: Fen; rate: Rate }>;
  "insurance.twoDiseases": {
    rate: Rate;
    maxHospitalLevel: HospitalLevel;
    limits: Record<TwoDiseaseKey, Fen>;
    diagnosisKeys: Partial<Record<Diagnosis, TwoDiseaseKey>>;
  };
  "insurance.dualChannel": { namedDrugs: string[]; namedRate: Rate; otherRate: Rate };
  "insurance.tcmOutpatient": { rate: Rate; minHospitalLevel: HospitalLevel };
  "insurance.downTransferNoDeductible": boolean;
  "insurance.studentInjuryOutpatient": { applies: boolean };
  "insurance.maternityMinEnrolmentYears": number;
  "criticalIllness.schedule": { threshold: Fen; layer1Rate: Rate; layer2Threshold: Fen; layer2Rate: Rate; annualCap: Fen };
  "criticalIllness.claimTypes": ClaimType[];
  "chain.stageOrder": ChainStage[];
  "assistance.requiresEnrolment": boolean;
  "assistance.keyRecipients": IdentityType[];
  "assistance.rows": AssistanceRow[];
  "assistance.largeOutpatientDiseases": DiseaseGroup[];
  "assistance.oneOff": { identities: IdentityType[]; threshold: Fen; rate: Rate; limit: Fen; windowEndMonth: number };
  "assistance.lowIncomeRecognition": { singleBillThreshold: Fen; annualThreshold: Fen; grants: IdentityType };
  "assistance.majorDiseaseQuota": {
    diseases: DiseaseGroup[];
    fundRate: Rate;
    keyIdentities: IdentityType[];
    keyRate: Rate;
    lowIncomeIdentities: IdentityType[];
    lowIncomeRate: Rate;
  };
  "assistance.lateStageCare": { amount: Fen; diseases: DiseaseGroup[] };
  "specialCare.scheduleDelegated": boolean;
  "specialCare.requiresEnrolment": boolean;
  "specialCare.groups": { A: IdentityType[]; B: IdentityType[]; minAge: Partial<Record<IdentityType, number>> };
  "specialCare.inpatient": Record<SpecialCareGroup, { rates: Record<HospitalLevel, Rate>; annualLimit: Fen; clause: string }>;
  "specialCare.largeAmount": { threshold: Fen; rate: Rate; annualLimit: Fen };
  "specialCare.monthlyAllowance": {
    monthly: Partial<Record<IdentityType, Fen>>;
    extrasIdentity: IdentityType;
    extras: Record<Condition, Fen>;
  };
  "specialCare.premiumTiers": { fullTier2: IdentityType[]; fullTier1Others: boolean; tier2ChoiceSubsidy: "TIER1_AMOUNT" };
  "card.programme": { applicationDeadline: IsoDate; validFrom: IsoDate; validTo: IsoDate };
  "card.eligibility": {
    veteranIdentities: IdentityType[];
    veteranHukouProvince: string;
    familyIdentity: IdentityType;
    familyRelations: Relation[];
    bereavedIdentities: IdentityType[];
    bereavedRelations: Relation[];
  };
  "card.pharmacy": { rate: Rate; onlineRates: Rate[]; annualCap: Fen };
  "card.chronic": { diseases: Diagnosis[]; claimTypes: ClaimType[]; quarterThreshold: Fen; rate: Rate; cap: Fen };
};

export type ParameterId = keyof ParameterValues;

export type ParameterUnit = "rate" | "money" | "count" | "flag" | "codes" | "table" | "dates" | "order";

export type ParameterVersion<T> = {
  jurisdiction: JurisdictionNode;
  from: IsoDate;
  to: IsoDate | null;
  value: T;
  citation: Citation;
};

export type ParameterDefinition<T> = {
  label: string;
  stage: StageId;
  unit: ParameterUnit;
  versions: ParameterVersion<T>[];
};

export type ParameterCatalogue = { [K in ParameterId]: ParameterDefinition<ParameterValues[K]> };

const SX_YF: Citation["document"] = "SX-YF-2024";
const SX_JM: Citation["document"] = "SX-JM-2024";
const YQ_JZ: Citation["document"] = "YQ-JZ-2019";
const QJ_YF: Citation["document"] = "QJ-YF-2023";
const CARD: Citation["document"] = "SX-CARD-2026";

/** The seven 优抚 categories of SX-YF-2024 Art. 2 (also YQ-JZ-2019's 在乡重点优抚对象). */
const YOUFU_CATEGORIES: IdentityType[] = [
  "DEMOBILIZED",
  "WAR_VETERAN",
  "NUCLEAR_TEST_VETERAN",
  "ILL_RETURNED_VETERAN",
  "MARTYR_FAMILY",
  "DUTY_DEATH_FAMILY",
  "ILLNESS_DEATH_FAMILY",
];

const SX_JM_PERIOD = { jurisdiction: "CN-SX", from: "2025-01-01", to: "2029-12-31" } as const;
const SX_YF_PERIOD = { jurisdiction: "CN-SX", from: "2024-05-02", to: "2029-05-01" } as const;
const YQ_JZ_PERIOD = { jurisdiction: "CN-SX-YQ", from: "2020-01-01", to: null } as const;
const QJ_PERIOD = { jurisdiction: "CN-CQ-QJ", from: "2024-01-01", to: null } as const;
const CARD_PERIOD = { jurisdiction: "CN-SX", from: "2026-01-01", to: null } as const;

export const PARAMETER_CATALOGUE: ParameterCatalogue = {
  "discount.eligibleIdentities": {
    label: "享受就医减免的优抚对象身份",
    stage: "hospitalDiscount",
    unit: "codes",
    versions: [{ ...SX_YF_PERIOD, value: YOUFU_CATEGORIES, citation: { document: SX_YF, article: "Art. 2" } }],
  },
  "discount.hospitalScope": {
    label: "减免适用的医疗机构（省内公立）",
    stage: "hospitalDiscount",
    unit: "table",
    versions: [{ ...SX_YF_PERIOD, value: { publicOnly: true, province: "SX" }, citation: { document: SX_YF, article: "Art. 12" } }],
  },
  "discount.feeRules": {
    label: "按收费项目的减免比例",
    stage: "hospitalDiscount",
    unit: "table",
    versions: [
      {
        ...SX_YF_PERIOD,
        value: {
          GENERAL_CONSULTATION: { kind: "RATE", rate: percent(100), clause: "Art. 12(1)" },
          EXPERT_CONSULTATION: { kind: "RATE_FROM_AGE", rate: percent(100), minAge: 70, clause: "Art. 12(1)" },
          LARGE_EQUIPMENT: { kind: "RATE", rate: percent(10), clause: "Art. 12(2)" },
          SURGERY_ANESTHESIA: { kind: "RATE", rate: percent(10), clause: "Art. 12(3)" },
          BED: { kind: "BED_DAYS", firstDays: 15, firstRate: percent(10), laterRate: percent(5), clause: "Art. 12(4)" },
          REEMPLOYMENT_CHECKUP: { kind: "RATE", rate: percent(100), clause: "Art. 12(5)" },
          PRENATAL_EXAM: { kind: "RATE_IF_FEMALE", rate: percent(100), clause: "Art. 12(6)" },
          OTHER: { kind: "NONE" },
        },
        citation: { document: SX_YF, article: "Art. 12" },
      },
    ],
  },
  "insurance.firstSelfPayShares": {
    label: "乙类及耗材个人先行自付比例",
    stage: "basicInsurance",
    unit: "table",
    versions: [
      {
        ...SX_JM_PERIOD,
        value: {
          A: percent(0),
          B_DRUG: percent(5),
          B_SERVICE: percent(10),
          CONSUMABLE_DOMESTIC: percent(10),
          CONSUMABLE_IMPORTED: percent(20),
          SELF_PAY: percent(100),
        },
        citation: { document: SX_JM, article: "§2" },
      },
    ],
  },
  "insurance.inpatientSchedule": {
    label: "居民医保住院起付标准与支付比例（按收费价格类别）",
    stage: "basicInsurance",
    unit: "table",
    versions: [
      {
        ...SX_JM_PERIOD,
        value: {
          CLASS_3: { deductible: yuan(100), rate: percent(85) },
          CLASS_2_COUNTY: { deductible: yuan(400), rate: percent(75) },
          CLASS_2_CITY_PROVINCE: { deductible: yuan(500), rate: percent(70) },
          CLASS_1: { deductible: yuan(1000), rate: percent(60) },
        },
        citation: { document: SX_JM, article: "§2" },
      },
    ],
  },
  "insurance.laterAdmissionDeductibleShare": {
    label: "年度内第二次及以后住院起付标准（占原标准）",
    stage: "basicInsurance",
    unit: "rate",
    versions: [{ ...SX_JM_PERIOD, value: rateOf(1n, 2n), citation: { document: SX_JM, article: "§2" } }],
  },
  "insurance.routeReductions": {
    label: "跨省就医支付比例下调",
    stage: "basicInsurance",
    unit: "table",
    versions: [
      {
        ...SX_JM_PERIOD,
        value: {
          LOCAL: percent(0),
          CROSS_PROVINCE_REFERRED: percent(5),
          CROSS_PROVINCE_EMERGENCY: percent(5),
          CROSS_PROVINCE_UNREFERRED: percent(15),
        },
        citation: { document: SX_JM, article: "§2" },
      },
    ],
  },
  "insurance.annualCap": {
    label: "居民医保统筹基金年度最高支付限额",
    stage: "basicInsurance",
    unit: "money",
    versions: [{ ...SX_JM_PERIOD, value: yuan(70000), citation: { document: SX_JM, article: "§2" } }],
  },
  "insurance.annualCapClaimTypes": {
    label: "计入年度最高支付限额的费用类别",
    stage: "basicInsurance",
    unit: "codes",
    versions: [
      {
        ...SX_JM_PERIOD,
        value: ["INPATIENT", "CHRONIC_OUTPATIENT", "DUAL_CHANNEL", "TCM_OUTPATIENT"],
        citation: { document: SX_JM, article: "§3" },
      },
    ],
  },
  "insurance.outpatientSchedule": {
    label: "普通门诊统筹起付标准与支付比例（按收费价格类别）",
    stage: "basicInsurance",
    unit: "table",
    versions: [
      {
        ...SX_JM_PERIOD,
        value: {
          1: { deductiblePerVisit: yuan(80), rate: percent(45) },
          2: { deductiblePerVisit: yuan(0), rate: percent(55) },
          3: { deductiblePerVisit: yuan(0), rate: percent(60) },
        },
        citation: { document: SX_JM, article: "§3" },
      },
    ],
  },
  "insurance.twoDiseases": {
    label: "“两病”门诊用药保障",
    stage: "basicInsurance",
    unit: "table",
    versions: [
      {
        ...SX_JM_PERIOD,
        value: {
          rate: percent(60),
          maxHospitalLevel: 2,
          limits: { HYPERTENSION: yuan(260), DIABETES_T1: yuan(480), DIABETES_OTHER: yuan(360) },
          diagnosisKeys: {
            HYPERTENSION: "HYPERTENSION",
            HYPERTENSION_G2_3: "HYPERTENSION",
            DIABETES_T1: "DIABETES_T1",
            DIABETES_OTHER: "DIABETES_OTHER",
            DIABETES: "DIABETES_OTHER",
          },
        },
        citation: { document: SX_JM, article: "§3" },
      },
    ],
  },
  "insurance.dualChannel": {
    label: "“双通道”药品支付比例",
    stage: "basicInsurance",
    unit: "table",
    versions: [
      {
        ...SX_JM_PERIOD,
        value: {
          namedDrugs: ["曲妥珠单抗", "氟维司群", "伊马替尼", "达沙替尼", "尼洛替尼", "舒尼替尼"],
          namedRate: percent(70),
          otherRate: percent(60),
        },
        citation: { document: SX_JM, article: "§3" },
      },
    ],
  },
  "insurance.tcmOutpatient": {
    label: "中医适宜技术门诊支付比例",
    stage: "basicInsurance",
    unit: "table",
    versions: [{ ...SX_JM_PERIOD, value: { rate: percent(60), minHospitalLevel: 2 }, citation: { document: SX_JM, article: "§3" } }],
  },
  "insurance.downTransferNoDeductible": {
    label: "上级医院下转同一疾病周期不再另设起付线（试点开关）",
    stage: "basicInsurance",
    unit: "flag",
    versions: [
      { jurisdiction: "CN", from: "2025-01-01", to: null, value: false, citation: { document: "NHSA-BASE-2025", article: "更加惠民：下转不另设起付线" } },
    ],
  },
  "insurance.studentInjuryOutpatient": {
    label: "在校学生意外伤害门急诊待遇是否执行",
    stage: "basicInsurance",
    unit: "flag",
    versions: [{ jurisdiction: "CN-SX-YQ", from: "2025-01-01", to: null, value: { applies: false }, citation: { document: "YQ-JM-2024", article: "§1" } }],
  },
  "insurance.maternityMinEnrolmentYears": {
    label: "生育待遇要求的连续参保年数",
    stage: "basicInsurance",
    unit: "count",
    versions: [{ jurisdiction: "CN-SX-YQ", from: "2025-01-01", to: null, value: 0, citation: { document: "YQ-JM-2024", article: "§2" } }],
  },
  "criticalIllness.schedule": {
    label: "大病保险起付、分段比例与年度限额",
    stage: "criticalIllness",
    unit: "table",
    versions: [
      {
        ...SX_JM_PERIOD,
        value: { threshold: yuan(10000), layer1Rate: percent(75), layer2Threshold: yuan(50000), layer2Rate: percent(50), annualCap: yuan(400000) },
        citation: { document: SX_JM, article: "§4" },
      },
    ],
  },
  "criticalIllness.claimTypes": {
    label: "计入大病保险的费用类别（住院、门诊慢特病）",
    stage: "criticalIllness",
    unit: "codes",
    versions: [{ ...SX_JM_PERIOD, value: ["INPATIENT", "CHRONIC_OUTPATIENT"], citation: { document: SX_JM, article: "§4" } }],
  },
  "chain.stageOrder": {
    label: "结算阶段顺序（医疗救助与优抚医疗补助的先后）",
    stage: "claim",
    unit: "order",
    versions: [
      {
        jurisdiction: "CN-SX-YQ",
        from: "2020-01-01",
        to: "2024-05-01",
        value: ["hospitalDiscount", "basicInsurance", "criticalIllness", "specialCare", "medicalAssistance", "pharmacyCard"],
        citation: { document: YQ_JZ, article: "§4(2)3" },
      },
      {
        ...SX_YF_PERIOD,
        value: ["hospitalDiscount", "basicInsurance", "criticalIllness", "medicalAssistance", "specialCare", "pharmacyCard"],
        citation: { document: SX_YF, article: "Art. 8" },
      },
      {
        ...QJ_PERIOD,
        value: ["hospitalDiscount", "basicInsurance", "criticalIllness", "medicalAssistance", "specialCare", "pharmacyCard"],
        citation: { document: QJ_YF, article: "Art. 8(2)" },
      },
    ],
  },
  "assistance.requiresEnrolment": {
    label: "医疗救助须参加基本医疗保险",
    stage: "medicalAssistance",
    unit: "flag",
    versions: [{ ...YQ_JZ_PERIOD, value: true, citation: { document: YQ_JZ, article: "§4(1)" } }],
  },
  "assistance.keyRecipients": {
    label: "重点救助对象（特困、低保、在乡重点优抚对象）",
    stage: "medicalAssistance",
    unit: "codes",
    versions: [{ ...YQ_JZ_PERIOD, value: ["EXTREME_POVERTY", "SUBSISTENCE", ...YOUFU_CATEGORIES], citation: { document: YQ_JZ, article: "§4(1)1" } }],
  },
  "assistance.rows": {
    label: "医疗救助比例与年度限额（按救助形式和对象）",
    stage: "medicalAssistance",
    unit: "table",
    versions: [
      {
        ...YQ_JZ_PERIOD,
        value: [
          {
            id: "inpatient.extremePoverty",
            label: "住院救助·特困供养人员",
            forms: ["INPATIENT"],
            identities: ["EXTREME_POVERTY"],
            diagnoses: null,
            anyDiagnosisClaimTypes: [],
            rate: percent(100),
            annualLimit: null,
            limitKey: "inpatient.extremePoverty",
            sharedLimit: null,
            article: "§4(2)3",
            readings: [],
          },
          {
            id: "inpatient.subsistenceOrYoufu",
            label: "住院救助·低保对象、在乡重点优抚对象",
            forms: ["INPATIENT"],
            identities: ["SUBSISTENCE", ...YOUFU_CATEGORIES],
            diagnoses: null,
            anyDiagnosisClaimTypes: [],
            rate: percent(70),
            annualLimit: yuan(15000),
            limitKey: "inpatient.general",
            sharedLimit: null,
            article: "§4(2)3",
            readings: [1, 9, 10],
          },
          {
            id: "outpatient.extremePoverty",
            label: "门诊救助·特困供养人员（门诊大额疾病）",
            forms: ["OUTPATIENT"],
            identities: ["EXTREME_POVERTY"],
            diagnoses: LARGE_OUTPATIENT_DISEASES,
            anyDiagnosisClaimTypes: ["DUAL_CHANNEL"],
            rate: percent(100),
            annualLimit: null,
            limitKey: "outpatient.extremePoverty",
            sharedLimit: { key: "outpatient.paid", amount: yuan(3000) },
            article: "§4(2)2",
            readings: [1, 7, 9],
          },
          {
            id: "outpatient.subsistence",
            label: "门诊救助·低保对象（门诊大额疾病）",
            forms: ["OUTPATIENT"],
            identities: ["SUBSISTENCE"],
            diagnoses: LARGE_OUTPATIENT_DISEASES,
            anyDiagnosisClaimTypes: ["DUAL_CHANNEL"],
            rate: percent(50),
            annualLimit: null,
            limitKey: "outpatient.subsistence",
            sharedLimit: { key: "outpatient.paid", amount: yuan(3000) },
            article: "§4(2)2",
            readings: [1, 7, 9],
          },
          {
            id: "rareDisease.gaucherPompe",
            label: "戈谢病、庞贝氏病患者（门诊和住院）",
            forms: ["INPATIENT", "OUTPATIENT"],
            identities: "ANY_INSURED",
            diagnoses: [
              { name: "戈谢病", codes: ["GAUCHER"] },
              { name: "庞贝氏病", codes: ["POMPE"] },
            ],
            anyDiagnosisClaimTypes: [],
            rate: percent(70),
            annualLimit: yuan(15000),
            limitKey: "rareDisease",
            sharedLimit: null,
            article: "§4(2)3",
            readings: [1, 9],
          },
        ],
        citation: { document: YQ_JZ, article: "§4(2)2–3" },
      },
    ],
  },
  "assistance.largeOutpatientDiseases": {
    label: "纳入门诊救助的7种门诊大额疾病",
    stage: "medicalAssistance",
    unit: "codes",
    versions: [
      {
        ...YQ_JZ_PERIOD,
        value: LARGE_OUTPATIENT_DISEASES,
        citation: { document: YQ_JZ, article: "§4(2)2" },
      },
    ],
  },
  "assistance.oneOff": {
    label: "低收入、因病致贫一次性救助",
    stage: "medicalAssistance",
    unit: "table",
    versions: [
      {
        ...YQ_JZ_PERIOD,
        value: { identities: ["LOW_INCOME", "ILLNESS_POVERTY"], threshold: yuan(20000), rate: percent(50), limit: yuan(5000), windowEndMonth: 2 },
        citation: { document: YQ_JZ, article: "§4(2)3" },
      },
    ],
  },
  "assistance.lowIncomeRecognition": {
    label: "因病认定低收入救助对象的个人负担合规医疗费用标准（一次性、年度累计）",
    stage: "medicalAssistance",
    unit: "table",
    versions: [
      {
        ...YQ_JZ_PERIOD,
        value: { singleBillThreshold: yuan(20000), annualThreshold: yuan(50000), grants: "LOW_INCOME" },
        citation: { document: YQ_JZ, article: "§4(1)3" },
      },
    ],
  },
  "assistance.majorDiseaseQuota": {
    label: "26类重特大疾病单病种限额：基金与救助分担比例",
    stage: "medicalAssistance",
    unit: "table",
    versions: [
      {
        ...YQ_JZ_PERIOD,
        value: {
          diseases: MAJOR_DISEASE_GROUPS,
          fundRate: percent(70),
          keyIdentities: ["EXTREME_POVERTY", "SUBSISTENCE", ...YOUFU_CATEGORIES],
          keyRate: percent(20),
          lowIncomeIdentities: ["LOW_INCOME", "ILLNESS_POVERTY"],
          lowIncomeRate: percent(10),
        },
        citation: { document: YQ_JZ, article: "§4(2)4" },
      },
    ],
  },
  "assistance.lateStageCare": {
    label: "24类重特大疾病晚期一次性关怀救助",
    stage: "medicalAssistance",
    unit: "money",
    versions: [
      {
        ...YQ_JZ_PERIOD,
        value: { amount: yuan(5000), diseases: MAJOR_DISEASE_GROUPS.filter((group) => !group.name.includes("关节置换")) },
        citation: { document: YQ_JZ, article: "§4(2)5" },
      },
    ],
  },
  "specialCare.scheduleDelegated": {
    label: "优抚医疗补助标准由各市制定（省级无统一标准）",
    stage: "specialCare",
    unit: "flag",
    versions: [{ ...SX_YF_PERIOD, value: true, citation: { document: SX_YF, article: "Art. 8, Art. 22" } }],
  },
  "specialCare.requiresEnrolment": {
    label: "住院医疗补助和大额补助须参加基本医疗保险（定额门诊补助不须）",
    stage: "specialCare",
    unit: "flag",
    versions: [{ ...QJ_PERIOD, value: true, citation: { document: QJ_YF, article: "Art. 6" } }],
  },
  "specialCare.groups": {
    label: "优抚医疗补助对象分组（A：复员、参战、参试、三属；B：带病回乡、60岁以上农村籍退役人员）",
    stage: "specialCare",
    unit: "codes",
    versions: [
      {
        ...QJ_PERIOD,
        value: {
          A: ["DEMOBILIZED", "WAR_VETERAN", "NUCLEAR_TEST_VETERAN", "MARTYR_FAMILY", "DUTY_DEATH_FAMILY", "ILLNESS_DEATH_FAMILY"],
          B: ["ILL_RETURNED_VETERAN", "VETERAN_RURAL"],
          minAge: { VETERAN_RURAL: 60 },
        },
        citation: { document: QJ_YF, article: "Art. 2, Art. 8(2)" },
      },
    ],
  },
  "specialCare.inpatient": {
    label: "住院医疗补助比例（按医院级别）与年度限额",
    stage: "specialCare",
    unit: "table",
    versions: [
      {
        ...QJ_PERIOD,
        value: {
          A: { rates: { 1: percent(80), 2: percent(50), 3: percent(30) }, annualLimit: yuan(3000), clause: "Art. 8(2)1" },
          B: { rates: { 1: percent(70), 2: percent(40), 3: percent(30) }, annualLimit: yuan(2000), clause: "Art. 8(2)2" },
        },
        citation: { document: QJ_YF, article: "Art. 8(2)" },
      },
    ],
  },
  "specialCare.largeAmount": {
    label: "优抚医疗大额补助",
    stage: "specialCare",
    unit: "table",
    versions: [{ ...QJ_PERIOD, value: { threshold: yuan(5000), rate: percent(30), annualLimit: yuan(3000) }, citation: { document: QJ_YF, article: "Art. 8(3)" } }],
  },
  "specialCare.monthlyAllowance": {
    label: "定额门诊医疗补助（每月）及在乡复员军人年度增发",
    stage: "entitlement",
    unit: "table",
    versions: [
      {
        ...QJ_PERIOD,
        value: {
          monthly: {
            DEMOBILIZED: yuan(100),
            WAR_VETERAN: yuan(75),
            NUCLEAR_TEST_VETERAN: yuan(75),
            ILL_RETURNED_VETERAN: yuan(75),
            MARTYR_FAMILY: yuan(75),
            DUTY_DEATH_FAMILY: yuan(75),
            ILLNESS_DEATH_FAMILY: yuan(75),
            VETERAN_RURAL: yuan(75),
          },
          extrasIdentity: "DEMOBILIZED",
          extras: { CANCER: yuan(1800), BEDRIDDEN: yuan(800) },
        },
        citation: { document: QJ_YF, article: "Art. 8(1)" },
      },
    ],
  },
  "specialCare.premiumTiers": {
    label: "城乡居民医保参保资助档次",
    stage: "entitlement",
    unit: "codes",
    versions: [
      {
        ...QJ_PERIOD,
        value: { fullTier2: ["MARTYR_FAMILY", "DUTY_DEATH_FAMILY", "ILLNESS_DEATH_FAMILY", "DEMOBILIZED"], fullTier1Others: true, tier2ChoiceSubsidy: "TIER1_AMOUNT" },
        citation: { document: QJ_YF, article: "Art. 5" },
      },
    ],
  },
  "card.programme": {
    label: "医药补贴卡申领截止日与有效期",
    stage: "pharmacyCard",
    unit: "dates",
    versions: [{ ...CARD_PERIOD, value: { applicationDeadline: "2026-03-31", validFrom: "2026-04-10", validTo: "2027-04-09" }, citation: { document: CARD, article: "问答：办理时间、有效期" } }],
  },
  "card.eligibility": {
    label: "医药补贴卡办理人群",
    stage: "pharmacyCard",
    unit: "codes",
    versions: [
      {
        ...CARD_PERIOD,
        value: {
          veteranIdentities: ["VETERAN", "DEMOBILIZED", "WAR_VETERAN", "NUCLEAR_TEST_VETERAN", "ILL_RETURNED_VETERAN", "VETERAN_RURAL"],
          veteranHukouProvince: "SX",
          familyIdentity: "VETERAN_FAMILY",
          familyRelations: ["SPOUSE", "CHILD", "PARENT", "PARENT_IN_LAW"],
          bereavedIdentities: ["MARTYR_FAMILY", "DUTY_DEATH_FAMILY", "ILLNESS_DEATH_FAMILY"],
          bereavedRelations: ["PARENT", "SPOUSE", "CHILD"],
        },
        citation: { document: CARD, article: "问答：哪些人群可以办理；户籍" },
      },
    ],
  },
  "card.pharmacy": {
    label: "定点药店、互联网药房购药补贴比例与年度限额",
    stage: "pharmacyCard",
    unit: "table",
    versions: [{ ...CARD_PERIOD, value: { rate: percent(15), onlineRates: [percent(15), percent(25)], annualCap: yuan(30000) }, citation: { document: CARD, article: "三项补贴：定点药店、互联网药房" } }],
  },
  "card.chronic": {
    label: "指定医院7种慢病门诊用药季度补贴",
    stage: "entitlement",
    unit: "table",
    versions: [
      {
        ...CARD_PERIOD,
        value: {
          diseases: ["HYPERTENSION_G2_3", "DIABETES", "DIABETES_T1", "DIABETES_OTHER", "GOUT", "HYPERTHYROIDISM", "HYPOTHYROIDISM", "GLAUCOMA", "CATARACT"],
          claimTypes: ["OUTPATIENT", "CHRONIC_OUTPATIENT", "TWO_DISEASES"],
          quarterThreshold: yuan(450),
          rate: percent(5),
          cap: yuan(3000),
        },
        citation: { document: CARD, article: "定点医院指定疾病门诊用药补贴" },
      },
    ],
  },
};
