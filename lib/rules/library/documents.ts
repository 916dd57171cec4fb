// The seven source documents of the policy library (RULES.md "The documents"), as data.
import type { IsoDate } from "../dates";
import type { JurisdictionNode } from "../domain";

export const DOCUMENT_KEYS = [
  "SX-YF-2024",
  "QJ-YF-2023",
  "SX-CARD-2026",
  "NHSA-BASE-2025",
  "SX-JM-2024",
  "YQ-JM-2024",
  "YQ-JZ-2019",
] as const;
export type DocumentKey = (typeof DOCUMENT_KEYS)[number];

export type Citation = { readonly document: DocumentKey; readonly article: string };

export type PolicyDocument = {
  key: DocumentKey;
  number: string;
  title: string;
  issuer: string;
  jurisdiction: JurisdictionNode;
  inForceFrom: IsoDate;
  inForceTo: IsoDate | null;
  /** Earlier documents this one replaces: a library key, or the number of a document outside the library. */
  supersedes: string[];
  note: string;
};

export const POLICY_DOCUMENTS: readonly PolicyDocument[] = [
  {
    key: "SX-YF-2024",
    number: "晋退役军人规〔2024〕2号",
    title: "优抚对象医疗保障实施办法",
    issuer: "山西省退役军人事务厅、山西省财政厅、山西省卫生健康委员会、山西省医疗保障局",
    jurisdiction: "CN-SX",
    inForceFrom: "2024-05-02",
    inForceTo: "2029-05-01",
    supersedes: ["晋民字〔2007〕112号"],
    note: "第二十四条：自2024年5月2日实施，有效期5年。",
  },
  {
    key: "QJ-YF-2023",
    number: "綦退役军人发〔2023〕39号",
    title: "重庆市綦江区优抚对象医疗保障实施细则",
    issuer: "重庆市綦江区退役军人事务局、财政局、卫生健康委员会、医疗保障局",
    jurisdiction: "CN-CQ-QJ",
    inForceFrom: "2024-01-01",
    inForceTo: null,
    supersedes: [],
    note: "第二十条：自2024年1月1日起实施，未定有效期。",
  },
  {
    key: "SX-CARD-2026",
    number: "山西省退役军人家庭医药补贴卡申领问答（山西晚报转载省退役军人事务厅答问）",
    title: "山西省退役军人家庭医药补贴卡",
    issuer: "山西省退役军人事务厅（答问）；北京西花海棠公益基金会、山西省退役军人帮扶协会（发起）",
    jurisdiction: "CN-SX",
    inForceFrom: "2026-01-01",
    inForceTo: null,
    supersedes: [],
    note: "公益项目：申领至2026-03-31，卡有效期2026-04-10至2027-04-09（见参数 card.programme）。答问未载发布日期，库内以2026-01-01为起始日。",
  },
  {
    key: "NHSA-BASE-2025",
    number: "国家医保局 国家发展改革委 国家卫生健康委《关于医保支持基层医疗卫生服务发展的指导意见》（新闻摘要）",
    title: "关于医保支持基层医疗卫生服务发展的指导意见",
    issuer: "国家医疗保障局、国家发展和改革委员会、国家卫生健康委员会",
    jurisdiction: "CN",
    inForceFrom: "2025-01-01",
    inForceTo: null,
    supersedes: [],
    note: "指导意见，仅试点地区执行；摘要未载日期，库内以2025-01-01为起始日。本库各统筹区均未采纳（开关参数为关）。",
  },
  {
    key: "SX-JM-2024",
    number: "晋医保发〔2024〕19号",
    title: "关于进一步完善城乡居民基本医疗保险和大病保险有关政策的通知",
    issuer: "山西省医疗保障局、山西省财政厅、国家税务总局山西省税务局、国家金融监督管理总局山西监管局",
    jurisdiction: "CN-SX",
    inForceFrom: "2025-01-01",
    inForceTo: "2029-12-31",
    supersedes: [],
    note: "自2025年1月1日起执行，有效期五年。",
  },
  {
    key: "YQ-JM-2024",
    number: "阳医保发〔2024〕32号",
    title: "关于转发《关于进一步完善城乡居民基本医疗保险和大病保险有关政策的通知》的通知",
    issuer: "阳泉市医疗保障局、阳泉市财政局、国家税务总局阳泉市税务局、国家金融监督管理总局阳泉监管分局",
    jurisdiction: "CN-SX-YQ",
    inForceFrom: "2025-01-01",
    inForceTo: null,
    supersedes: [],
    note: "转发 SX-JM-2024，另取消在校学生意外伤害门急诊待遇、取消生育待遇连续参保两年要求。",
  },
  {
    key: "YQ-JZ-2019",
    number: "阳医保发〔2019〕45号",
    title: "阳泉市城乡医疗救助实施办法（试行）",
    issuer: "阳泉市医疗保障局、民政局、财政局、卫生健康委员会、退役军人事务局、扶贫开发办公室",
    jurisdiction: "CN-SX-YQ",
    inForceFrom: "2020-01-01",
    inForceTo: null,
    supersedes: [],
    note: "自2020年1月1日起执行。",
  },
];
