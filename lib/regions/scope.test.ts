import { describe, expect, it } from "vitest";
import { isPathInScope, regionWhere } from "@/lib/regions/scope";

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
});
