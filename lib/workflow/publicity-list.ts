// The printable 公示 list of a township and period (YQ-JZ-2019 §6(2) "审核公示"; 二、"公开救助对象"):
// who applied for what and how much, with names and ID numbers masked so that a posted sheet
// names a neighbour without exposing them. Rows are built once, for the page and for the PDF.
import type { IsoDate } from "@/lib/rules/dates";
import { formatYuan, type Fen } from "@/lib/rules/money";
import { APPLICATION_KINDS, type ApplicationKindId } from "./application-kinds";
import { formatChineseDate, PUBLICITY_LIST_TEXT as T } from "./notice-texts.zh-CN";
import { newChineseDocument, pdfBuffer } from "./refusal-notice";
import { maskIdNumber } from "@/lib/people/masking";

/** 张三丰 → 张*丰, 张三 → 张*, 欧阳小锋 → 欧**锋; counted in characters, not UTF-16 units (𬌗 is one). */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join("");
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${"*".repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export type PublicityListEntry = { name: string; idNumber: string; kind: ApplicationKindId; amount: Fen | null };

export type PublicityListData = {
  township: string;
  place: string;
  startsOn: IsoDate;
  lastDay: IsoDate;
  /** Where objections go, e.g. "秀水镇人民政府社会事务办（电话 0353-0000000）". */
  contact: string;
  printedOn: IsoDate;
  entries: readonly PublicityListEntry[];
};

export type PublicityListRow = { index: string; name: string; idNumber: string; kind: string; amount: string };

export function publicityListRows(entries: readonly PublicityListEntry[]): PublicityListRow[] {
  return entries.map((entry, i) => ({
    index: String(i + 1),
    name: maskName(entry.name),
    idNumber: maskIdNumber(entry.idNumber),
    kind: APPLICATION_KINDS[entry.kind].label,
    amount: entry.amount === null ? "—" : formatYuan(entry.amount),
  }));
}

const COLUMNS: readonly { key: keyof PublicityListRow; share: number; align: "left" | "center" | "right" }[] = [
  { key: "index", share: 0.08, align: "center" },
  { key: "name", share: 0.16, align: "center" },
  { key: "idNumber", share: 0.32, align: "center" },
  { key: "kind", share: 0.26, align: "center" },
  { key: "amount", share: 0.18, align: "right" },
];

const MARGIN = 56;
const ROW_HEIGHT = 22;

export function renderPublicityList(data: PublicityListData): Promise<Buffer> {
  const title = T.title({ township: data.township });
  const doc = newChineseDocument({ title, createdOn: data.printedOn, bufferPages: true });
  for (const side of ["top", "bottom", "left", "right"] as const) doc.page.margins[side] = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const rows = publicityListRows(data.entries);
  const header: PublicityListRow = { ...T.columns };

  const drawRow = (row: PublicityListRow, bold: boolean) => {
    const y = doc.y;
    let x = MARGIN;
    doc.font(bold ? "bold" : "regular").fontSize(11);
    for (const column of COLUMNS) {
      const cellWidth = width * column.share;
      doc.rect(x, y, cellWidth, ROW_HEIGHT).lineWidth(0.5).stroke("#333333");
      doc.fillColor("#000000").text(row[column.key], x + 4, y + 5, { width: cellWidth - 8, align: column.align, lineBreak: false, height: ROW_HEIGHT });
      x += cellWidth;
    }
    doc.x = MARGIN;
    doc.y = y + ROW_HEIGHT;
  };

  const drawHeading = (first: boolean) => {
    doc.x = MARGIN;
    doc.y = MARGIN;
    doc.font("bold").fontSize(first ? 17 : 13).text(title, MARGIN, MARGIN, { width, align: "center" });
    doc.moveDown(0.4);
    doc.font("regular").fontSize(11).text(T.period({ startsOn: formatChineseDate(data.startsOn), lastDay: formatChineseDate(data.lastDay), place: data.place }), { width, align: "center" });
    doc.moveDown(0.6);
    drawRow(header, true);
  };

  // Rows end above the footer line; the heading and column names repeat on every page.
  const lastRowY = doc.page.height - MARGIN - 3 * ROW_HEIGHT;
  drawHeading(true);
  if (rows.length === 0) doc.font("regular").fontSize(11).text(T.empty, MARGIN, doc.y + 6, { width });
  for (const row of rows) {
    if (doc.y > lastRowY) {
      doc.addPage({ size: "A4", margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } });
      drawHeading(false);
    }
    drawRow(row, false);
  }
  doc.moveDown(0.8);
  if (doc.y > lastRowY + ROW_HEIGHT) doc.addPage({ size: "A4", margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } });
  doc.font("regular").fontSize(11).text(T.objection({ contact: data.contact }), MARGIN, doc.y, { width });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc.font("regular").fontSize(9).fillColor("#333333").text(T.page({ page: i + 1, pages: range.count }), MARGIN, doc.page.height - MARGIN + 16, { width, align: "center", lineBreak: false });
  }
  return pdfBuffer(doc);
}
