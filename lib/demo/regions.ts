// The demo region tree: two real counties with their real administrative division codes.
//
// Province, city and county codes are GB/T 2260. Township codes are the 9-digit statistical codes
// (统计用区划代码) of the National Bureau of Statistics, checked against the published township
// list as mirrored in github.com/modood/Administrative-divisions-of-China (dist/streets.csv):
//   盂县 140322: 8 towns (100–107) and 5 xiang (200, 201, 203, 204, 205) — 13 in all.
//   綦江区 500110: the statistical list for 500110 also carries 万盛经开区's units (004 万盛街道,
//   005 东林街道, 100 万东镇, 101 南桐镇, 102 青年镇, 103 关坝镇, 104 丛林镇, 105 石林镇,
//   106 金桥镇, 107 黑山镇), which are administered separately since 2011; they are left out, so
//   綦江区 proper has 5 街道 and 16 镇 (21 units).
//
// Villages (12-digit codes) are mostly NOT verified. Codes follow the statistical rule (township
// code + 001–199 for 社区/居委会, 200–399 for 村委会). Marked per line:
//   [verified]  name and code seen on a public place-name page quoting the NBS code
//               (tcmap.com.cn and mirrors: 东苌池村 140322105200, 南苌池村 140322105202,
//               藏山村 140322105223, 马乡村 140322101208);
//   [name]      a real unit of that township by name (same pages, or 綦江区古南街道's list of
//               community names), code invented;
//   unmarked    invented, plausible for the area (a township seat's village often bears its name).
// Treat every unmarked or [name] code as fictitious.

import type { Jurisdiction } from "@/lib/rules/domain";

export type RegionLevel = "PROVINCE" | "CITY" | "COUNTY" | "TOWNSHIP" | "VILLAGE";

export interface DemoRegion {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  /** Codes from the province down to this region, joined by "/". */
  path: string;
  /**
   * The rules module's jurisdiction where a policy territory begins (RULES.md: CN-SX-YQ is 阳泉市);
   * everything below inherits the nearest one.
   */
  jurisdiction: Jurisdiction | null;
}

export type CountyKey = "yx" | "qj";

export interface DemoCounty {
  key: CountyKey;
  /** GB/T 2260 county code; also the area code of the demo people's ID numbers. */
  code: string;
  name: string;
  fullName: string;
  provinceCode: string;
  /** Province abbreviation used by the rules module and Person.hukouProvince. */
  province: "SX" | "CQ";
  /** Jurisdiction code of the rules module (../shared/golden/README.md). */
  jurisdiction: "CN-SX-YQ" | "CN-CQ-QJ";
  /** City-level region above the county, or null where the county sits directly under a 直辖市. */
  cityCode: string | null;
}

interface TownshipSpec {
  code: string;
  name: string;
  /** [3-digit suffix, name] — unverified, see the header. */
  villages: readonly (readonly [string, string])[];
}

const YUXIAN_TOWNSHIPS: readonly TownshipSpec[] = [
  { code: "140322100", name: "秀水镇", villages: [["001", "北园社区"], ["200", "东关村"], ["201", "西关村"]] },
  // 孙家庄村 [name], 马乡村 [verified], 乌玉村 [name]
  { code: "140322101", name: "孙家庄镇", villages: [["200", "孙家庄村"], ["208", "马乡村"], ["210", "乌玉村"]] },
  { code: "140322102", name: "路家村镇", villages: [["200", "路家村村"], ["201", "下曹村"]] },
  // 南娄村 [name], 西小坪村 [name]
  { code: "140322103", name: "南娄镇", villages: [["200", "南娄村"], ["201", "西小坪村"], ["202", "北庄村"]] },
  { code: "140322104", name: "牛村镇", villages: [["200", "牛村村"], ["201", "西坪村"]] },
  // all three [verified]
  { code: "140322105", name: "苌池镇", villages: [["200", "东苌池村"], ["202", "南苌池村"], ["223", "藏山村"]] },
  { code: "140322106", name: "上社镇", villages: [["200", "上社村"], ["201", "下社村"]] },
  { code: "140322107", name: "西烟镇", villages: [["200", "西烟村"], ["201", "红崖头村"]] },
  { code: "140322200", name: "仙人乡", villages: [["200", "仙人村"], ["201", "长池村"]] },
  { code: "140322201", name: "北下庄乡", villages: [["200", "北下庄村"], ["201", "大贤村"]] },
  { code: "140322203", name: "梁家寨乡", villages: [["200", "梁家寨村"], ["201", "温池村"]] },
  { code: "140322204", name: "西潘乡", villages: [["200", "西潘村"], ["201", "龙华口村"]] },
  { code: "140322205", name: "东梁乡", villages: [["200", "东梁村"], ["201", "峪里村"]] },
];

const QIJIANG_TOWNSHIPS: readonly TownshipSpec[] = [
  // 綦齿社区, 新山村社区, 百步梯社区 [name]
  { code: "500110001", name: "古南街道", villages: [["001", "綦齿社区"], ["002", "新山村社区"], ["003", "百步梯社区"]] },
  { code: "500110002", name: "文龙街道", villages: [["001", "九龙社区"], ["200", "红岩村"]] },
  { code: "500110003", name: "三江街道", villages: [["001", "三江社区"], ["200", "龙泉村"]] },
  { code: "500110006", name: "新盛街道", villages: [["001", "新盛社区"], ["200", "紫荆村"]] },
  { code: "500110007", name: "通惠街道", villages: [["001", "通惠社区"], ["200", "双星村"]] },
  { code: "500110108", name: "石角镇", villages: [["001", "石角社区"], ["200", "石泉村"]] },
  { code: "500110109", name: "东溪镇", villages: [["001", "东溪社区"], ["200", "福林村"], ["201", "书院村"]] },
  { code: "500110110", name: "赶水镇", villages: [["001", "赶水社区"], ["200", "草坪村"]] },
  { code: "500110111", name: "打通镇", villages: [["001", "打通社区"], ["200", "吹角村"]] },
  { code: "500110112", name: "石壕镇", villages: [["001", "石壕社区"], ["200", "万隆村"]] },
  { code: "500110113", name: "永新镇", villages: [["001", "永新社区"], ["200", "梨园村"]] },
  { code: "500110114", name: "三角镇", villages: [["001", "三角社区"], ["200", "红星村"]] },
  { code: "500110115", name: "隆盛镇", villages: [["001", "隆盛社区"], ["200", "五斗村"]] },
  { code: "500110116", name: "郭扶镇", villages: [["001", "郭扶社区"], ["200", "高庙村"]] },
  { code: "500110117", name: "篆塘镇", villages: [["001", "篆塘社区"], ["200", "金星村"]] },
  { code: "500110118", name: "丁山镇", villages: [["001", "丁山社区"], ["200", "继红村"]] },
  { code: "500110119", name: "安稳镇", villages: [["001", "安稳社区"], ["200", "崇河村"]] },
  { code: "500110120", name: "扶欢镇", villages: [["001", "扶欢社区"], ["200", "东城村"]] },
  { code: "500110121", name: "永城镇", villages: [["001", "永城社区"], ["200", "中华村"]] },
  { code: "500110123", name: "中峰镇", villages: [["001", "中峰社区"], ["200", "黄荆村"]] },
  { code: "500110124", name: "横山镇", villages: [["001", "横山社区"], ["200", "新木村"]] },
];

export const DEMO_COUNTIES: readonly DemoCounty[] = [
  {
    key: "yx",
    code: "140322",
    name: "盂县",
    fullName: "山西省阳泉市盂县",
    provinceCode: "140000",
    province: "SX",
    jurisdiction: "CN-SX-YQ",
    cityCode: "140300",
  },
  {
    key: "qj",
    code: "500110",
    name: "綦江区",
    fullName: "重庆市綦江区",
    provinceCode: "500000",
    province: "CQ",
    jurisdiction: "CN-CQ-QJ",
    cityCode: null,
  },
];

function buildRegions(): DemoRegion[] {
  const out: DemoRegion[] = [];
  const add = (code: string, name: string, level: RegionLevel, parent: DemoRegion | null, jurisdiction: Jurisdiction | null = null): DemoRegion => {
    const r: DemoRegion = { code, name, level, parentCode: parent?.code ?? null, path: parent ? `${parent.path}/${code}` : code, jurisdiction };
    out.push(r);
    return r;
  };
  const addTownships = (county: DemoRegion, specs: readonly TownshipSpec[]) => {
    for (const t of specs) {
      const town = add(t.code, t.name, "TOWNSHIP", county);
      for (const [suffix, name] of t.villages) add(`${t.code}${suffix}`, name, "VILLAGE", town);
    }
  };
  const shanxi = add("140000", "山西省", "PROVINCE", null, "CN-SX");
  const yangquan = add("140300", "阳泉市", "CITY", shanxi, "CN-SX-YQ");
  addTownships(add("140322", "盂县", "COUNTY", yangquan), YUXIAN_TOWNSHIPS);
  // 重庆市 is a 直辖市: its districts sit directly under it (GB/T 2260 lists 500100 "市辖区" only as a
  // grouping, not as an administrative level).
  const chongqing = add("500000", "重庆市", "PROVINCE", null);
  // Chongqing itself has no jurisdiction of the rules module (CN-CQ is a tree node no one lives in).
  addTownships(add("500110", "綦江区", "COUNTY", chongqing, "CN-CQ-QJ"), QIJIANG_TOWNSHIPS);
  return out;
}

/** Every demo region, parents before children. */
export const DEMO_REGIONS: readonly DemoRegion[] = buildRegions();

const BY_CODE: ReadonlyMap<string, DemoRegion> = new Map(DEMO_REGIONS.map((r) => [r.code, r]));

export function regionByCode(code: string): DemoRegion | undefined {
  return BY_CODE.get(code);
}

function mustGet(code: string): DemoRegion {
  const r = BY_CODE.get(code);
  if (!r) throw new Error(`unknown demo region ${code}`);
  return r;
}

export function childrenOf(code: string): DemoRegion[] {
  return DEMO_REGIONS.filter((r) => r.parentCode === code);
}

/** The region and everything below it. */
export function descendantsOf(code: string, includeSelf = false): DemoRegion[] {
  const root = mustGet(code);
  return DEMO_REGIONS.filter((r) => (r.path.startsWith(`${root.path}/`) || (includeSelf && r.code === code)));
}

/** From the province down to (and including) the region. */
export function ancestorsOf(code: string): DemoRegion[] {
  return mustGet(code).path.split("/").map(mustGet);
}

/** True when `code` is `ancestorCode` or lies below it. */
export function isWithin(code: string, ancestorCode: string): boolean {
  return mustGet(code).path.split("/").includes(ancestorCode);
}

/** "山西省阳泉市盂县秀水镇东关村" — the names from the province down, concatenated. */
export function regionFullName(code: string): string {
  return ancestorsOf(code).map((r) => r.name).join("");
}

export function countyByKey(key: CountyKey): DemoCounty {
  const c = DEMO_COUNTIES.find((x) => x.key === key);
  if (!c) throw new Error(`unknown county key ${key}`);
  return c;
}

/** The demo county a region belongs to (undefined for a province or city). */
export function countyOf(code: string): DemoCounty | undefined {
  const chain = mustGet(code).path.split("/");
  return DEMO_COUNTIES.find((c) => chain.includes(c.code));
}

export function townshipsOf(countyCode: string): DemoRegion[] {
  return childrenOf(countyCode).filter((r) => r.level === "TOWNSHIP");
}

export function villagesOf(townshipCode: string): DemoRegion[] {
  return childrenOf(townshipCode).filter((r) => r.level === "VILLAGE");
}

/** The township a village (or the township itself) belongs to. */
export function townshipOf(code: string): DemoRegion | undefined {
  return ancestorsOf(code).find((r) => r.level === "TOWNSHIP");
}

/** Whether a village-level unit is a 社区/居委会 (code suffix 001–199) rather than a 村委会. */
export function isUrbanCommunity(villageCode: string): boolean {
  return mustGet(villageCode).level === "VILLAGE" && Number(villageCode.slice(9)) < 200;
}
