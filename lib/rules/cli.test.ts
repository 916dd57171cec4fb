// The CLI refuses invalid case files: non-zero exit, file + JSON path + problem on stderr, and
// nothing on stdout. Reads `-` from stdin.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "..", "..");
const G01 = JSON.parse(readFileSync(join(ROOT, "test", "fixtures", "golden", "G01.json"), "utf8")) as {
  id: string;
  claims: Array<Record<string, unknown> & { items: Array<Record<string, unknown>> }>;
  person: Record<string, unknown>;
};

function runCli(args: string[], input?: string) {
  const run = spawnSync("npx", ["tsx", "lib/rules/cli.ts", ...args], { cwd: ROOT, encoding: "utf8", input, maxBuffer: 1 << 26 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr.replace(/npm warn[^\n]*\n/g, "") };
}

function writeCase(name: string, mutate: (value: typeof G01) => void): string {
  const value = structuredClone(G01);
  mutate(value);
  const dir = mkdtempSync(join(tmpdir(), "rules-cli-"));
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

describe("CLI input errors", () => {
  const cases: Array<{ name: string; mutate: (value: typeof G01) => void; path: string }> = [
    { name: "bad-enum.json", mutate: (value) => void (value.claims[0]!.type = "HOSPICE"), path: "$.claims[0].type" },
    { name: "bad-date.json", mutate: (value) => void (value.claims[1]!.date = "2025-02-30"), path: "$.claims[1].date" },
    { name: "bad-amount.json", mutate: (value) => void (value.claims[0]!.items[1]!.amount = "4000.001"), path: "$.claims[0].items[1].amount" },
    { name: "number-amount.json", mutate: (value) => void (value.claims[0]!.items[0]!.amount = 20000), path: "$.claims[0].items[0].amount" },
    { name: "out-of-order.json", mutate: (value) => void (value.claims[1]!.date = "2025-01-02"), path: "$.claims[1].date" },
    { name: "bad-jurisdiction.json", mutate: (value) => void (value.person.jurisdiction = "CN-BJ"), path: "$.person.jurisdiction" },
    { name: "admitted-after-date.json", mutate: (value) => void (value.claims[0]!.admitted = "2025-03-11"), path: "$.claims[0].admitted" },
    { name: "insurance-ends-before-start.json", mutate: (value) => void (value.person.insurance = [{ scheme: "RESIDENT", from: "2015-01-01", to: "2014-12-31" }]), path: "$.person.insurance[0].to" },
  ];
  for (const testCase of cases) {
    it(`${testCase.name}: exit non-zero, names file and ${testCase.path}, prints nothing`, () => {
      const file = writeCase(testCase.name, testCase.mutate);
      const good = join(ROOT, "test", "fixtures", "golden", "G02.json");
      const run = runCli([good, file]);
      expect(run.status).not.toBe(0);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain(file);
      expect(run.stderr).toContain(testCase.path);
    });
  }

  it("invalid JSON is refused with the file name", () => {
    const dir = mkdtempSync(join(tmpdir(), "rules-cli-"));
    const file = join(dir, "broken.json");
    writeFileSync(file, "{ not json");
    const run = runCli([file]);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(file);
  });

  it("reads one case from stdin with -", () => {
    const run = runCli(["-"], readFileSync(join(ROOT, "test", "fixtures", "golden", "G02.json"), "utf8"));
    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout) as Record<string, { claims: Record<string, { assistance: string }> }>;
    expect(output.G02?.claims.c1?.assistance).toBe("970.00");
  });

  it("a bad case on stdin names <stdin>", () => {
    const run = runCli(["-"], JSON.stringify({ ...G01, claims: [{ ...G01.claims[0], date: "2025-13-01" }] }));
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("<stdin>: $.claims[0].date");
  });
});
