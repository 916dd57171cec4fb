// What every golden case writes besides its figures: the accumulator keys a ledger will store.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAccumulatorKey } from "./accumulator-keys";
import { parseCaseFile } from "./case.schema";
import type { CaseResult } from "./run-case";
import { runCase } from "./run-case";

const ROOT = resolve(__dirname, "..", "..");
const FOLDERS = [join(ROOT, "test", "fixtures", "golden"), join(ROOT, "test", "fixtures", "reviewed"), join(ROOT, "..", "shared", "golden")].filter((folder) => existsSync(folder));

const cases: Array<{ name: string; result: CaseResult }> = FOLDERS.flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => {
      const parsed = parseCaseFile(JSON.parse(readFileSync(join(folder, name), "utf8")));
      if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.issues)}`);
      return { name: `${folder.replace(ROOT, ".")}/${name}`, result: runCase(parsed.value, { trace: true }) };
    }),
);

describe("accumulators written by the golden cases", () => {
  it("found the fixtures", () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });

  it("every key written is a catalogue kind with a period of its shape, and no total is negative", () => {
    const bad: string[] = [];
    let checked = 0;
    for (const { name, result } of cases) {
      for (const claim of result.claims) {
        for (const [key, value] of Object.entries(claim.accumulatorsAfter)) {
          checked++;
          if (parseAccumulatorKey(key) === null || value < 0n) bad.push(`${name} ${claim.claimId}: ${key} = ${value}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(bad).toEqual([]);
  });
});
