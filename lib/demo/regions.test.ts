import { describe, expect, it } from "vitest";
import {
  ancestorsOf,
  countyOf,
  DEMO_COUNTIES,
  DEMO_REGIONS,
  descendantsOf,
  isUrbanCommunity,
  isWithin,
  regionByCode,
  regionFullName,
  townshipOf,
  townshipsOf,
  villagesOf,
} from "./regions";

const LEVEL_DIGITS = { PROVINCE: 6, CITY: 6, COUNTY: 6, TOWNSHIP: 9, VILLAGE: 12 } as const;

describe("demo regions", () => {
  it("has unique codes and paths, parents before children", () => {
    expect(new Set(DEMO_REGIONS.map((r) => r.code)).size).toBe(DEMO_REGIONS.length);
    expect(new Set(DEMO_REGIONS.map((r) => r.path)).size).toBe(DEMO_REGIONS.length);
    const seen = new Set<string>();
    for (const r of DEMO_REGIONS) {
      expect(r.parentCode === null || seen.has(r.parentCode), r.code).toBe(true);
      seen.add(r.code);
    }
  });

  it("has well-formed codes and consistent paths", () => {
    for (const r of DEMO_REGIONS) {
      expect(r.code).toMatch(new RegExp(`^\\d{${LEVEL_DIGITS[r.level]}}$`));
      const parent = r.parentCode ? regionByCode(r.parentCode) : undefined;
      expect(r.path).toBe(parent ? `${parent.path}/${r.code}` : r.code);
      expect(r.path.split("/").at(-1)).toBe(r.code);
    }
    // Per level, over a non-empty set each, so no check can pass for want of rows.
    const atLevel = (level: keyof typeof LEVEL_DIGITS) => {
      const rows = DEMO_REGIONS.filter((r) => r.level === level);
      expect(rows.length, level).toBeGreaterThan(0);
      return rows;
    };
    for (const r of atLevel("PROVINCE")) {
      expect(r.parentCode).toBeNull();
      expect(r.code.endsWith("0000")).toBe(true);
    }
    for (const r of atLevel("CITY")) expect(r.code.slice(0, 2) + "0000").toBe(r.parentCode);
    for (const r of atLevel("COUNTY")) expect(r.code.slice(0, 2)).toBe(r.parentCode?.slice(0, 2));
    for (const r of atLevel("TOWNSHIP")) {
      expect(r.code.startsWith(r.parentCode ?? "x")).toBe(true);
      expect(regionByCode(r.parentCode ?? "")?.level).toBe("COUNTY");
    }
    for (const r of atLevel("VILLAGE")) {
      expect(r.code.startsWith(r.parentCode ?? "x")).toBe(true);
      expect(regionByCode(r.parentCode ?? "")?.level).toBe("TOWNSHIP");
    }
  });

  it("lists the real township sets", () => {
    expect(townshipsOf("140322").map((t) => t.name)).toEqual([
      "秀水镇", "孙家庄镇", "路家村镇", "南娄镇", "牛村镇", "苌池镇", "上社镇", "西烟镇",
      "仙人乡", "北下庄乡", "梁家寨乡", "西潘乡", "东梁乡",
    ]);
    const qj = townshipsOf("500110");
    expect(qj).toHaveLength(21);
    expect(qj.filter((t) => t.name.endsWith("街道"))).toHaveLength(5);
    expect(qj.map((t) => t.name)).not.toContain("万盛街道");
    expect(regionByCode("500110001")?.name).toBe("古南街道");
    expect(regionByCode("140322100")?.name).toBe("秀水镇");
  });

  it("gives every township 2–3 villages", () => {
    for (const c of DEMO_COUNTIES) {
      for (const t of townshipsOf(c.code)) {
        const v = villagesOf(t.code);
        expect(v.length).toBeGreaterThanOrEqual(2);
        expect(v.length).toBeLessThanOrEqual(3);
      }
    }
  });

  it("answers tree questions", () => {
    expect(ancestorsOf("140322100200").map((r) => r.code)).toEqual(["140000", "140300", "140322", "140322100", "140322100200"]);
    expect(regionFullName("140322100200")).toBe("山西省阳泉市盂县秀水镇东关村");
    expect(regionFullName("500110001001")).toBe("重庆市綦江区古南街道綦齿社区");
    expect(isWithin("140322100200", "140322")).toBe(true);
    expect(isWithin("140322100200", "500110")).toBe(false);
    expect(isWithin("140322", "140322")).toBe(true);
    expect(countyOf("500110109200")?.key).toBe("qj");
    expect(countyOf("140000")).toBeUndefined();
    expect(townshipOf("500110109200")?.name).toBe("东溪镇");
    expect(isUrbanCommunity("500110001001")).toBe(true);
    expect(isUrbanCommunity("500110109200")).toBe(false);
    expect(descendantsOf("140322").every((r) => r.path.startsWith("140000/140300/140322/"))).toBe(true);
    expect(descendantsOf("140322", true)[0]?.code).toBe("140322");
  });
});
