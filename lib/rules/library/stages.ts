// The stages of the claim chain (RULES.md "The chain for one claim") with their Chinese labels.
import type { Citation } from "./documents";

export const STAGE_IDS = [
  "claim",
  "hospitalDiscount",
  "basicInsurance",
  "criticalIllness",
  "medicalAssistance",
  "specialCare",
  "pharmacyCard",
  "entitlement",
] as const;
export type StageId = (typeof STAGE_IDS)[number];

/** The stages whose order is itself dated policy (parameter chain.stageOrder). */
export const CHAIN_STAGES = ["hospitalDiscount", "basicInsurance", "criticalIllness", "medicalAssistance", "specialCare", "pharmacyCard"] as const;
export type ChainStage = (typeof CHAIN_STAGES)[number];

export const STAGE_LABELS: Readonly<Record<StageId, { label: string; citation: Citation | null }>> = {
  claim: { label: "费用汇总", citation: null },
  hospitalDiscount: { label: "医院减免", citation: { document: "SX-YF-2024", article: "Art. 12" } },
  basicInsurance: { label: "基本医疗保险", citation: { document: "SX-JM-2024", article: "§2–3" } },
  criticalIllness: { label: "大病保险", citation: { document: "SX-JM-2024", article: "§4" } },
  medicalAssistance: { label: "医疗救助", citation: { document: "YQ-JZ-2019", article: "§4(2)" } },
  specialCare: { label: "优抚医疗补助", citation: { document: "QJ-YF-2023", article: "Art. 8" } },
  pharmacyCard: { label: "医药补贴卡", citation: { document: "SX-CARD-2026", article: "补贴内容" } },
  entitlement: { label: "定期待遇", citation: null },
};
