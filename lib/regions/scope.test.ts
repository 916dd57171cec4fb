import { describe, expect, it } from "vitest";
import { codesUnder, isPathInScope, regionWhere } from "@/lib/regions/scope";

const county = { regionPath: "140000/140300/140322" };
const township = { regionPath: "140000/140300/140322/140322100" };

describe("region scope", () => {
  it("a county sees its townships and villages", () => {
    expect(isPathInScope(county, "140000/140300/140322")).toBe(true);
    expect(isPathInScope(county, "140000/140300/140322/140322103/140322103201")).toBe(true);
  });
  it("a township sees itself and its villages only", () => {
    expect(isPathInScope(township, "140000/140300/140322/140322100/140322100201")).toBe(true);
    expect(isPathInScope(township, "140000/140300/140322/140322103/140322103201")).toBe(false);
    expect(isPathInScope(township, "140000/140300/140322")).toBe(false);
  });
  it("a prefix of digits is not a prefix of the tree", () => {
    expect(isPathInScope({ regionPath: "140000/140300/140322/14032210" }, "140000/140300/140322/140322100")).toBe(false);
  });
  it("builds the same rule as a query", () => {
    expect(regionWhere(township)).toEqual({
      OR: [{ path: "140000/140300/140322/140322100" }, { path: { startsWith: "140000/140300/140322/140322100/" } }],
    });
  });
  it("gives the codes under a township as a range of the same length", () => {
    expect(codesUnder("140322101")).toEqual({ gte: "140322101", lt: "140322102" });
    expect(codesUnder("140322199")).toEqual({ gte: "140322199", lt: "140322200" });
    expect(codesUnder("099999999")).toEqual({ gte: "099999999", lt: "100000000" });
    expect(codesUnder("999999999")).toEqual({ startsWith: "999999999" });
    const inside = (code: string) => {
      const r = codesUnder("140322109") as { gte: string; lt: string };
      return code >= r.gte && code < r.lt;
    };
    expect(["140322109", "140322109200", "140322109001"].map(inside)).toEqual([true, true, true]);
    expect(["140322108999", "140322110", "140322110200", "14032210"].map(inside)).toEqual([false, false, false, false]);
  });
});
