import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeCsv, normaliseDate, parseRosterFile } from "@/lib/roster/roster-file";

const HEADER = ["乡镇", "姓名", "身份证号", "类别", "家庭人口", "调整原因", "生效日期"];
const ROW = ["秀水镇", "张三", "14032219680304001X", "低保", "3", "新增", "2026-08-15"];

async function xlsx(rows: (string | number | Date)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("名单");
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("parseRosterFile", () => {
  it("reads an xlsx below its title row, with a real date cell and numbered rows", async () => {
    const data = await xlsx([["盂县2026年第3季度医疗救助重点救助对象动态调整名单"], ["序号", ...HEADER], [1, ...ROW.slice(0, 6), new Date(Date.UTC(2026, 7, 15))]]);
    const parsed = await parseRosterFile(data);
    expect(parsed).toEqual({
      ok: true, format: "xlsx", encoding: null,
      rows: [{ rowNo: 3, township: "秀水镇", name: "张三", idNumber: "14032219680304001X", category: "低保", householdSize: "3", reason: "新增", effectiveDate: "2026-08-15" }],
    });
  });

  it("reads every Chinese character of a large xlsx intact (exceljs's streaming reader garbles some)", async () => {
    // 2,000 distinct names and reasons, about 200 KB of UTF-8 text: a character cut between two of
    // the unzipped XML's 16 KB pieces came back as "�" with the streaming reader.
    const chinese = (i: number, length: number) => Array.from({ length }, (_, k) => String.fromCharCode(0x4e00 + ((i * 37 + k * 101) % 20_000))).join("");
    const rows = Array.from({ length: 2_000 }, (_, i) => ["秀水镇", chinese(i, 3), "14032219680304001X", "低保", "", `减少（${chinese(i + 7, 30)}）`, "2026-08-15"]);
    const parsed = await parseRosterFile(await xlsx([HEADER, ...rows]));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.rows.map((r) => [r.name, r.reason])).toEqual(rows.map((r) => [r[1], r[5]]));
  });

  it("reads a csv saved as UTF-8 with a BOM, and one saved as GBK", async () => {
    const text = `${HEADER.join(",")}\r\n${ROW.join(",")}\r\n`;
    const utf8 = await parseRosterFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf-8")]));
    const gbk = await parseRosterFile(iconv.encode(text, "gbk"));
    expect(utf8).toMatchObject({ ok: true, format: "csv", encoding: "utf-8", rows: [{ rowNo: 2, name: "张三", township: "秀水镇" }] });
    expect(gbk).toMatchObject({ ok: true, format: "csv", encoding: "gb18030", rows: [{ rowNo: 2, name: "张三", township: "秀水镇", reason: "新增" }] });
  });

  it("decodes a GBK file as GBK even when it is mostly ASCII", () => {
    expect(decodeCsv(iconv.encode("a,b\r\n1,孙家庄镇\r\n", "gbk"))).toEqual({ text: "a,b\r\n1,孙家庄镇\r\n", encoding: "gb18030" });
  });

  it("names the columns a file lacks, and says when there is no header at all", async () => {
    expect(await parseRosterFile(Buffer.from("姓名,身份证号\r\n张三,1\r\n"))).toEqual({ ok: false, error: "MISSING_COLUMNS", missing: ["township", "category", "householdSize", "reason", "effectiveDate"] });
    expect(await parseRosterFile(Buffer.from("a,b\r\n1,2\r\n"))).toEqual({ ok: false, error: "NO_HEADER" });
    expect(await parseRosterFile(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]))).toEqual({ ok: false, error: "UNREADABLE" });
  });

  it("normalises the date spellings of the sheets and leaves anything else as written", () => {
    expect(["2026/8/5", "2026.08.05", "20260805", "2026年8月5日", "2026-8-5"].map(normaliseDate)).toEqual(Array(5).fill("2026-08-05"));
    expect(normaliseDate("2026-02-30")).toBe("2026-02-30");
    expect(normaliseDate("八月")).toBe("八月");
  });
});
