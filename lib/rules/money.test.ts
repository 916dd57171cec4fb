// Exact money: half-up rounding once, parsing and formatting, and a scan of the rules sources
// that fails if binary floating point creeps into the money code.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { applyRate, formatRate, formatYuan, parseRate, parseYuan, percent, roundHalfUp } from "./money";

describe("money", () => {
  it("parses and formats yuan exactly", () => {
    expect(parseYuan("1234.5")).toBe(123450n);
    expect(parseYuan("0.07")).toBe(7n);
    expect(parseYuan("100")).toBe(10000n);
    expect(formatYuan(7n)).toBe("0.07");
    expect(formatYuan(123450n)).toBe("1234.50");
    expect(formatYuan(-5n)).toBe("-0.05");
  });

  it("rounds half-up once", () => {
    expect(roundHalfUp(5n, 2n)).toBe(3n);
    expect(roundHalfUp(-5n, 2n)).toBe(-3n);
    expect(roundHalfUp(149n, 100n)).toBe(1n);
    expect(applyRate(parseYuan("0.05"), percent(50))).toBe(3n); // 0.025 → 0.03
    expect(applyRate(parseYuan("33.33"), percent(15))).toBe(500n); // 4.9995 → 5.00
  });

  it("parses rates exactly", () => {
    expect(parseRate("0.25")).toEqual({ num: 25n, den: 100n });
    expect(formatRate(percent(85))).toBe("85%");
    expect(formatRate({ num: 1n, den: 2n })).toBe("50%");
  });
});

/** Source files of the rules module that handle money (tests, bench and factories excluded). */
function moneySources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...moneySources(path));
    else if (name.endsWith(".ts") && !name.endsWith(".test.ts") && name !== "bench.ts" && name !== "test-factories.ts") out.push(path);
  }
  return out;
}

/** Drops comments and string literals so only code is scanned. */
function codeOnly(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/[^\n]*/g, "")
    .replace(/`(?:\\.|[^`\\])*`/g, '""')
    .replace(/"(?:\\.|[^"\\])*"/g, '""')
    .replace(/'(?:\\.|[^'\\])*'/g, '""');
}

describe("no binary floating point in the money code", () => {
  const files = moneySources(__dirname);
  // Date parsing turns "2025" into a number of years; that is not money.
  const numberAllowed = new Set(["dates.ts"]);

  it("scans a real set of files", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  for (const file of files) {
    const name = relative(__dirname, file);
    it(name, () => {
      const code = codeOnly(readFileSync(file, "utf8"));
      const problems: string[] = [];
      if (/\bparseFloat\s*\(/.test(code)) problems.push("parseFloat");
      if (/\.toFixed\s*\(/.test(code)) problems.push("toFixed");
      if (/\bMath\.(round|floor|ceil|trunc)\s*\(/.test(code) && !numberAllowed.has(name)) problems.push("Math rounding");
      if (/(?<![\w.])\d+\.\d+(?![\w.])/.test(code)) problems.push("float literal");
      if (/\bNumber\s*\(/.test(code) && !numberAllowed.has(name)) problems.push("Number(");
      if (/\bparseInt\s*\(/.test(code)) problems.push("parseInt");
      expect(problems).toEqual([]);
    });
  }
});
