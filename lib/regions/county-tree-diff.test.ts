import { describe, expect, it } from "vitest";
import { jurisdictionsForProvince, parseJurisdictionChoice, provinceCodeOf } from "@/lib/regions/county-jurisdiction";
import { oneTimePassword } from "@/lib/regions/county-cli";
import { diffCountyTree, type TreeRegion } from "@/lib/regions/county-tree-diff";
import type { DivisionCounty } from "@/lib/regions/divisions";
import { newPasswordSchema } from "@/lib/auth/password";
import { JURISDICTIONS } from "@/lib/rules/domain";

const DATASET: DivisionCounty = {
  code: "140322",
  name: "盂县",
  province: { code: "140000", name: "山西省" },
  city: { code: "140300", name: "阳泉市" },
  townships: [
    { code: "140322100", name: "秀水镇", villages: [{ code: "140322100101", name: "富春园社区居委会" }, { code: "140322100205", name: "西关村委会" }] },
    { code: "140322108", name: "仙人镇", villages: [{ code: "140322108200", name: "仙人村委会" }] },
    { code: "140322203", name: "梁家寨乡", villages: [] },
  ],
};

const row = (code: string, name: string, retired = false): TreeRegion => ({ code, name, level: code.length === 6 ? "COUNTY" : code.length === 9 ? "TOWNSHIP" : "VILLAGE", retired });

describe("diffCountyTree", () => {
  it("loads a whole county into an empty tree", () => {
    const changes = diffCountyTree([row("140322", "盂县")], DATASET);
    expect(changes.map((c) => `${c.kind} ${c.code}`)).toEqual(["ADD 140322100", "ADD 140322100101", "ADD 140322100205", "ADD 140322108", "ADD 140322108200", "ADD 140322203"]);
    expect(changes[2]).toEqual({ kind: "ADD", code: "140322100205", name: "西关村委会", level: "VILLAGE", parentCode: "140322100" });
  });

  it("matches by code: renamed, new, gone, and a retired code listed again", () => {
    const current = [
      row("140322", "盂县"),
      row("140322100", "秀水镇"),
      row("140322100001", "北园社区"),
      row("140322100205", "西关村"),
      row("140322200", "仙人乡"),
      row("140322200200", "仙人村"),
      row("140322203", "梁家寨乡", true),
    ];
    expect(diffCountyTree(current, DATASET)).toEqual([
      { kind: "GONE", code: "140322100001", level: "VILLAGE", name: "北园社区" },
      { kind: "ADD", code: "140322100101", name: "富春园社区居委会", level: "VILLAGE", parentCode: "140322100" },
      { kind: "RENAME", code: "140322100205", level: "VILLAGE", from: "西关村", to: "西关村委会" },
      { kind: "ADD", code: "140322108", name: "仙人镇", level: "TOWNSHIP", parentCode: "140322" },
      { kind: "ADD", code: "140322108200", name: "仙人村委会", level: "VILLAGE", parentCode: "140322108" },
      { kind: "GONE", code: "140322200", level: "TOWNSHIP", name: "仙人乡" },
      { kind: "GONE", code: "140322200200", level: "VILLAGE", name: "仙人村" },
      { kind: "RESTORE", code: "140322203", level: "TOWNSHIP", name: "梁家寨乡" },
    ]);
  });

  it("renames the county itself, never adds or removes it, and ignores what is already retired", () => {
    const current = [row("140322", "盂 县"), row("140322100", "秀水镇"), row("140322100101", "富春园社区居委会"), row("140322100205", "西关村委会"), row("140322108", "仙人镇"), row("140322108200", "仙人村委会"), row("140322203", "梁家寨乡"), row("140322999", "旧乡", true)];
    expect(diffCountyTree(current, DATASET)).toEqual([{ kind: "RENAME", code: "140322", level: "COUNTY", from: "盂 县", to: "盂县" }]);
  });

  it("finds nothing to do for a tree equal to the dataset", () => {
    const current = [row("140322", "盂县"), ...DATASET.townships.flatMap((t) => [row(t.code, t.name), ...t.villages.map((v) => row(v.code, v.name))])];
    expect(diffCountyTree(current, DATASET)).toEqual([]);
  });
});

describe("county jurisdictions", () => {
  it("offers a county the rules' jurisdictions of its own province only", () => {
    expect(jurisdictionsForProvince("140000")).toEqual(["CN-SX-YQ", "CN-SX"]);
    expect(jurisdictionsForProvince("500000")).toEqual(["CN-CQ-QJ"]);
    expect(jurisdictionsForProvince("130000")).toEqual([]);
    for (const j of JURISDICTIONS) expect(provinceCodeOf(j)).toMatch(/^\d{2}0000$/);
  });

  it("reads the form's and the CLI's choice", () => {
    expect(parseJurisdictionChoice("")).toBeNull();
    expect(parseJurisdictionChoice("none")).toBeNull();
    expect(parseJurisdictionChoice("CN-SX-YQ")).toBe("CN-SX-YQ");
    expect(parseJurisdictionChoice("CN-CQ")).toBeUndefined();
    expect(parseJurisdictionChoice("cn-sx-yq")).toBeUndefined();
  });
});

describe("oneTimePassword", () => {
  it("meets the password rules, and differs every time", () => {
    const passwords = Array.from({ length: 200 }, oneTimePassword);
    for (const p of passwords) expect(newPasswordSchema.safeParse(p).success, p).toBe(true);
    expect(new Set(passwords).size).toBe(200);
  });
});
