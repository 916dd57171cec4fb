import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REASONS } from "@/lib/rules/library/reasons";
import { resolveReason, type RefusalReason } from "./refusal-reasons";
import { refusalNoticeLines, renderRefusalNotice, type RefusalNoticeData } from "./refusal-notice";

// The PDF is read back with poppler's pdftotext/pdfinfo/pdffonts (Debian poppler-utils), installed
// here when missing, as npm test installs the other system packages it needs.
function ensurePoppler(): void {
  if (spawnSync("pdftotext", ["-v"]).status === 0) return;
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const install = (args: string[]) => spawnSync(sudo[0] ?? "apt-get", [...sudo.slice(1), ...(sudo.length ? ["apt-get"] : []), ...args], { env, stdio: "inherit" });
  install(["update", "-qq"]);
  install(["install", "-y", "-qq", "--no-install-recommends", "poppler-utils"]);
}

const dir = mkdtempSync(join(tmpdir(), "notice-"));

function poppler(tool: string, pdf: Buffer, name: string, args: string[] = []): string {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  const result = spawnSync(tool, [...args, file, ...(tool === "pdftotext" ? ["-"] : [])], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${tool}: ${result.stderr}`);
  return result.stdout;
}

/** Text without the line breaks and spaces wrapping put in. */
const flat = (text: string) => text.replace(/\s+/g, "");

function reason(chosen: Parameters<typeof resolveReason>[0]): RefusalReason {
  const resolved = resolveReason(chosen);
  if (!resolved) throw new Error(`no reason ${chosen.code}`);
  return resolved;
}

const DATA: RefusalNoticeData = {
  number: { year: 2026, sequence: 12 },
  applicant: "张晓三",
  receivedOn: "2026-03-02",
  kind: "INPATIENT_ASSISTANCE",
  area: "我县",
  reasons: [
    reason({ source: "rules", code: "NOT_ENROLLED" }),
    reason({ source: "reviewer", code: "HOUSEHOLD_NOT_IN_HARDSHIP" }),
  ],
  note: "申请人2026年2月未参加城乡居民基本医疗保险。",
  issuer: "盂县秀水镇人民政府",
  issuedOn: "2026-03-20",
  caseRef: "YX-2026-000123",
};

beforeAll(() => ensurePoppler(), 300_000);

describe("the refusal notice (附件5)", () => {
  it("is an A4 PDF with its Chinese font embedded", async () => {
    const pdf = await renderRefusalNotice(DATA);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const info = poppler("pdfinfo", pdf, "info.pdf");
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toMatch(/Pages:\s+1\n/);
    const fonts = poppler("pdffonts", pdf, "fonts.pdf");
    const noto = fonts.split("\n").filter((line) => line.includes("NotoSansSC"));
    expect(noto.length).toBe(2);
    // name, type, encoding, emb, sub, uni: every Noto font embedded as a subset with a Unicode map.
    for (const line of noto) expect(line).toMatch(/yes\s+yes\s+yes\s+\d+\s+0\s*$/);
    expect(pdf.length).toBeLessThan(200_000);
  });

  it("says the rule not met with its document and article, and both rights with their periods", async () => {
    const text = flat(poppler("pdftotext", await renderRefusalNotice(DATA), "text.pdf", ["-layout"]));
    for (const expected of [
      "不符合医疗救助条件书面告知书",
      "（2026）第12号",
      "申请人张晓三：",
      "你于2026年3月2日提交的住院医疗救助申请收悉。",
      // The rules module's own words for its reason code, whatever they are today.
      REASONS.NOT_ENROLLED.message,
      "阳医保发〔2019〕45号《阳泉市城乡医疗救助实施办法（试行）》§4(1)",
      "经入户调查，申请人家庭经济状况不属于医疗救助对象范围",
      "§4(1)、§6(2)",
      "可自收到本决定之日起60日内依法提起行政复议，或6个月内向人民法院提起诉讼",
      "《中华人民共和国行政复议法》第二十条",
      "《中华人民共和国行政诉讼法》第四十六条",
      "盂县秀水镇人民政府（盖章）",
      "2026年3月20日",
      "案件编号：YX-2026-000123",
    ]) {
      expect(text, expected).toContain(flat(expected));
    }
  });

  it("once served, also states both deadlines as dates", async () => {
    const pdf = await renderRefusalNotice({ ...DATA, servedOn: "2026-08-31" });
    expect(poppler("pdfinfo", pdf, "served-info.pdf")).toMatch(/Pages:\s+1\n/);
    const text = flat(poppler("pdftotext", pdf, "served.pdf"));
    expect(text).toContain("本告知书于2026年8月31日送达。申请行政复议的期限至2026年10月30日，提起行政诉讼的期限至2027年2月28日。");
  });

  it("names the special-care programme for a Qijiang subsidy and renders rare characters", async () => {
    const text = flat(
      poppler(
        "pdftotext",
        await renderRefusalNotice({ ...DATA, kind: "QJ_SPECIAL_CARE_SUBSIDY", applicant: "王䶮喆", area: "我区", issuer: "重庆市綦江区退役军人事务局", reasons: [reason({ source: "reviewer", code: "NOT_SPECIAL_CARE_RECIPIENT" })] }),
        "qj.pdf",
      ),
    );
    expect(text).toContain("不符合优抚医疗补助条件书面告知书");
    expect(text).toContain("申请人王䶮喆：");
    expect(text).toContain(flat("綦退役军人发〔2023〕39号《重庆市綦江区优抚对象医疗保障实施细则》Art. 2"));
  });

  it("the same data gives the same bytes, so an archived checksum can be re-checked", async () => {
    const [first, second] = await Promise.all([renderRefusalNotice(DATA), renderRefusalNotice(DATA)]);
    expect(first.equals(second)).toBe(true);
  });

  it("refuses a notice without a reason", () => {
    expect(() => refusalNoticeLines({ ...DATA, reasons: [] })).toThrow(RangeError);
    expect(() => refusalNoticeLines({ ...DATA, number: { year: 2026, sequence: 0 } })).toThrow(RangeError);
  });
});
