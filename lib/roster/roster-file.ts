// Reading an uploaded list: the 附件2/附件3 columns, from xlsx or from csv as Excel and WPS save it
// (UTF-8 with or without a BOM, or GBK/GB18030). Only the cells are read here; what they mean is
// the diff's business (lib/roster/roster-diff.ts), so a bad cell is a row error there, not here.
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { isIsoDate, isoDate } from "@/lib/rules/dates";

export const ROSTER_COLUMNS = ["township", "name", "idNumber", "category", "householdSize", "reason", "effectiveDate"] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

/** One data row as written, with its row number in the file (1-based, as Excel and WPS show it). */
export type RosterRow = { rowNo: number } & Record<RosterColumn, string>;

export type ParsedRoster =
  | { ok: true; format: "xlsx" | "csv"; encoding: "utf-8" | "gb18030" | null; rows: RosterRow[] }
  | { ok: false; error: "UNREADABLE" | "NO_HEADER" }
  | { ok: false; error: "MISSING_COLUMNS"; missing: RosterColumn[] };

// The header words of 附件2/附件3 and the variants the bureaus' own sheets use.
const HEADERS: Readonly<Record<RosterColumn, readonly string[]>> = {
  township: ["乡镇", "乡镇（街道）", "乡镇(街道)", "乡（镇）", "乡(镇)", "所属乡镇", "乡镇街道"],
  name: ["姓名"],
  idNumber: ["身份证号", "身份证号码", "公民身份号码", "身份证件号码", "证件号码"],
  category: ["类别", "人员类别", "救助类别", "对象类别", "身份类别"],
  householdSize: ["家庭人口", "家庭人口数", "家庭人数", "户人口数", "保障人口"],
  reason: ["调整原因", "变动原因", "原因", "增减原因"],
  effectiveDate: ["生效日期", "调整日期", "变动日期", "认定日期", "增减日期"],
};

const normalise = (text: string) => text.replace(/[\s\u3000]+/g, "").replace(/[（]/g, "(").replace(/[）]/g, ")");
const HEADER_INDEX: ReadonlyMap<string, RosterColumn> = new Map(
  ROSTER_COLUMNS.flatMap((column) => HEADERS[column].map((word) => [normalise(word), column] as const)),
);

function columnsOf(cells: readonly string[]): Map<RosterColumn, number> {
  const found = new Map<RosterColumn, number>();
  cells.forEach((cell, index) => {
    const column = HEADER_INDEX.get(normalise(cell));
    if (column && !found.has(column)) found.set(column, index);
  });
  return found;
}

/** Dates as the sheets write them: 2026-09-15, 2026/9/15, 2026.9.15, 20260915, 2026年9月15日. */
export function normaliseDate(text: string): string {
  const t = text.trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return t;
  const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return isIsoDate(iso) ? iso : t;
}

function dateText(date: Date): string {
  // Excel keeps a date as a day count; exceljs turns it into a UTC instant that may sit a
  // millisecond before midnight, so round to the nearest day.
  const day = new Date(Math.round(date.getTime() / 86_400_000) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return dateText(value);
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("").trim();
  if ("text" in value && typeof value.text === "string") return value.text.trim();
  if ("result" in value) return value.result === undefined ? "" : cellText(value.result as ExcelJS.CellValue);
  if ("error" in value) return "";
  return "";
}

type Unreadable = Extract<ParsedRoster, { ok: false }>;

function rowsFrom(table: readonly (readonly string[])[], rowNumbers: readonly number[]): RosterRow[] | Unreadable {
  const headerAt = table.slice(0, 15).findIndex((cells) => {
    const columns = columnsOf(cells);
    return columns.has("idNumber") && columns.has("name");
  });
  if (headerAt < 0) return { ok: false, error: "NO_HEADER" };
  const columns = columnsOf(table[headerAt]!);
  const missing = ROSTER_COLUMNS.filter((column) => !columns.has(column));
  if (missing.length > 0) return { ok: false, error: "MISSING_COLUMNS", missing };
  const rows: RosterRow[] = [];
  for (let i = headerAt + 1; i < table.length; i++) {
    const cells = table[i]!;
    if (cells.every((cell) => cell.trim() === "")) continue;
    const at = (column: RosterColumn) => (cells[columns.get(column)!] ?? "").trim();
    rows.push({
      rowNo: rowNumbers[i]!,
      township: at("township"),
      name: at("name"),
      idNumber: at("idNumber"),
      category: at("category"),
      householdSize: at("householdSize"),
      reason: at("reason"),
      effectiveDate: normaliseDate(at("effectiveDate")),
    });
  }
  return rows;
}

async function readXlsx(data: Buffer): Promise<ParsedRoster> {
  const table: string[][] = [];
  const rowNumbers: number[] = [];
  try {
    // The whole workbook, not exceljs's streaming reader: that one decodes each 16 KB piece of the
    // unzipped XML on its own and garbles a Chinese character cut in two (exceljs issues 2063,
    // 2084: one name in a few thousand), which then reads as another person's name.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer, { ignoreNodes: ["dataValidations", "conditionalFormatting", "hyperlinks", "drawing", "picture", "tableParts", "extLst"] });
    const sheet = workbook.worksheets[0];
    sheet?.eachRow((row, rowNumber) => {
      const values = Array.isArray(row.values) ? row.values : [];
      // exceljs numbers cells from 1; index 0 is always empty.
      table.push(Array.from(values.slice(1), (v) => cellText(v as ExcelJS.CellValue)));
      rowNumbers.push(rowNumber);
    });
  } catch {
    return { ok: false, error: "UNREADABLE" };
  }
  const result = rowsFrom(table, rowNumbers);
  return Array.isArray(result) ? { ok: true, format: "xlsx", encoding: null, rows: result } : result;
}

/** UTF-8 when the bytes are valid UTF-8 (BOM or not); otherwise GB18030, the superset of GBK. */
export function decodeCsv(data: Buffer): { text: string; encoding: "utf-8" | "gb18030" } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(data);
    return { text, encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(data, "gb18030"), encoding: "gb18030" };
  }
}

function readCsv(data: Buffer): ParsedRoster {
  const { text, encoding } = decodeCsv(data);
  let records: string[][];
  try {
    records = parseCsv(text, { relax_column_count: true, skip_empty_lines: false, trim: true, bom: true }) as string[][];
  } catch {
    return { ok: false, error: "UNREADABLE" };
  }
  const result = rowsFrom(records, records.map((_, i) => i + 1));
  return Array.isArray(result) ? { ok: true, format: "csv", encoding, rows: result } : result;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** An xlsx is a zip file; anything else is read as csv. The file name is not trusted. */
export async function parseRosterFile(data: Buffer): Promise<ParsedRoster> {
  if (data.subarray(0, 4).equals(ZIP_MAGIC)) return readXlsx(data);
  return readCsv(data);
}
