// The certificate of a confirmed list, YQ-JZ-2019 附件4 "医疗救助重点救助对象动态调整情况证明":
// "____年____季度(月)新增(低保□特困□在乡重点优抚对象□)人员__户__人;减少__户__人(具体名单附后)。
// 特此证明 ____县XX局(盖章) 年 月 日", one such line per category, and the names after it. A pure
// renderer like the refusal notice (lib/workflow/refusal-notice.ts): the same data, the same bytes.
import type { IdentityType } from "@/lib/generated/prisma/enums";
import { IDENTITY_LABELS } from "@/lib/rules/library/labels";
import type { IsoDate } from "@/lib/rules/dates";
import type { CategoryCounts } from "@/lib/roster/roster-diff";
import type { RosterBureau } from "@/lib/roster/roster-categories";
import { formatChineseDate } from "@/lib/workflow/notice-texts.zh-CN";
import { newChineseDocument, OFFICIAL_MARGINS, pdfBuffer } from "@/lib/workflow/refusal-notice";

export type CertificateData = {
  countyName: string;
  bureau: RosterBureau;
  /** "2026Q3" or "2026-09". */
  period: string;
  counts: ReadonlyMap<IdentityType, CategoryCounts>;
  people: readonly { township: string; name: string; idNumber: string; category: IdentityType; change: "ADD" | "REMOVE"; on: IsoDate }[];
  issuedOn: IsoDate;
};

const BUREAU_NAMES: Readonly<Record<RosterBureau, string>> = { CIVIL_AFFAIRS: "民政局", VETERANS_AFFAIRS: "退役军人事务局" };

export function periodText(period: string): string {
  const quarter = /^(\d{4})Q([1-4])$/.exec(period);
  if (quarter) return `${quarter[1]}年第${"一二三四"[Number(quarter[2]) - 1]}季度`;
  return `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;
}

export function certificateLines(data: CertificateData) {
  const body = [...data.counts].map(
    ([category, c]) => `${periodText(data.period)}新增（${IDENTITY_LABELS[category]}）人员${c.addedHouseholds}户${c.addedPeople}人；减少${c.removedHouseholds}户${c.removedPeople}人（具体名单附后）。`,
  );
  return {
    title: "医疗救助重点救助对象动态调整情况证明",
    body: body.length > 0 ? body : [`${periodText(data.period)}无新增、减少人员。`],
    closing: "特此证明",
    seal: `${data.countyName}${BUREAU_NAMES[data.bureau]}（盖章）`,
    date: formatChineseDate(data.issuedOn),
    listTitle: `${data.countyName}${periodText(data.period)}医疗救助重点救助对象动态调整名单`,
  };
}

const YIELD_EVERY = 2_000;

/**
 * The PDF. A list of 100,000 people takes seconds to set: every YIELD_EVERY rows it lets the event
 * loop run (a job's heartbeat) and reports how many rows are set.
 */
export async function renderCertificate(data: CertificateData, onProgress?: (rows: number) => void): Promise<Buffer> {
  const lines = certificateLines(data);
  const doc = newChineseDocument({ title: lines.title, createdOn: data.issuedOn });
  const width = doc.page.width - OFFICIAL_MARGINS.left - OFFICIAL_MARGINS.right;
  doc.font("bold").fontSize(20).text(lines.title, { align: "center", width });
  doc.moveDown(1.2);
  doc.font("regular").fontSize(14);
  for (const paragraph of lines.body) doc.text(paragraph, { width, indent: 28, lineGap: 5, paragraphGap: 3 });
  doc.moveDown(0.6);
  doc.text(lines.closing, { width, indent: 28 });
  doc.moveDown(2);
  doc.text(lines.seal, { align: "right", width });
  doc.moveDown(0.3);
  doc.text(lines.date, { align: "right", width });
  if (data.people.length > 0) {
    doc.addPage();
    doc.font("bold").fontSize(14).text(lines.listTitle, { align: "center", width });
    doc.moveDown(0.6);
    const columns = [0.16, 0.12, 0.3, 0.2, 0.08, 0.14].map((f) => f * width);
    const row = (cells: string[], font: "regular" | "bold") => {
      if (doc.y + 18 > doc.page.height - OFFICIAL_MARGINS.bottom) doc.addPage();
      const y = doc.y;
      let x = OFFICIAL_MARGINS.left;
      doc.font(font).fontSize(9);
      cells.forEach((cell, i) => {
        doc.text(cell, x, y, { width: columns[i]! - 4, lineBreak: false, ellipsis: true });
        x += columns[i]!;
      });
      doc.x = OFFICIAL_MARGINS.left;
      doc.y = y + 16;
    };
    row(["乡镇", "姓名", "身份证号", "类别", "增减", "日期"], "bold");
    for (const [i, p] of data.people.entries()) {
      row([p.township, p.name, p.idNumber, IDENTITY_LABELS[p.category], p.change === "ADD" ? "新增" : "减少", p.on], "regular");
      if ((i + 1) % YIELD_EVERY === 0) {
        onProgress?.(i + 1);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }
  return pdfBuffer(doc);
}
