// A county with a registry of people and a 100,000-row 动态调整 list against it, for timing the
// list's import (scripts/roster-import-bench.ts; npm run bench:registry can use it too). The list
// holds every kind of row: new people added, registered people added, removals, and 低保 → 特困
// changes, with valid GB 11643 ID numbers (lib/people/id-number.ts). Deterministic.
import ExcelJS from "exceljs";
import type { Actor } from "../lib/auth/actor";
import { hashPassword } from "../lib/auth/password";
import type { Db } from "../lib/db";
import { makeIdNumber } from "../lib/people/id-number";
import { nameInitials } from "../lib/people/name-initials";

export const BENCH_HEADER = ["序号", "乡镇", "姓名", "身份证号", "类别", "家庭人口", "调整原因", "生效日期"] as const;

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅建国志文海燕鹏辉春玲雪飞云峰晓东德福宝珍凤琴荣斌";

export type BenchListMix = { newPeople: number; addKnown: number; remove: number; change: number };
/** 100,000 rows: 60 % new people, 20 % registered people added, 10 % removed, 10 % changed 低保 → 特困. */
export const MIX_100K: BenchListMix = { newPeople: 60_000, addKnown: 20_000, remove: 10_000, change: 10_000 };

export type BenchCounty = { county: string; townships: { code: string; name: string }[]; actor: Actor };

function nameOf(i: number): string {
  const s = SURNAMES[i % SURNAMES.length]!;
  const g1 = GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]!;
  const g2 = GIVEN[Math.floor(i / (SURNAMES.length * GIVEN.length)) % GIVEN.length]!;
  return i % 3 === 0 ? `${s}${g1}` : `${s}${g1}${g2}`;
}

/** The i-th ID number of the county's area code: one person per (birth day, sequence). */
function idNumberOf(area: string, i: number): { idNumber: string; birthDate: string; sex: "M" | "F" } {
  const day = new Date(Date.UTC(1935, 0, 1) + (i % 25_000) * 86_400_000).toISOString().slice(0, 10);
  const k = Math.floor(i / 25_000);
  const sex = k % 2 === 0 ? "M" : "F";
  return { idNumber: makeIdNumber(area, day, 2 * k + (sex === "M" ? 1 : 0), sex), birthDate: day, sex };
}

/**
 * A fictitious county `code` (6 digits, ending in 21, under province/city codes of its own) with 20
 * townships, a 民政局 user, and the registry the list is compared with: `mix.addKnown` people with no
 * assistance identity, and `mix.remove + mix.change` holding 低保 since 2024. Returns the user.
 */
export async function seedBenchCounty(db: Db, code: string, mix: BenchListMix): Promise<BenchCounty> {
  const province = `${code.slice(0, 2)}0000`;
  const city = `${code.slice(0, 4)}00`;
  const regions = [
    { code: province, name: "基准省", level: "PROVINCE" as const, parentCode: null, path: province },
    { code: city, name: "基准市", level: "CITY" as const, parentCode: province, path: `${province}/${city}` },
    { code, name: "基准县", level: "COUNTY" as const, parentCode: city, path: `${province}/${city}/${code}`, jurisdiction: "CN-SX-YQ" },
  ];
  const townships = Array.from({ length: 20 }, (_, t) => ({ code: `${code}${String(100 + t)}`, name: `${"东西南北中"[t % 5]}${"安平和兴盛"[Math.floor(t / 5) % 5]}镇` }));
  // Counties of one city share their province and city rows.
  await db.region.createMany({ data: [...regions, ...townships.map((t) => ({ ...t, level: "TOWNSHIP" as const, parentCode: code, path: `${province}/${city}/${code}/${t.code}` }))], skipDuplicates: true });
  const user = await db.user.create({ data: { username: `bench-civil-${code}`, displayName: "基准", role: "CIVIL_AFFAIRS", regionCode: code, passwordHash: await hashPassword("Bench-pass-1") }, include: { region: true } });
  const actor: Actor = { kind: "user", id: user.id, username: user.username, displayName: user.displayName, role: "CIVIL_AFFAIRS", regionCode: code, regionPath: user.region.path, regionName: user.region.name, mustChangePassword: false };

  const known = mix.addKnown + mix.remove + mix.change;
  const BATCH = 5_000;
  for (let from = 0; from < known; from += BATCH) {
    const people = Array.from({ length: Math.min(BATCH, known - from) }, (_, j) => {
      const i = from + j;
      const { idNumber, birthDate, sex } = idNumberOf(code, mix.newPeople + i);
      const name = nameOf(mix.newPeople + i);
      return { idNumber, name, nameInitials: nameInitials(name), sex, birthDate: new Date(`${birthDate}T00:00:00Z`), regionCode: townships[i % townships.length]!.code, hukouProvince: "SX" };
    });
    const created = await db.person.createManyAndReturn({ data: people, select: { id: true } });
    // The first addKnown hold nothing; the others hold 低保.
    const holders = created.slice(Math.max(0, mix.addKnown - from));
    await db.personIdentity.createMany({ data: holders.map((p) => ({ personId: p.id, type: "SUBSISTENCE" as const, validFrom: new Date("2024-01-01"), certifiedBy: "CIVIL_AFFAIRS" as const })) });
  }
  return { county: code, townships, actor };
}

/** The list's rows in the 附件3 layout, in an order that mixes the kinds (as a real list would). */
export function benchListRows(county: BenchCounty, mix: BenchListMix, periodFrom: string): string[][] {
  const total = mix.newPeople + mix.addKnown + mix.remove + mix.change;
  const date = (i: number) => `${periodFrom.slice(0, 8)}${String(1 + (i % 28)).padStart(2, "0")}`;
  const rows: string[][] = [];
  for (let n = 0; n < total; n++) {
    // Interleaved: row n is the k-th of its kind.
    const i = (n * 7_919) % total;
    const township = (j: number) => county.townships[j % county.townships.length]!.name;
    if (i < mix.newPeople) {
      const { idNumber } = idNumberOf(county.county, i);
      rows.push([String(n + 1), township(i), nameOf(i), idNumber, ["低保", "特困", "低收入"][i % 3]!, i % 4 === 0 ? "" : String(1 + (i % 5)), "新增", date(i)]);
      continue;
    }
    const j = i - mix.newPeople;
    const { idNumber } = idNumberOf(county.county, i);
    const name = nameOf(i);
    if (j < mix.addKnown) rows.push([String(n + 1), township(j), name, idNumber, "低保", String(1 + (j % 4)), "新增", date(j)]);
    else if (j < mix.addKnown + mix.remove) rows.push([String(n + 1), township(j), name, idNumber, "低保", "1", "减少（死亡）", date(j)]);
    else rows.push([String(n + 1), township(j), name, idNumber, "特困", "1", "新增", date(j)]);
  }
  return rows;
}

export async function benchListXlsx(rows: string[][], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("附件3");
  sheet.addRow([title]);
  sheet.addRow([...BENCH_HEADER]);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** As Excel saves "CSV UTF-8": with a BOM. */
export function benchListCsv(rows: string[][]): Buffer {
  return Buffer.from(`\uFEFF${[BENCH_HEADER.join(","), ...rows.map((r) => r.join(","))].join("\r\n")}\r\n`, "utf8");
}
