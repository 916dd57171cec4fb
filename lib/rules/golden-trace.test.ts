// What every golden case writes besides its figures: the accumulator keys a ledger will store, and
// trace lines whose formulas and citations come from the parameter versions they read.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAccumulatorKey } from "./accumulator-keys";
import { parseCaseFile } from "./case.schema";
import type { TraceLine, TraceParamRef } from "./claim-context";
import { paramText } from "./formula-text";
import type { CaseFile } from "./domain";
import { DOCUMENT_KEYS } from "./library/documents";
import type { ParameterCatalogue, ParameterDefinition, ParameterId, ParameterVersion } from "./library/parameters";
import type { PolicyLibrary } from "./library/policy-library";
import { DEFAULT_LIBRARY, DEFAULT_LIBRARY_DATA, loadLibrary } from "./library/policy-library";
import { REASON_CODES, REASONS } from "./library/reasons";
import type { Rate } from "./money";
import type { CaseResult } from "./run-case";
import { runCase } from "./run-case";

const ROOT = resolve(__dirname, "..", "..");
const FOLDERS = [join(ROOT, "test", "fixtures", "golden"), join(ROOT, "test", "fixtures", "reviewed"), join(ROOT, "..", "shared", "golden")].filter((folder) => existsSync(folder));

const cases: Array<{ name: string; file: CaseFile; result: CaseResult }> = FOLDERS.flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => {
      const parsed = parseCaseFile(JSON.parse(readFileSync(join(folder, name), "utf8")));
      if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.issues)}`);
      return { name: `${folder.replace(ROOT, ".")}/${name}`, file: parsed.value, result: runCase(parsed.value, { trace: true }) };
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

type LineRef = { where: string; line: TraceLine };
type Run = { name: string; library: PolicyLibrary; lines: LineRef[] };

function isRate(value: object): value is Rate {
  return "num" in value && "den" in value && typeof value.num === "bigint" && typeof value.den === "bigint" && Object.keys(value).length === 2;
}

/** Every money amount +1 yuan, every rate × 99 %, every count +1: a typed number can no longer match. */
function perturb(value: unknown): unknown {
  if (typeof value === "bigint") return value + 100n;
  if (typeof value === "number") return value + 1;
  if (Array.isArray(value)) return value.map(perturb);
  if (value !== null && typeof value === "object") {
    if (isRate(value)) return { num: value.num * 99n, den: value.den * 100n };
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, perturb(entry)]));
  }
  return value;
}

function perturbedLibrary(): PolicyLibrary {
  const source = DEFAULT_LIBRARY_DATA.parameters;
  const ids = Object.keys(source) as ParameterId[];
  const parameters = Object.fromEntries(
    ids.map((id) => {
      const definition: ParameterDefinition<unknown> = source[id];
      // Articles change too, so a citation typed into a stage no longer matches its version's.
      const versions = definition.versions.map((version) => ({ ...version, value: perturb(version.value), citation: { ...version.citation, article: `${version.citation.article}′` } }));
      return [id, { ...definition, versions }];
    }),
  ) as ParameterCatalogue;
  return loadLibrary({ documents: DEFAULT_LIBRARY_DATA.documents, parameters });
}

function linesOf(library: PolicyLibrary): LineRef[] {
  return cases.flatMap(({ name, file }) => {
    const result = runCase(file, { trace: true, library });
    return [
      ...result.claims.flatMap((claim) => claim.trace.map((line) => ({ where: `${name} ${claim.claimId} ${line.id}`, line }))),
      ...result.entitlements.flatMap((entitlement, index) => entitlement.trace.map((line) => ({ where: `${name} entitlements[${index}] ${line.id}`, line }))),
    ];
  });
}

const runs: Run[] = [
  { name: "the library", library: DEFAULT_LIBRARY, lines: linesOf(DEFAULT_LIBRARY) },
  { name: "the library with every figure and article changed", library: perturbedLibrary(), lines: [] },
];
const [asIs, changed] = runs as [Run, Run];
changed.lines = linesOf(changed.library);

/** The parameter version a trace line names, exactly (jurisdiction and first day). */
function versionOf(library: PolicyLibrary, ref: TraceParamRef): ParameterVersion<unknown> | undefined {
  const versions: readonly ParameterVersion<unknown>[] = library.data.parameters[ref.id].versions;
  return versions.find((version) => version.jurisdiction === ref.jurisdiction && version.from === ref.from);
}

/** Every money, rate and count of a parameter value as a formula prints it; its strings apart. */
function leaves(value: unknown, numbers: Set<string>, strings: Set<string>): void {
  if (typeof value === "bigint" || typeof value === "number") numbers.add(paramText(value));
  else if (typeof value === "string") strings.add(value);
  else if (Array.isArray(value)) for (const entry of value) leaves(entry, numbers, strings);
  else if (value !== null && typeof value === "object") {
    if (isRate(value)) numbers.add(paramText(value));
    else for (const entry of Object.values(value)) leaves(entry, numbers, strings);
  }
}

// Text that may carry digits without being a rate or cap: a reading of RULES.md named as such
// ("解释：RULES 2026-12-01 第8条") and document keys ("SX-JM-2024").
const NOT_A_FIGURE = new RegExp(`解释：RULES \\d{4}-\\d{2}-\\d{2} 第\\d+条|${DOCUMENT_KEYS.join("|")}`, "g");
const FIGURE = /\d+(?:\.\d+)?(?:万元|元|%)?/g;

function figures(formula: string): string[] {
  return formula.replace(NOT_A_FIGURE, "").match(FIGURE) ?? [];
}

const REASON_CITATIONS = new Set(REASON_CODES.map((code) => JSON.stringify(REASONS[code].citation)).filter((text) => text !== "null"));

describe("trace formulas print the library's figures, and cite the versions they read", () => {
  it("reads a real set of lines and figures", () => {
    expect(asIs.lines.length).toBeGreaterThan(2000);
    expect(changed.lines.length).toBeGreaterThan(2000);
    expect(asIs.lines.flatMap(({ line }) => figures(line.formula)).length).toBeGreaterThan(300);
  });

  it("the changed library really changes what formulas print", () => {
    const before = new Set(asIs.lines.map(({ where, line }) => `${where} ${line.formula}`));
    const differing = changed.lines.filter(({ where, line }) => !before.has(`${where} ${line.formula}`));
    expect(differing.length).toBeGreaterThan(300);
  });

  for (const run of runs) {
    it(`with ${run.name}: every parameter version a line names exists`, () => {
      const missing = run.lines.flatMap(({ where, line }) => line.params.filter((ref) => versionOf(run.library, ref) === undefined).map((ref) => `${where}: ${ref.id} ${ref.jurisdiction} ${ref.from}`));
      expect(missing).toEqual([]);
    });

    // The rule: a number in a formula, with its unit (元/万元 money, % rate, bare count or days), must
    // be the value, printed by paramText, of a parameter version listed in that line's `params`.
    // Inputs do not count: a typed number equal to an input copied from a parameter would pass.
    it(`with ${run.name}: every number in every formula is a value of a parameter version the line lists`, () => {
      const typed: string[] = [];
      for (const { where, line } of run.lines) {
        const allowed = new Set<string>();
        for (const ref of line.params) leaves(versionOf(run.library, ref)?.value, allowed, new Set());
        for (const figure of figures(line.formula)) if (!allowed.has(figure)) typed.push(`${where}: ${figure} in "${line.formula}"`);
      }
      expect(typed).toEqual([]);
    });

    // The rule: a line that lists parameter versions cites one of them: that version's citation, or a
    // clause its value carries (a fee rule's clause, an assistance row's article) in its document.
    // Otherwise (or with no versions) it cites nothing, or the library citation of a reason code
    // (library/reasons.ts) for a line that records why a stage paid nothing or chose otherwise.
    it(`with ${run.name}: every citation comes from a parameter version the line read, or a reason code`, () => {
      const typed: string[] = [];
      for (const { where, line } of run.lines) {
        const citation = line.citation;
        const fromVersion = line.params.some((ref) => {
          const version = versionOf(run.library, ref);
          if (!version || citation === null || citation.document !== version.citation.document) return false;
          const clauses = new Set<string>();
          leaves(version.value, new Set(), clauses);
          return citation.article === version.citation.article || clauses.has(citation.article);
        });
        const ok = citation === null ? line.params.length === 0 : fromVersion || REASON_CITATIONS.has(JSON.stringify(citation));
        if (!ok) typed.push(`${where}: ${JSON.stringify(citation)} with params [${line.params.map((ref) => ref.id).join(", ")}]`);
      }
      expect(typed).toEqual([]);
    });
  }
});
