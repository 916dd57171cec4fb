// Command line: `npm run --silent rules -- FILES…` (or `-` for one case on stdin) prints one JSON
// object keyed by case id. Any invalid file: messages on stderr (file, JSON path, problem), exit 1,
// nothing on stdout.
import { readFileSync } from "node:fs";
import { parseCaseFile } from "./case.schema";
import type { CaseFile } from "./domain";
import { sha256Hex } from "./receipt";
import { caseResultJson, runCase } from "./run-case";
import type { JsonValue } from "./to-json";

function readSource(name: string): string {
  return name === "-" ? readFileSync(0, "utf8") : readFileSync(name, "utf8");
}

function main(argv: string[]): number {
  const names = argv.filter((arg) => arg !== "--");
  if (names.length === 0) {
    process.stderr.write("用法: npm run --silent rules -- 案例文件.json [更多文件…]（- 表示从标准输入读取）\n");
    return 2;
  }
  const errors: string[] = [];
  const cases: Array<{ name: string; value: CaseFile }> = [];
  for (const name of names) {
    const label = name === "-" ? "<stdin>" : name;
    let text: string;
    try {
      text = readSource(name);
    } catch (error) {
      errors.push(`${label}: $: 无法读取文件 (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      errors.push(`${label}: $: 不是合法的 JSON (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    const parsed = parseCaseFile(json);
    if (!parsed.ok) {
      for (const issue of parsed.issues) errors.push(`${label}: ${issue.path}: ${issue.message}`);
      continue;
    }
    if (cases.some((entry) => entry.value.id === parsed.value.id)) {
      errors.push(`${label}: $.id: 案例编号 ${parsed.value.id} 与前面的文件重复`);
      continue;
    }
    cases.push({ name: label, value: parsed.value });
  }
  if (errors.length > 0) {
    process.stderr.write(`${errors.join("\n")}\n`);
    return 1;
  }
  const output: { [id: string]: JsonValue } = {};
  for (const entry of cases) {
    try {
      output[entry.value.id] = caseResultJson(runCase(entry.value, { trace: true, hasher: sha256Hex }));
    } catch (error) {
      process.stderr.write(`${entry.name}: $: 计算失败 (${error instanceof Error ? error.message : String(error)})\n`);
      return 1;
    }
  }
  process.stdout.write(`${JSON.stringify(output)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
