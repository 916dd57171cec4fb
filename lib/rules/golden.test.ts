// Golden cases: every case in test/fixtures/golden, test/fixtures/reviewed and, when present, ../shared/golden, through the
// module and through the CLI (one spawn with all files), compared field by field with `expected`.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCaseFile } from "./case.schema";
import { caseResultJson, runCase } from "./run-case";

const ROOT = resolve(__dirname, "..", "..");
// test/fixtures/reviewed: cases worked by hand from RULES.md in an independent review (README there).
const FOLDERS = [join(ROOT, "test", "fixtures", "golden"), join(ROOT, "test", "fixtures", "reviewed"), join(ROOT, "..", "shared", "golden")].filter((folder) => existsSync(folder));

type Expected = { claims?: Record<string, Record<string, string>>; entitlements?: Array<Record<string, unknown>> };
type GoldenFile = { path: string; id: string; expected: Expected; json: unknown };

const files: GoldenFile[] = FOLDERS.flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => {
      const path = join(folder, name);
      const json: unknown = JSON.parse(readFileSync(path, "utf8"));
      const record = json as { id: string; expected: Expected };
      return { path, id: record.id, expected: record.expected, json };
    }),
);

function mismatches(expected: Expected, got: { claims: Record<string, unknown>; entitlements: unknown[] }): string[] {
  const bad: string[] = [];
  for (const [claimId, fields] of Object.entries(expected.claims ?? {})) {
    const claim = got.claims[claimId] as Record<string, unknown> | undefined;
    for (const [field, value] of Object.entries(fields)) if (claim?.[field] !== value) bad.push(`${claimId}.${field}: expected ${value}, got ${String(claim?.[field])}`);
  }
  (expected.entitlements ?? []).forEach((fields, index) => {
    const entitlement = got.entitlements[index] as Record<string, unknown> | undefined;
    for (const [field, value] of Object.entries(fields)) {
      if (JSON.stringify(entitlement?.[field]) !== JSON.stringify(value)) bad.push(`entitlements[${index}].${field}: expected ${JSON.stringify(value)}, got ${JSON.stringify(entitlement?.[field])}`);
    }
  });
  return bad;
}

describe("golden cases through the module", () => {
  it("found the fixtures", () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });
  for (const file of files) {
    it(`${file.id} (${file.path.replace(ROOT, ".")})`, () => {
      const parsed = parseCaseFile(file.json);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      const result = runCase(parsed.value);
      const output = caseResultJson(result);
      expect(mismatches(file.expected, output)).toEqual([]);
      // Worksheet promises: unique line ids within a claim, and personal = gross − every payout.
      for (const claim of result.claims) {
        const ids = claim.trace.map((line) => line.id);
        expect(new Set(ids).size, claim.claimId).toBe(ids.length);
        const a = claim.amounts;
        expect(a.personal).toBe(a.gross - a.discount - a.insurance - a.criticalIllness - a.assistance - a.specialCare - a.specialCareLarge - a.hospitalAbsorbed - a.card - a.memberDaySaving);
      }
    });
  }
});

describe("golden cases through the CLI", () => {
  it("prints one JSON object matching every expected field", () => {
    // One file per case id: the same case may sit in both folders.
    const unique = new Map<string, GoldenFile>();
    for (const file of files) if (!unique.has(file.id)) unique.set(file.id, file);
    const run = spawnSync("npx", ["tsx", "lib/rules/cli.ts", ...[...unique.values()].map((file) => file.path)], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 28 });
    expect(run.stderr.replace(/npm warn[^\n]*\n/g, "")).toBe("");
    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout) as Record<string, { claims: Record<string, unknown>; entitlements: unknown[] }>;
    for (const file of unique.values()) {
      const got = output[file.id];
      expect(got, file.id).toBeDefined();
      expect(got && mismatches(file.expected, got), file.id).toEqual([]);
    }
  });
});
