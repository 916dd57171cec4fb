// Chinese labels of the case vocabulary, for worksheets and forms (the README's own glosses).
import type { ClaimType, FeeKind, IdentityType, ItemClass, Route } from "../domain";

export const IDENTITY_LABELS: Readonly<Record<IdentityType, string>> = {
  DEMOBILIZED: "在乡复员军人",
  WAR_VETERAN: "参战退役军人",
  NUCLEAR_TEST_VETERAN: "参试退役军人",
  ILL_RETURNED_VETERAN: "带病回乡退伍军人",
  MARTYR_FAMILY: "烈士遗属",
  DUTY_DEATH_FAMILY: "因公牺牲军人遗属",
  ILLNESS_DEATH_FAMILY: "病故军人遗属",
  VETERAN_RURAL: "农村籍退役人员",
  EXTREME_POVERTY: "特困供养人员",
  SUBSISTENCE: "低保对象",
  LOW_INCOME: "低收入救助对象",
  ILLNESS_POVERTY: "因病致贫家庭重病患者",
  VETERAN: "退役军人",
  VETERAN_FAMILY: "退役军人家属",
};

export const CLAIM_TYPE_LABELS: Readonly<Record<ClaimType, string>> = {
  INPATIENT: "住院",
  OUTPATIENT: "普通门诊",
  CHRONIC_OUTPATIENT: "门诊慢特病",
  TWO_DISEASES: "“两病”门诊用药",
  DUAL_CHANNEL: "“双通道”药品",
  TCM_OUTPATIENT: "中医适宜技术门诊",
  PHARMACY: "定点药店购药",
  ONLINE_PHARMACY: "互联网药房购药",
};

export const FEE_LABELS: Readonly<Record<FeeKind, string>> = {
  GENERAL_CONSULTATION: "普通门诊诊察费",
  EXPERT_CONSULTATION: "专家门诊诊察费",
  LARGE_EQUIPMENT: "大型设备检查费",
  SURGERY_ANESTHESIA: "手术及麻醉费",
  BED: "床位费",
  REEMPLOYMENT_CHECKUP: "首次再就业体检费",
  PRENATAL_EXAM: "产前检查费",
  OTHER: "其他费用",
};

export const ITEM_CLASS_LABELS: Readonly<Record<ItemClass, string>> = {
  A: "甲类",
  B_DRUG: "乙类药品",
  B_SERVICE: "乙类诊疗项目",
  CONSUMABLE_DOMESTIC: "国产医用耗材",
  CONSUMABLE_IMPORTED: "进口医用耗材",
  SELF_PAY: "目录外自费",
};

export const ROUTE_LABELS: Readonly<Record<Route, string>> = {
  LOCAL: "省内就医",
  CROSS_PROVINCE_REFERRED: "跨省转诊",
  CROSS_PROVINCE_EMERGENCY: "跨省急诊抢救",
  CROSS_PROVINCE_UNREFERRED: "跨省未转诊（未备案）",
};
