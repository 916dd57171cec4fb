import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { yuan } from "@/lib/rules/money";
import { maskIdNumber } from "@/lib/people/masking";
import { maskName, publicityListRows, renderPublicityList, type PublicityListData } from "./publicity-list";

// Needs poppler-utils (pdftotext, pdfinfo); npm test and refusal-notice.test.ts install it.
const dir = mkdtempSync(join(tmpdir(), "publicity-"));
function poppler(tool: "pdftotext" | "pdfinfo", pdf: Buffer): string {
  const file = join(dir, `${tool}.pdf`);
  writeFileSync(file, pdf);
  const result = spawnSync(tool, tool === "pdftotext" ? ["-layout", file, "-"] : [file], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${tool}: ${result.stderr}`);
  return result.stdout;
}

describe("masking on the 公示 list", () => {
  it.each([
    ["张三丰", "张*丰"],
    ["张三", "张*"],
    ["欧阳小锋", "欧**锋"],
    ["王𬌗明", "王*明"],
    ["李", "李"],
    [" 赵丽娟 ", "赵*娟"],
  ])("%s → %s", (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it("keeps the region code and the last four of an ID number, never the birth date", () => {
    expect(maskIdNumber("14032219580402123X")).toBe("140322********123X");
    expect(maskIdNumber("1234")).toBe("****");
  });

  it("rows carry the kind's label and the amount in yuan, or a dash when none is fixed yet", () => {
    expect(publicityListRows([{ name: "张三丰", idNumber: "14032219580402123X", kind: "INPATIENT_ASSISTANCE", amount: yuan(1234) + 5n }, { name: "李四", idNumber: "140322196001011234", kind: "ONE_OFF_ASSISTANCE", amount: null }])).toEqual([
      { index: "1", name: "张*丰", idNumber: "140322********123X", kind: "住院医疗救助", amount: "1234.05" },
      { index: "2", name: "李*", idNumber: "140322********1234", kind: "一次性救助", amount: "—" },
    ]);
  });
});

describe("the printable 公示 list", () => {
  const entries = Array.from({ length: 45 }, (_, i) => ({
    name: i === 0 ? "张晓三" : `王${"小大"[i % 2]}明`,
    idNumber: `1403221958040${String(1000 + i).slice(-4)}${i % 10}`,
    kind: i % 3 === 0 ? ("OUTPATIENT_ASSISTANCE" as const) : ("INPATIENT_ASSISTANCE" as const),
    amount: yuan(1000 + i * 10),
  }));
  const data: PublicityListData = {
    township: "秀水镇",
    place: "秀水镇政务公开栏",
    startsOn: "2026-03-20",
    lastDay: "2026-03-26",
    contact: "秀水镇人民政府社会事务办",
    printedOn: "2026-03-20",
    entries,
  };

  it("prints masked names and IDs over several A4 pages with the column names repeated and page numbers", async () => {
    const pdf = await renderPublicityList(data);
    const info = poppler("pdfinfo", pdf);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toMatch(/Pages:\s+2\n/);
    const text = poppler("pdftotext", pdf);
    expect(text).toContain("张*三");
    expect(text).not.toContain("张晓三");
    expect(text).toContain("140322********0000");
    expect(text).not.toMatch(/1403221958/);
    expect(text.match(/身份证号/g)).toHaveLength(2);
    const flat = text.replace(/\s+/g, "");
    expect(flat).toContain("第1页/共2页");
    expect(flat).toContain("第2页/共2页");
    expect(flat).toContain("公示期：2026年3月20日至2026年3月26日");
    expect(text).toContain("1440.00");
  });

  it("an empty period prints its heading and says so", async () => {
    const text = poppler("pdftotext", await renderPublicityList({ ...data, entries: [] }));
    expect(text).toContain("本期无公示对象。");
  });
});
