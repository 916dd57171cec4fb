import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// UI text lives in messages/*.json; pages and components carry none of their own. Comments may
// speak Chinese; code may not.
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("no hard-coded UI text", () => {
  it("app/ and components/ contain no Chinese outside comments", () => {
    const offenders: string[] = [];
    for (const file of [...files("app"), ...files("components")]) {
      const code = readFileSync(file, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/(^|[^:])\/\/.*$/gm, "$1");
      code.split("\n").forEach((line, i) => {
        if (/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
