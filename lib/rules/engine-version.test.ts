// A receipt names the code that produced it: engine-version.ts must hold the hash of the rules
// module's current source, and the hash must move with every engine file and only with them.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ENGINE_VERSION, computeClaim } from "./compute-claim";
import { ENGINE_DIR, NOT_ENGINE, engineSourceFiles, engineSourceHash, engineVersionFile } from "./engine-source";
import { ENGINE_SOURCE_HASH } from "./engine-version";
import { sha256Hex } from "./receipt";
import { makeClaim, makePerson } from "./test-factories";

describe("engine version", () => {
  it("engine-version.ts holds the hash of the current source (else: npm run rules:version, and commit it)", () => {
    expect(ENGINE_SOURCE_HASH, "lib/rules changed since engine-version.ts was generated: run `npm run rules:version` and commit lib/rules/engine-version.ts").toBe(engineSourceHash());
    expect(readFileSync(join(ENGINE_DIR, "engine-version.ts"), "utf8")).toBe(engineVersionFile(ENGINE_SOURCE_HASH));
  });

  it("hashes the computing files: stages, library, chain; not tests, entry points, tooling or itself", () => {
    const files = engineSourceFiles();
    expect(files.length).toBeGreaterThan(20);
    for (const file of ["compute-claim.ts", "money.ts", "library/parameters.ts", "library/reasons.ts", "stages/basic-insurance.ts", "case.schema.ts"]) expect(files).toContain(file);
    for (const file of NOT_ENGINE) expect(files).not.toContain(file);
    expect(files.filter((file) => file.endsWith(".test.ts"))).toEqual([]);
    expect([...files].sort()).toEqual(files);
  });

  it("receipts carry the release and the first 12 hex of the source hash", () => {
    expect(ENGINE_VERSION).toMatch(/^rules-engine\/\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
    expect(ENGINE_VERSION.endsWith(`+${ENGINE_SOURCE_HASH.slice(0, 12)}`)).toBe(true);
    const result = computeClaim(makePerson(), makeClaim({ amount: "1000.00" }), {}, { hasher: sha256Hex });
    expect(result.receipt?.engineVersion).toBe(ENGINE_VERSION);
  });

  describe("on a copy of the source", () => {
    const copy = mkdtempSync(join(tmpdir(), "rules-engine-"));
    cpSync(ENGINE_DIR, copy, { recursive: true });
    afterAll(() => rmSync(copy, { recursive: true, force: true }));
    const original = engineSourceHash(copy);

    it("the copy hashes as the source", () => {
      expect(original).toBe(engineSourceHash());
    });

    it("one changed character in a stage, or in the library data, changes the hash", () => {
      for (const file of ["stages/special-care.ts", "library/parameters.ts"]) {
        const path = join(copy, file);
        const text = readFileSync(path, "utf8");
        writeFileSync(path, `${text} `);
        expect(engineSourceHash(copy), file).not.toBe(original);
        writeFileSync(path, text);
      }
      expect(engineSourceHash(copy)).toBe(original);
    });

    it("a new engine file changes it; tests, the CLI and CRLF line endings do not", () => {
      writeFileSync(join(copy, "money.test.ts"), "// another test\n");
      writeFileSync(join(copy, "cli.ts"), "// another cli\n");
      const money = join(copy, "money.ts");
      const text = readFileSync(money, "utf8");
      writeFileSync(money, text.replace(/\n/g, "\r\n"));
      expect(engineSourceHash(copy)).toBe(original);
      writeFileSync(join(copy, "stages", "new-stage.ts"), "export {};\n");
      expect(engineSourceHash(copy)).not.toBe(original);
    });
  });
});
