// The accumulator catalogue is a ledger contract: the stored key shapes are pinned here, and every
// key round-trips through construction and parsing with its unit.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AccumulatorPeriodError, accumulatorKey, accumulatorsJson, parseAccumulatorKey } from "./accumulator-keys";
import type { AssistanceLimitKey, AssistanceSharedLimitKey } from "./library/accumulator-kinds";
import { ACCUMULATOR_KIND_IDS, ACCUMULATOR_KINDS, ACCUMULATOR_PROGRAMMES, ACCUMULATOR_PERIODS, ASSISTANCE_LIMIT_KINDS, ASSISTANCE_SHARED_LIMIT_KINDS, TWO_DISEASE_KINDS } from "./library/accumulator-kinds";
import { TWO_DISEASE_KEYS } from "./library/parameters";
import { DEFAULT_LIBRARY_DATA, LibraryValidationError, loadLibrary } from "./library/policy-library";

describe("accumulator catalogue", () => {
  it("stores exactly these key shapes (renaming one is a ledger migration)", () => {
    const shapes = ACCUMULATOR_KIND_IDS.map((kind) => {
      const definition = ACCUMULATOR_KINDS[kind];
      return `${definition.programme}:<${definition.period}>:${definition.name} ${definition.unit}`;
    });
    expect(shapes).toEqual([
      "insurance:<YEAR>:admissions COUNT",
      "insurance:<YEAR>:paid FEN",
      "insurance:<YEAR>:twoDiseases.HYPERTENSION FEN",
      "insurance:<YEAR>:twoDiseases.DIABETES_T1 FEN",
      "insurance:<YEAR>:twoDiseases.DIABETES_OTHER FEN",
      "criticalIllness:<YEAR>:oop FEN",
      "assistance:<YEAR>:oneOffBase FEN",
      "assistance:<YEAR>:inpatient.extremePoverty FEN",
      "assistance:<YEAR>:inpatient.general FEN",
      "assistance:<YEAR>:outpatient.extremePoverty FEN",
      "assistance:<YEAR>:outpatient.subsistence FEN",
      "assistance:<YEAR>:outpatient.paid FEN",
      "assistance:<YEAR>:rareDisease FEN",
      "specialCare:<YEAR>:inpatient FEN",
      "specialCare:<YEAR>:largeLeft FEN",
      "card:<CARD_YEAR>:pharmacy FEN",
      "card:<QUARTER>:chronicOwn FEN",
    ]);
  });

  it("kind ids are programme.name, names are unique per programme and never contain a colon", () => {
    const stored = new Set<string>();
    for (const kind of ACCUMULATOR_KIND_IDS) {
      const definition = ACCUMULATOR_KINDS[kind];
      expect(kind).toBe(`${definition.programme}.${definition.name}`);
      expect(definition.name).not.toContain(":");
      expect(definition.label).toMatch(/[\u4e00-\u9fff]/);
      expect(definition.citation.article).not.toBe("");
      stored.add(`${definition.programme}:${definition.name}`);
    }
    expect(stored.size).toBe(ACCUMULATOR_KIND_IDS.length);
  });

  it("every kind round-trips through its key", () => {
    for (const kind of ACCUMULATOR_KIND_IDS) {
      const period = ACCUMULATOR_PERIODS[ACCUMULATOR_KINDS[kind].period].example;
      const key = accumulatorKey(kind, period);
      expect(parseAccumulatorKey(key), key).toMatchObject({ key, kind, period });
      // Interned: the hot path gets the same string back.
      expect(accumulatorKey(kind, period)).toBe(key);
    }
    expect(accumulatorKey("insurance.paid", "2025")).toBe("insurance:2025:paid");
    expect(accumulatorKey("card.pharmacy", "2026-04-10")).toBe("card:2026-04-10:pharmacy");
    expect(accumulatorKey("card.chronicOwn", "2026Q3")).toBe("card:2026Q3:chronicOwn");
  });

  it("refuses a period of the wrong shape for the kind", () => {
    expect(() => accumulatorKey("insurance.paid", "2025Q1")).toThrow(AccumulatorPeriodError);
    expect(() => accumulatorKey("card.pharmacy", "2026")).toThrow(AccumulatorPeriodError);
    expect(() => accumulatorKey("card.chronicOwn", "2026Q5")).toThrow(AccumulatorPeriodError);
  });

  it("parses nothing the catalogue does not know", () => {
    for (const key of ["insurance:2025:unknown", "insurance:2025Q1:paid", "insurance:2025", "insurance:2025:paid:x", "nowhere:2025:paid", ""]) {
      expect(parseAccumulatorKey(key), key).toBeNull();
    }
  });

  it("assistance rows and two-diseases limits name their kinds, and the library's rows all have one", () => {
    for (const [limitKey, kind] of Object.entries(ASSISTANCE_LIMIT_KINDS)) expect(ACCUMULATOR_KINDS[kind]).toMatchObject({ programme: "assistance", name: limitKey });
    for (const key of TWO_DISEASE_KEYS) expect(ACCUMULATOR_KINDS[TWO_DISEASE_KINDS[key]]).toMatchObject({ programme: "insurance", name: `twoDiseases.${key}` });
    const rows = DEFAULT_LIBRARY_DATA.parameters["assistance.rows"].versions.flatMap((version) => version.value);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(Object.keys(ASSISTANCE_LIMIT_KINDS)).toContain(row.limitKey);
    for (const [sharedKey, kind] of Object.entries(ASSISTANCE_SHARED_LIMIT_KINDS)) expect(ACCUMULATOR_KINDS[kind]).toMatchObject({ programme: "assistance", name: sharedKey });
    const shared = rows.flatMap((row) => (row.sharedLimit === null ? [] : [row.sharedLimit.key]));
    // Reading 9: the two outpatient rows share one limit.
    expect(shared.length).toBeGreaterThanOrEqual(2);
    for (const key of shared) expect(Object.keys(ASSISTANCE_SHARED_LIMIT_KINDS)).toContain(key);
  });

  it("a library whose assistance row names no catalogue kind does not load", () => {
    const rowsDefinition = DEFAULT_LIBRARY_DATA.parameters["assistance.rows"];
    const broken = {
      ...DEFAULT_LIBRARY_DATA,
      parameters: {
        ...DEFAULT_LIBRARY_DATA.parameters,
        "assistance.rows": {
          ...rowsDefinition,
          // A library read from a file is not checked by the compiler: the loader must catch it.
          versions: rowsDefinition.versions.map((version) => ({ ...version, value: version.value.map((row) => ({ ...row, limitKey: "nowhere" as AssistanceLimitKey })) })),
        },
      },
    };
    expect(() => loadLibrary(broken)).toThrow(LibraryValidationError);
  });

  it("a library whose shared assistance limit names no catalogue kind does not load", () => {
    const rowsDefinition = DEFAULT_LIBRARY_DATA.parameters["assistance.rows"];
    const broken = {
      ...DEFAULT_LIBRARY_DATA,
      parameters: {
        ...DEFAULT_LIBRARY_DATA.parameters,
        "assistance.rows": {
          ...rowsDefinition,
          versions: rowsDefinition.versions.map((version) => ({ ...version, value: version.value.map((row) => (row.sharedLimit === null ? row : { ...row, sharedLimit: { ...row.sharedLimit, key: "nowhere" as AssistanceSharedLimitKey } })) })),
        },
      },
    };
    expect(() => loadLibrary(broken)).toThrow(LibraryValidationError);
  });

  it("prints money as yuan and counts as whole numbers, keys sorted", () => {
    const json = accumulatorsJson({ [accumulatorKey("insurance.paid", "2025")]: 1_416_000n, [accumulatorKey("insurance.admissions", "2025")]: 2n });
    expect(json).toEqual({ "insurance:2025:admissions": "2", "insurance:2025:paid": "14160.00" });
    expect(Object.keys(json)).toEqual(["insurance:2025:admissions", "insurance:2025:paid"]);
  });
});

describe("no key is spelled by hand", () => {
  it("outside the key module, no engine source writes a `programme:` string", () => {
    const root = join(__dirname);
    const files = readdirSync(root, { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts") && name !== "accumulator-keys.ts")
      .sort();
    expect(files.length).toBeGreaterThan(20);
    const spelled = new RegExp(`["'\`](?:${ACCUMULATOR_PROGRAMMES.join("|")}):`);
    const offenders = files.filter((name) => spelled.test(readFileSync(join(root, name), "utf8")));
    expect(offenders).toEqual([]);
  });
});
