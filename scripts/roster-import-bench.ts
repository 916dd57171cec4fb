// Measurements for docs/decisions/017 (not part of the test suite):
//   npx tsx scripts/roster-import-bench.ts [--rows 100000] [--csv] [--queue]
// On a database of its own on the PostgreSQL server at 127.0.0.1:5432 (or DATABASE_URL): a county
// with a registry (scripts/roster-bench-list.ts) and a list of --rows rows against it (60 % new
// people, 20 % registered people added, 10 % removals, 10 % changes), imported as a 民政局 user:
// upload → roster-check job → confirm → roster-apply job, the jobs run inline (lib/jobs/
// run-roster-import.ts) or, with --queue, through pg-boss and a worker in this process.
import { loadavg } from "node:os";
import { createPrisma } from "../lib/db";
import { publishRequestedRuns, startQueue, startWorker } from "../lib/jobs/queue";
import { runRosterImport, type RosterImportResult } from "../lib/jobs/run-roster-import";
import { confirmRoster } from "../lib/roster/confirm-roster";
import { chinaToday } from "../lib/roster/roster-dates";
import { lastQuarter } from "../lib/roster/roster-period";
import { uploadRoster } from "../lib/roster/upload-roster";
import { benchListCsv, benchListRows, benchListXlsx, MIX_100K, seedBenchCounty, type BenchListMix } from "./roster-bench-list";
import { createTestDatabase, dropDatabase, newRunPrefix } from "./test-db.mjs";

const args = process.argv.slice(2);
const rowsArg = Number(args[args.indexOf("--rows") + 1]);
const rows = args.includes("--rows") && rowsArg > 0 ? rowsArg : 100_000;
const scale = rows / 100_000;
const mix: BenchListMix = { newPeople: Math.round(MIX_100K.newPeople * scale), addKnown: Math.round(MIX_100K.addKnown * scale), remove: Math.round(MIX_100K.remove * scale), change: 0 };
mix.change = rows - mix.newPeople - mix.addKnown - mix.remove;

const admin = "postgresql://postgres@127.0.0.1:5432/postgres";
const own = process.env.DATABASE_URL ? null : `${newRunPrefix()}_roster_bench`;
const url = process.env.DATABASE_URL ?? (await createTestDatabase(admin, own!));
const db = createPrisma(url);
try {
  const period = lastQuarter(chinaToday());
  const t0 = performance.now();
  const county = await seedBenchCounty(db, "980121", mix);
  const listRows = benchListRows(county, mix, period.from);
  const xlsx = await benchListXlsx(listRows, `基准县${period.key}医疗救助重点救助对象动态调整名单`);
  const csv = benchListCsv(listRows);
  const content = args.includes("--csv") ? csv : xlsx;
  console.log(`setup: ${await db.person.count()} people, ${await db.personIdentity.count()} identities, list of ${rows} rows (xlsx ${(xlsx.length / 1e6).toFixed(1)} MB, csv ${(csv.length / 1e6).toFixed(1)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`load average before the import: ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  const file = new File([new Uint8Array(content)], args.includes("--csv") ? "list.csv" : "list.xlsx");
  const certificateDate = chinaToday();

  let result: RosterImportResult;
  if (args.includes("--queue")) {
    const boss = await startQueue(url, { superviseIntervalSeconds: 2 });
    await startWorker(db, boss, { pollingIntervalSeconds: 0.5 });
    const waitFor = async (id: string, states: string[]) => {
      for (;;) {
        const b = await db.rosterBatch.findUniqueOrThrow({ where: { id } });
        if (states.includes(b.state)) return b;
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const t1 = performance.now();
    const uploaded = await uploadRoster(db, county.actor, { period: period.key, file });
    const upload = (performance.now() - t1) / 1000;
    await publishRequestedRuns(db, boss);
    const checked = await waitFor(uploaded.id, ["UPLOADED", "FAILED"]);
    const check = (performance.now() - t1) / 1000 - upload;
    const t2 = performance.now();
    await confirmRoster(db, county.actor, { batchId: checked.id, version: checked.version, certificateDate });
    const confirm = (performance.now() - t2) / 1000;
    await publishRequestedRuns(db, boss);
    const done = await waitFor(uploaded.id, ["CONFIRMED", "UPLOADED", "FAILED"]);
    const apply = (performance.now() - t2) / 1000 - confirm;
    await boss.stop({ graceful: true, timeout: 5_000 });
    result = { batchId: done.id, state: done.state, rows: done.rows, errors: done.errorCount, added: done.added, removed: done.removed, changed: done.changed, seconds: { upload, check, parse: 0, confirm, apply, certificate: 0, registry: 0, total: (performance.now() - t1) / 1000 } };
  } else {
    result = await runRosterImport(db, county.actor, { period: period.key, file, certificateDate });
  }
  const s = result.seconds;
  console.log(`import (${args.includes("--queue") ? "through pg-boss" : "jobs inline"}): ${result.state}, ${result.rows} rows, ${result.errors} errors, ${result.added} added, ${result.removed} removed, ${result.changed} changed`);
  console.log(`  upload ${s.upload.toFixed(1)} s + check ${s.check.toFixed(1)} s` + (s.parse ? ` (reading the file ${s.parse.toFixed(1)} s)` : "") + ` + confirm ${s.confirm.toFixed(2)} s + apply ${s.apply.toFixed(1)} s` + (s.certificate ? ` (certificate ${s.certificate.toFixed(1)} s, registry transaction ${s.registry.toFixed(1)} s)` : "") + ` = ${s.total.toFixed(1)} s`);
  console.log(`after: ${await db.person.count()} people, ${await db.personIdentity.count()} identities; load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  console.log(JSON.stringify({ rows: result.rows, uploadAndDiffSeconds: +(s.upload + s.check).toFixed(1), applySeconds: +(s.confirm + s.apply).toFixed(1), totalSeconds: +s.total.toFixed(1) }));
} finally {
  await db.$disconnect();
  if (own) await dropDatabase(admin, own);
}
