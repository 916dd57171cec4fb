// The refusal notice, YQ-JZ-2019 附件5 "不符合医疗救助条件书面告知书" (§6(2): "不符合救助条件的…书面告知
// 申请人并说明理由"), as a pure renderer: the notice's data in, an A4 PDF with its Chinese glyphs
// embedded out. No browser, no network; the same data gives the same bytes (the creation date is
// the issue date), so the archived SHA-256 can be checked by rendering again.
import PDFDocument from "pdfkit";
import type { IsoDate } from "@/lib/rules/dates";
import { POLICY_DOCUMENTS } from "@/lib/rules/library/documents";
import type { Citation } from "@/lib/rules/library/documents";
import { APPLICATION_KINDS, type ApplicationKindId } from "./application-kinds";
import { lawsuitDeadline, LAWSUIT_PERIOD, reconsiderationDeadline, RECONSIDERATION_PERIOD, type LegalCitation, type NonWorkingDay } from "./deadlines";
import { formatChineseDate, REFUSAL_NOTICE_TEXT as T } from "./notice-texts.zh-CN";
import { loadFont } from "./pdf-fonts";
import type { RefusalReason } from "./refusal-reasons";

export type RefusalNoticeData = {
  /** Year and sequence per county, assigned by the database without gaps or repeats. */
  number: { year: number; sequence: number };
  applicant: string;
  /** The day the application was received (the case's receivedOn). */
  receivedOn: IsoDate;
  kind: ApplicationKindId;
  /** Whose policy was applied, as the form says it: "我县", "我区". */
  area: string;
  reasons: readonly RefusalReason[];
  note?: string | undefined;
  /** The issuing body, e.g. "盂县秀水镇人民政府" (the form's "乡镇人民政府（街道办事处）（盖章）"). */
  issuer: string;
  issuedOn: IsoDate;
  /** When known (a reprint after service), the notice also states both deadlines as dates. */
  servedOn?: IsoDate | null | undefined;
  nonWorkingDay?: NonWorkingDay | undefined;
  caseRef?: string | undefined;
};

/** "阳医保发〔2019〕45号《阳泉市城乡医疗救助实施办法（试行）》§4(2)3": the rule not met, with its document. */
export function citationText(citation: Citation): string {
  const document = POLICY_DOCUMENTS.find((entry) => entry.key === citation.document);
  if (!document) throw new RangeError(`政策库中没有文件 ${citation.document}`);
  return T.basis({ number: document.number, title: document.title, article: citation.article });
}

function lawText(citation: LegalCitation): string {
  return T.lawArticle(citation);
}

/** The notice's lines, in order: what the PDF prints, and what a page or a test can read without a PDF. */
export function refusalNoticeLines(data: RefusalNoticeData): { title: string; number: string; body: string[]; seal: string; date: string; footer: string | null } {
  if (data.reasons.length === 0) throw new RangeError("告知书须至少列明一条不符合的规定");
  if (!Number.isInteger(data.number.sequence) || data.number.sequence < 1) throw new RangeError(`告知书序号无效：${data.number.sequence}`);
  const kind = APPLICATION_KINDS[data.kind];
  const days = "days" in RECONSIDERATION_PERIOD.length ? RECONSIDERATION_PERIOD.length.days : 0;
  const months = "months" in LAWSUIT_PERIOD.length ? LAWSUIT_PERIOD.length.months : 0;
  const body = [
    T.salutation({ applicant: data.applicant }),
    T.received({ receivedOn: formatChineseDate(data.receivedOn), kind: kind.label }),
    T.finding({ area: data.area, programme: kind.noticeProgramme }),
    ...data.reasons.map((reason, index) => T.reason({ index: index + 1, message: reason.message, basis: citationText(reason.citation) })),
    ...(data.note && data.note.trim() ? [T.note({ note: data.note.trim() })] : []),
    T.decision,
    T.rights({ days, months }) + T.rightsBasis({ reconsideration: lawText(RECONSIDERATION_PERIOD.citation), lawsuit: lawText(LAWSUIT_PERIOD.citation) }),
  ];
  if (data.servedOn) {
    const reconsideration = reconsiderationDeadline(data.servedOn, data.nonWorkingDay);
    const lawsuit = lawsuitDeadline(data.servedOn, data.nonWorkingDay);
    body.push(T.served({ servedOn: formatChineseDate(data.servedOn), reconsiderationBy: formatChineseDate(reconsideration.lastDay), lawsuitBy: formatChineseDate(lawsuit.lastDay) }));
  }
  return {
    title: T.title({ programme: kind.noticeProgramme }),
    number: T.number(data.number),
    body,
    seal: T.seal({ issuer: data.issuer }),
    date: formatChineseDate(data.issuedOn),
    footer: data.caseRef ? T.caseRef({ caseRef: data.caseRef }) : null,
  };
}

// GB/T 9704 page margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), in points.
const MM = 72 / 25.4;
export const OFFICIAL_MARGINS = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };

/** Collects a pdfkit document into one Buffer. */
export function pdfBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

/** A new A4 document with the CJK fonts registered as "regular" and "bold". */
export function newChineseDocument(options: { title: string; createdOn: IsoDate; layout?: "portrait" | "landscape"; bufferPages?: boolean }): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: "A4",
    layout: options.layout ?? "portrait",
    margins: OFFICIAL_MARGINS,
    bufferPages: options.bufferPages ?? false,
    lang: "zh-CN",
    displayTitle: true,
    info: { Title: options.title, Creator: "优抚医保通", Producer: "优抚医保通", CreationDate: new Date(`${options.createdOn}T00:00:00+08:00`) },
  });
  doc.registerFont("regular", loadFont("regular"));
  doc.registerFont("bold", loadFont("bold"));
  return doc;
}

export function renderRefusalNotice(data: RefusalNoticeData): Promise<Buffer> {
  const lines = refusalNoticeLines(data);
  const doc = newChineseDocument({ title: lines.title, createdOn: data.issuedOn });
  const width = doc.page.width - OFFICIAL_MARGINS.left - OFFICIAL_MARGINS.right;
  doc.font("bold").fontSize(20).text(lines.title, { align: "center", width });
  doc.moveDown(0.6);
  doc.font("regular").fontSize(14).text(lines.number, { align: "right", width });
  doc.moveDown(0.8);
  const [salutation, ...paragraphs] = lines.body;
  doc.fontSize(14);
  if (salutation) doc.text(salutation, { width, lineGap: 5 });
  for (const paragraph of paragraphs) doc.text(paragraph, { width, indent: 28, lineGap: 5, paragraphGap: 3 });
  // The seal and its date stay together: on this page when they fit, else both on the next.
  const sealBlock = doc.currentLineHeight(true) * 5;
  if (doc.y + sealBlock > doc.page.height - OFFICIAL_MARGINS.bottom) doc.addPage();
  doc.moveDown(2);
  doc.text(lines.seal, { align: "right", width });
  doc.moveDown(0.3);
  doc.text(lines.date, { align: "right", width });
  if (lines.footer) {
    // Printed in the bottom margin: without lifting the margin pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc.fontSize(9).fillColor("#555555").text(lines.footer, OFFICIAL_MARGINS.left, doc.page.height - OFFICIAL_MARGINS.bottom + 12, { width, lineBreak: false });
  }
  return pdfBuffer(doc);
}
