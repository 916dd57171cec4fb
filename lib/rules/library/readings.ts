// RULES.md "Readings fixed on 2026-12-01": where the sections left two readings open, these decide.
// Each is an interpretation, so a trace line a reading governs names it (RULES.md asks for it).

/** The day the readings were fixed; part of the text every governed trace line carries. */
export const READINGS_DATE = "2026-12-01";

export const READING_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13] as const;
export type ReadingNumber = (typeof READING_NUMBERS)[number];

/** Short Chinese titles, for the worksheet and the policy-library page. */
export const READINGS: Readonly<Record<ReadingNumber, { title: string; section: string }>> = {
  1: { title: "分段累计规则与逐笔限额规则", section: "Money" },
  2: { title: "年度累计的顺序", section: "Money" },
  3: { title: "乙类先行自付合计后一次舍入", section: "§2" },
  4: { title: "无待遇不是错误", section: "§2" },
  5: { title: "职工医保", section: "§2–3" },
  6: { title: "已结算金额与年度限额", section: "§2" },
  7: { title: "“双通道”药品", section: "§2, §4" },
  8: { title: "单病种限额住院", section: "§4" },
  9: { title: "医疗救助年度限额", section: "§4" },
  10: { title: "任何日期的在乡重点优抚对象", section: "§4" },
  11: { title: "一次性救助", section: "§4" },
  12: { title: "綦江优抚医疗补助与参保", section: "§5" },
  13: { title: "医药补贴卡", section: "§6" },
};

/** "解释：RULES 2026-12-01 第N条": the text an auditor searches for. */
export function readingText(reading: ReadingNumber): string {
  return `解释：RULES ${READINGS_DATE} 第${reading}条`;
}
