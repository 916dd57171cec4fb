// Benchmark of the registry at county scale (issue 9, "Scale"; not part of the test suite):
//   npm run bench:registry [-- --people 1000000 --rows 100000 --iterations 200 --format xlsx|csv]
//   npm run bench:registry -- --keep          leaves the database behind (for EXPLAIN ANALYZE)
//   npm run bench:registry -- --reuse URL     measures a kept database again, without writing it
// On PostgreSQL: DATABASE_URL's or PG_ADMIN_URL's server if given, else the one on 127.0.0.1:5432
// if it answers, else a throwaway cluster (scripts/test-db.mjs). It creates a migrated database of
// its own, fills it with set-based INSERTs (1,000,000 people over the demo counties' townships and
// villages, 1.5 identity periods each), times the people list's query and the full-ID lookup
// through the real code (lib/people/people.queries.ts) against a bare indexed SELECT measured in
// the same loop, then uploads and confirms a 100,000-row 动态调整 list through the commands, and
// drops the database. The last line is one JSON object:
//   {"listP95Ms": N, "idLookupP95Ms": N, "upload100kSeconds": N}
// Run with the react-server condition (package.json does), as the pages do: the queries import
// "server-only".
import { randomBytes, randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import { PassThrough } from "node:stream";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import pg from "pg";
import type { Actor } from "@/lib/auth/actor";
import { createPrisma, prisma, type Db } from "@/lib/db";
import type { IdentityType, Role } from "@/lib/generated/prisma/enums";
import { addDays, dateBetween, toDays } from "@/lib/demo/dates";
import { randomGivenName, randomSurname } from "@/lib/demo/names";
import { DEMO_COUNTIES, DEMO_REGIONS, isUrbanCommunity, townshipsOf, villagesOf, type DemoRegion } from "@/lib/demo/regions";
import { createRng, type Rng } from "@/lib/demo/rng";
import { makeIdNumber, type Sex } from "@/lib/people/id-number";
import { nameInitials } from "@/lib/people/name-initials";
import { listPeople } from "@/lib/people/people.queries";
import { peopleSearchSchema } from "@/lib/people/people.schema";
import { runRosterImport, type RosterImportResult } from "@/lib/jobs/run-roster-import";
import { renderCertificate } from "@/lib/roster/roster-certificate";
import { loadDiffContext } from "@/lib/roster/roster-context";
import { countsByCategory, diffRoster } from "@/lib/roster/roster-diff";
import { parseRosterFile } from "@/lib/roster/roster-file";
import { chinaToday } from "@/lib/roster/roster-dates";
import { lastQuarter, type Period } from "@/lib/roster/roster-period";
import { DEMO_LIST_HEADER } from "@/lib/demo/roster-lists";
import { canConnect, createTestDatabase, databaseUrl, dropDatabase, ensurePostgres, newRunPrefix } from "./test-db.mjs";

export type BenchSizes = {
  people: number;
  /** Rows of the 动态调整 list. */
  listRows: number;
  /** Timed calls of each query, after `warmup` untimed ones. */
  iterations: number;
  warmup: number;
  format: "xlsx" | "csv";
};

export const FULL_SIZES: BenchSizes = { people: 1_000_000, listRows: 100_000, iterations: 200, warmup: 20, format: "xlsx" };

/** Targets of issue 9. */
export const TARGETS = { listP95Ms: 100, idLookupP95Ms: 20, uploadSeconds: 60 } as const;

const ASSISTANCE: readonly IdentityType[] = ["EXTREME_POVERTY", "SUBSISTENCE", "LOW_INCOME"];
const SPECIAL_CARE: readonly (readonly [IdentityType, number])[] = [
  ["DEMOBILIZED", 18], ["VETERAN_RURAL", 20], ["VETERAN", 25], ["VETERAN_FAMILY", 14], ["WAR_VETERAN", 6], ["ILL_RETURNED_VETERAN", 5],
  ["NUCLEAR_TEST_VETERAN", 2], ["MARTYR_FAMILY", 4], ["DUTY_DEATH_FAMILY", 3], ["ILLNESS_DEATH_FAMILY", 3],
];
// How many identity periods a person has: 0.36 + 0.84 + 0.30 = 1.5 on average.
const PERIOD_COUNTS: readonly (readonly [number, number])[] = [[0, 12], [1, 36], [2, 42], [3, 10]];
const CATEGORY_WORDS: Readonly<Record<string, string>> = { EXTREME_POVERTY: "特困", SUBSISTENCE: "低保", LOW_INCOME: "低收入" };

/** What the list and the lookups need to know of a 盂县 person, kept while the registry is written. */
type Local = { idNumber: string; name: string; township: string; open: IdentityType | null; active: boolean };

export type Registry = {
  people: number;
  identities: number;
  endedIdentities: number;
  /** 盂县's people (the county whose bureaus the benchmark acts as). */
  county: { code: string; path: string; townships: DemoRegion[] };
  local: Local[];
  /** ID numbers still free (for the list's new people): the generator's own counters. */
  newIdNumber: (rng: Rng) => { idNumber: string; sex: Sex; birthYear: number };
  period: Period;
  today: string;
  users: { civil: Actor; medsec: Actor; clerk: Actor };
};

const log = (line: string) => process.stdout.write(`${line}\n`);
const load = () => loadavg().map((l) => l.toFixed(1)).join(" ");

function birthDate(rng: Rng): string {
  const [from, to] = rng.weighted<readonly [number, number]>([[[1930, 1949], 20], [[1950, 1969], 35], [[1970, 1989], 25], [[1990, 2020], 20]]);
  return dateBetween(rng.next, `${from}-01-01`, `${to}-12-31`);
}

/**
 * Identity periods that never overlap within 特困/低保/低收入 (they exclude one another) and end
 * before `bound`: a chain of assistance periods counted back from the latest, the last one open
 * in four cases of five; perhaps one 优抚 identity beside it.
 */
function identityPeriods(rng: Rng, birth: string, bound: string): { type: IdentityType; from: string; to: string | null; bureau: Role }[] {
  const count = rng.weighted(PERIOD_COUNTS);
  const out: { type: IdentityType; from: string; to: string | null; bureau: Role }[] = [];
  let chain = count;
  // A second period is as often a 优抚 identity held beside the assistance as an earlier category.
  if (count > 0 && birth < "2002-01-01" && rng.chance(count > 1 ? 0.4 : 0.1)) {
    const from = dateBetween(rng.next, birth < "1960-01-01" ? "1990-01-01" : addDays(birth, 18 * 366), "2024-12-31");
    out.push({ type: rng.weighted(SPECIAL_CARE), from, to: rng.chance(0.08) ? dateBetween(rng.next, addDays(from, 365), addDays(bound, -1)) : null, bureau: "VETERANS_AFFAIRS" });
    chain -= 1;
  }
  let type = rng.weighted<IdentityType>([["SUBSISTENCE", 50], ["LOW_INCOME", 30], ["EXTREME_POVERTY", 20]]);
  let from = dateBetween(rng.next, "2016-01-01", addDays(bound, -1));
  let to: string | null = rng.chance(0.2) && toDays(bound) - toDays(from) > 120 ? dateBetween(rng.next, addDays(from, 90), addDays(bound, -1)) : null;
  for (let i = 0; i < chain; i++) {
    out.push({ type, from, to, bureau: "CIVIL_AFFAIRS" });
    to = addDays(from, -1);
    from = addDays(to, -rng.int(180, 1500));
    type = rng.pick(ASSISTANCE.filter((t) => t !== type));
  }
  return out;
}

function weightedRegions(rng: Rng, county: string): readonly (readonly [DemoRegion, number])[] {
  // Townships differ in size; most people are registered in a village, a few at the township.
  return townshipsOf(county).flatMap((township) => {
    const weight = 0.5 + rng.next();
    const villages = villagesOf(township.code);
    return [[township, weight * 0.05] as const, ...villages.map((v) => [v, (weight * 0.95) / villages.length] as const)];
  });
}

async function insertRows(client: pg.Client, sql: string, columns: unknown[][]) {
  if (columns[0]!.length > 0) await client.query(sql, columns);
}

const PERSON_SQL = `INSERT INTO person (id, id_number, name, name_initials, sex, birth_date, region_code, rural_hukou, hukou_province, phone, died_on, moved_out_on, updated_at)
  SELECT *, now() FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::"Sex"[], $6::date[], $7::text[], $8::bool[], $9::text[], $10::text[], $11::date[], $12::date[])`;
const IDENTITY_SQL = `INSERT INTO person_identity (id, person_id, type, valid_from, valid_to, certified_by, certificate)
  SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::"IdentityType"[], $4::date[], $5::date[], $6::"Role"[], $7::text[])`;

const YX = DEMO_COUNTIES.find((c) => c.key === "yx")!;
const QJ = DEMO_COUNTIES.find((c) => c.key === "qj")!;

/** The three users the benchmark acts as: 盂县's 民政局 and 医保局, and a clerk of 孙家庄镇. */
async function benchUsers(db: Db, rng: Rng): Promise<Registry["users"]> {
  const user = async (role: Role, regionCode: string): Promise<Actor> => {
    const region = DEMO_REGIONS.find((r) => r.code === regionCode)!;
    const username = `bench-${role.toLowerCase()}-${regionCode}-${rng.int(0, 1e9)}`;
    // No one signs in: a hash of nothing.
    const created = await db.user.create({ data: { username, displayName: "基准", role, regionCode, passwordHash: "!" } });
    return { kind: "user", id: created.id, username, displayName: created.displayName, role, regionCode, regionPath: region.path, regionName: region.name, mustChangePassword: false };
  };
  return { civil: await user("CIVIL_AFFAIRS", YX.code), medsec: await user("MEDICAL_SECURITY", YX.code), clerk: await user("TOWNSHIP_CLERK", townshipsOf(YX.code)[1]!.code) };
}

/**
 * Writes the registry: the demo region tree (as the seed writes it), three users, `people` people
 * with valid GB 11643 numbers of their county, names with their pinyin initials, and their
 * identity periods; then VACUUM ANALYZE, as autovacuum would have done on a database in use.
 */
export async function generateRegistry(db: Db, url: string, sizes: Pick<BenchSizes, "people">, seed = "bench-registry"): Promise<Registry> {
  const rng = createRng(seed);
  const today = chinaToday();
  const period = lastQuarter(today);
  await db.region.createMany({
    data: DEMO_REGIONS.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode, path: r.path, jurisdiction: r.jurisdiction })),
    skipDuplicates: true,
  });
  const yxRegion = DEMO_REGIONS.find((r) => r.code === YX.code)!;
  const townships = townshipsOf(YX.code);
  const users = await benchUsers(db, rng);

  // One sequence number per county, birth date and sex keeps the numbers unique (odd for men).
  const used = new Map<string, number>();
  const idNumberFor = (county: string, birth: string, sex: Sex): string | null => {
    const key = `${county}${birth}${sex}`;
    const n = used.get(key) ?? 0;
    if (n >= 500) return null;
    used.set(key, n + 1);
    return makeIdNumber(county, birth, n * 2, sex);
  };
  const initials = new Map<string, string>();
  const initialsOf = (name: string) => {
    let value = initials.get(name);
    if (value === undefined) initials.set(name, (value = nameInitials(name)));
    return value;
  };

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const local: Local[] = [];
  let identities = 0;
  let endedIdentities = 0;
  try {
    await client.query("SET synchronous_commit = off");
    // The migrations' indexes, built once over the loaded rows rather than row by row: the same
    // definitions (pg_indexes), rebuilt after the load; a duplicate ID number fails the rebuild.
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ('person', 'person_identity') AND indexname NOT LIKE '%_pkey'`,
    );
    for (const index of indexes) await client.query(`DROP INDEX "${index.indexname}"`);
    const regionsOf = new Map(DEMO_COUNTIES.map((c) => [c.code, weightedRegions(rng, c.code)]));
    const BATCH = 10_000;
    let written = Promise.resolve();
    for (let start = 0; start < sizes.people; start += BATCH) {
      const p: unknown[][] = Array.from({ length: 12 }, () => []);
      const i: unknown[][] = Array.from({ length: 7 }, () => []);
      for (let k = start; k < Math.min(sizes.people, start + BATCH); k++) {
        // 盂县 holds two people in five, 綦江区 the rest.
        const county = k % 5 < 2 ? YX : QJ;
        const sex: Sex = rng.chance(0.5) ? "M" : "F";
        let birth = birthDate(rng);
        let idNumber = idNumberFor(county.code, birth, sex);
        while (!idNumber) idNumber = idNumberFor(county.code, (birth = birthDate(rng)), sex);
        const name = randomSurname(rng) + randomGivenName(rng, sex, Number(birth.slice(0, 4)));
        const region = rng.weighted(regionsOf.get(county.code)!);
        const periods = identityPeriods(rng, birth, period.from);
        const latestFrom = periods.reduce((max, x) => (x.from > max ? x.from : max), "2024-01-01");
        const died = rng.chance(0.015) && latestFrom < addDays(period.from, -2) ? dateBetween(rng.next, addDays(latestFrom, 1), addDays(period.from, -1)) : null;
        const movedOut = !died && rng.chance(0.005) ? dateBetween(rng.next, "2020-01-01", addDays(period.from, -1)) : null;
        const id = randomUUID();
        p[0]!.push(id);
        p[1]!.push(idNumber);
        p[2]!.push(name);
        p[3]!.push(initialsOf(name));
        p[4]!.push(sex);
        p[5]!.push(birth);
        p[6]!.push(region.code);
        p[7]!.push(region.level === "VILLAGE" && !isUrbanCommunity(region.code));
        p[8]!.push(county.province);
        p[9]!.push(rng.chance(0.6) ? `1${rng.pick(["3", "5", "8"])}${String(rng.int(0, 999_999_999)).padStart(9, "0")}` : null);
        p[10]!.push(died);
        p[11]!.push(movedOut);
        let open: IdentityType | null = null;
        for (const period of periods) {
          // The bureau ends what a death ends.
          const to = period.to ?? (died && died >= period.from ? died : null);
          i[0]!.push(randomUUID());
          i[1]!.push(id);
          i[2]!.push(period.type);
          i[3]!.push(period.from);
          i[4]!.push(to);
          i[5]!.push(period.bureau);
          i[6]!.push(rng.chance(0.3) ? `${county.name}${period.bureau === "CIVIL_AFFAIRS" ? "民" : "退役"}发〔${period.from.slice(0, 4)}〕${rng.int(1, 99)}号` : null);
          identities += 1;
          if (to) endedIdentities += 1;
          else if (ASSISTANCE.includes(period.type)) open = period.type;
        }
        if (county === YX) local.push({ idNumber, name, township: region.code.slice(0, 9), open, active: !died && !movedOut });
      }
      // The next batch is generated while this one is written.
      await written;
      written = insertRows(client, PERSON_SQL, p).then(() => insertRows(client, IDENTITY_SQL, i));
    }
    await written;
    await client.query("SET maintenance_work_mem = '256MB'");
    for (const index of indexes) await client.query(index.indexdef);
    await client.query("VACUUM (ANALYZE) person");
    await client.query("VACUUM (ANALYZE) person_identity");
    await client.query("ANALYZE region");
  } finally {
    await client.end();
  }
  const newIdNumber = (r: Rng) => {
    for (;;) {
      const sex: Sex = r.chance(0.5) ? "M" : "F";
      const birth = birthDate(r);
      const idNumber = idNumberFor(YX.code, birth, sex);
      if (idNumber) return { idNumber, sex, birthYear: Number(birth.slice(0, 4)) };
    }
  };
  return { people: sizes.people, identities, endedIdentities, county: { code: YX.code, path: yxRegion.path, townships }, local, newIdNumber, period, today, users };
}

/**
 * The registry of a database written earlier (`--reuse URL`, with a database left by `--keep`):
 * what the list and the lookups need, read back instead of generated again.
 */
export async function readRegistry(db: Db): Promise<Registry> {
  const rng = createRng("bench-registry-reuse");
  const today = chinaToday();
  const period = lastQuarter(today);
  const yxRegion = DEMO_REGIONS.find((r) => r.code === YX.code)!;
  const [people, identities, endedIdentities] = await Promise.all([db.person.count(), db.personIdentity.count(), db.personIdentity.count({ where: { validTo: { not: null } } })]);
  const rows = await db.$queryRaw<{ id_number: string; name: string; region_code: string; open: IdentityType | null; active: boolean }[]>`
    SELECT p.id_number, p.name, p.region_code, p.died_on IS NULL AND p.moved_out_on IS NULL AS active,
      (SELECT i.type FROM person_identity i WHERE i.person_id = p.id AND i.valid_to IS NULL AND i.type IN ('EXTREME_POVERTY', 'SUBSISTENCE', 'LOW_INCOME') LIMIT 1)::text AS open
    FROM person p WHERE p.region_code LIKE ${`${YX.code}%`} AND p.merged_into_id IS NULL`;
  const local = rows.map((r) => ({ idNumber: r.id_number, name: r.name, township: r.region_code.slice(0, 9), open: r.open, active: r.active }));
  const taken = new Set(local.map((p) => p.idNumber));
  const newIdNumber = (r: Rng) => {
    for (;;) {
      const sex: Sex = r.chance(0.5) ? "M" : "F";
      const birth = birthDate(r);
      const idNumber = makeIdNumber(YX.code, birth, r.int(0, 999), sex);
      if (!taken.has(idNumber)) {
        taken.add(idNumber);
        return { idNumber, sex, birthYear: Number(birth.slice(0, 4)) };
      }
    }
  };
  return { people, identities, endedIdentities, county: { code: YX.code, path: yxRegion.path, townships: townshipsOf(YX.code) }, local, newIdNumber, period, today, users: await benchUsers(db, rng) };
}

export type PlannedList = { rows: string[][]; removed: number; addedExisting: number; addedNew: number; changed: number };

/**
 * 民政局's list for last quarter, in the 附件2/附件3 layout, against the registry as generated:
 * 35% removals, 25% additions of registered people, 20% new people, 20% changes of category
 * (低收入 → 低保 and the like), a third of these with the old category's 减少 row beside them.
 */
export function planList(registry: Registry, rows: number, seed = "bench-registry-list"): PlannedList {
  const rng = createRng(seed);
  const townshipName = new Map(registry.county.townships.map((t) => [t.code, t.name]));
  const active = rng.shuffle(registry.local.filter((p) => p.active));
  const holders = active.filter((p) => p.open !== null);
  const others = active.filter((p) => p.open === null);
  const removals = Math.round(rows * 0.35);
  const changesAlone = Math.round(rows * 0.1);
  const changesWithRemoval = Math.round(rows * 0.05);
  const additions = Math.round(rows * 0.25);
  const newPeople = rows - removals - changesAlone - 2 * changesWithRemoval - additions;
  if (holders.length < removals + changesAlone + changesWithRemoval || others.length < additions) {
    throw new Error(`registry too small for a ${rows}-row list: ${holders.length} holders, ${others.length} others in 盂县`);
  }
  const date = () => dateBetween(rng.next, registry.period.from, registry.period.to);
  const size = () => (rng.chance(0.6) ? String(rng.int(1, 6)) : "");
  const row = (p: Pick<Local, "township" | "name" | "idNumber">, category: IdentityType, reason: string) => [
    townshipName.get(p.township)!, p.name, p.idNumber, CATEGORY_WORDS[category]!, size(), reason, date(),
  ];
  const out: string[][] = [];
  let next = 0;
  for (let k = 0; k < removals; k++) {
    const p = holders[next++]!;
    out.push(row(p, p.open!, rng.pick(["减少（收入超标）", "减少（死亡）", "减少（迁出）", "减少"])));
  }
  for (let k = 0; k < changesAlone + changesWithRemoval; k++) {
    const p = holders[next++]!;
    out.push(row(p, rng.pick(ASSISTANCE.filter((t) => t !== p.open)), "新增（类别调整）"));
    if (k >= changesAlone) out.push(row(p, p.open!, "减少（类别调整）"));
  }
  for (let k = 0; k < additions; k++) out.push(row(others[k]!, rng.weighted<IdentityType>([["SUBSISTENCE", 60], ["LOW_INCOME", 30], ["EXTREME_POVERTY", 10]]), "新增"));
  for (let k = 0; k < newPeople; k++) {
    const { idNumber, sex, birthYear } = registry.newIdNumber(rng);
    const township = rng.pick(registry.county.townships).code;
    out.push(row({ township, idNumber, name: randomSurname(rng) + randomGivenName(rng, sex, birthYear) }, rng.weighted<IdentityType>([["SUBSISTENCE", 60], ["LOW_INCOME", 30], ["EXTREME_POVERTY", 10]]), "新增"));
  }
  return { rows: rng.shuffle(out), removed: removals, addedExisting: additions, addedNew: newPeople, changed: changesAlone + changesWithRemoval };
}

/** The list as a bureau sends it: a title row, 附件3's header, numbered rows. */
export async function writeListFile(list: PlannedList, registry: Registry, format: BenchSizes["format"]): Promise<{ name: string; content: Buffer }> {
  const title = `盂县${registry.period.key}医疗救助重点救助对象动态调整名单（民政局）`;
  const numbered = list.rows.map((r, i) => [String(i + 1), ...r]);
  if (format === "csv") {
    const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
    const text = [[title], [...DEMO_LIST_HEADER], ...numbered].map((r) => r.map(quote).join(",")).join("\r\n");
    return { name: `yx-${registry.period.key}-civil-affairs.csv`, content: Buffer.from(`\ufeff${text}\r\n`, "utf8") };
  }
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on("end", resolve);
    out.on("error", reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet("附件3");
  sheet.addRow([title]).commit();
  sheet.addRow([...DEMO_LIST_HEADER]).commit();
  for (const r of numbered) sheet.addRow([Number(r[0]), ...r.slice(1)]).commit();
  sheet.commit();
  await workbook.commit();
  await done;
  return { name: `yx-${registry.period.key}-civil-affairs.xlsx`, content: Buffer.concat(chunks) };
}

export type Stats = { n: number; p50: number; p95: number; max: number };

export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((sorted.length * p) / 100) - 1)] ?? 0;
  return { n: sorted.length, p50: at(50), p95: at(95), max: sorted.at(-1) ?? 0 };
}

type Probe = { label: string; run: (k: number) => Promise<unknown> };

/**
 * Times the probes in one interleaved loop, so that whatever else the machine is doing weighs on
 * each of them alike: `warmup` untimed rounds, then `iterations` timed ones.
 */
async function timeProbes(probes: readonly Probe[], iterations: number, warmup: number): Promise<Map<string, number[]>> {
  const samples = new Map(probes.map((p) => [p.label, [] as number[]]));
  for (let k = 0; k < warmup + iterations; k++) {
    for (const probe of probes) {
      const t0 = performance.now();
      await probe.run(k);
      const ms = performance.now() - t0;
      if (k >= warmup) samples.get(probe.label)!.push(ms);
    }
  }
  return samples;
}

export type QueryResults = {
  baseline: Stats;
  list: Stats;
  idLookup: Stats;
  listByKind: Record<string, Stats>;
  listAverageRows: number;
  listAverageTotal: number;
  /** The same lists without the name search (no target; the count then covers the township). */
  listNoSearch: Stats;
  noSearchAverageTotal: number;
};

/**
 * The people list as the page calls it (listPeople: its count and first page), by a county
 * 民政局 user, a county 医保局 user and a township clerk: township + identity filter + a name
 * search (a full name, a surname, pinyin initials); the lookup by a full ID number, which is the
 * same query with the number as the search; and the bare indexed SELECT of the same row.
 */
export async function measureQueries(registry: Registry, sizes: Pick<BenchSizes, "iterations" | "warmup">, seed = "bench-registry-queries"): Promise<QueryResults> {
  const rng = createRng(seed);
  const count = sizes.iterations + sizes.warmup;
  const { civil, medsec, clerk } = registry.users;
  const identity = () => rng.weighted<IdentityType>([["SUBSISTENCE", 45], ["LOW_INCOME", 25], ["EXTREME_POVERTY", 20], ["VETERAN", 10]]);
  const kinds = ["fullName", "surname", "initials"] as const;
  const byTownship = new Map<string, Local[]>();
  for (const p of registry.local) {
    const list = byTownship.get(p.township) ?? [];
    if (list.length < 2_000) list.push(p);
    byTownship.set(p.township, list);
  }
  const lists = Array.from({ length: count }, (_, k) => {
    const actor = [civil, medsec, clerk][k % 3]!;
    const township = actor === clerk ? clerk.regionCode : rng.pick(registry.county.townships).code;
    const sample = rng.pick(byTownship.get(township)!);
    const kind = kinds[Math.floor(k / 3) % 3]!;
    const q = kind === "fullName" ? sample.name : kind === "surname" ? sample.name.slice(0, 1) : nameInitials(sample.name);
    return { actor, kind, search: peopleSearchSchema.parse({ township, identity: identity(), q }) };
  });
  const clerkPeople = registry.local.filter((p) => p.township === clerk.regionCode);
  const lookups = Array.from({ length: count }, (_, k) => {
    const actor = [civil, medsec, clerk][k % 3]!;
    const pool = actor === clerk ? clerkPeople : registry.local;
    return { actor, search: peopleSearchSchema.parse({ q: rng.pick(pool).idNumber }) };
  });
  const bare = Array.from({ length: count }, () => rng.pick(registry.local).idNumber);
  let rows = 0;
  let total = 0;
  let noSearchTotal = 0;
  const samples = await timeProbes(
    [
      { label: "baseline", run: (k) => prisma.$queryRaw`SELECT id FROM person WHERE id_number = ${bare[k]!}` },
      {
        label: "list",
        run: async (k) => {
          const page = await listPeople(lists[k]!.actor, lists[k]!.search);
          rows += page.rows.length;
          total += page.total;
        },
      },
      {
        label: "listNoSearch",
        run: async (k) => {
          noSearchTotal += (await listPeople(lists[k]!.actor, { ...lists[k]!.search, q: "" })).total;
        },
      },
      {
        label: "idLookup",
        run: async (k) => {
          const page = await listPeople(lookups[k]!.actor, lookups[k]!.search);
          if (page.rows.length !== 1) throw new Error(`lookup of ${lookups[k]!.search.q} found ${page.rows.length} people`);
        },
      },
    ],
    sizes.iterations,
    sizes.warmup,
  );
  const list = samples.get("list")!;
  const listByKind = Object.fromEntries(kinds.map((kind) => [kind, stats(list.filter((_, i) => lists[i + sizes.warmup]!.kind === kind))]));
  return {
    baseline: stats(samples.get("baseline")!),
    list: stats(list),
    idLookup: stats(samples.get("idLookup")!),
    listByKind,
    listAverageRows: rows / count,
    listAverageTotal: total / count,
    listNoSearch: stats(samples.get("listNoSearch")!),
    noSearchAverageTotal: noSearchTotal / count,
  };
}

export type UploadPhases = { parseSeconds: number; diffSeconds: number; certificateSeconds: number; certificateLines: number };

/**
 * Where the upload's time goes, measured apart on the same file and registry, outside the
 * commands (which run them inside their transactions, the confirmation all of them again).
 */
export async function profileUpload(db: Db, registry: Registry, file: { content: Buffer }): Promise<UploadPhases> {
  const t0 = performance.now();
  const parsed = await parseRosterFile(file.content);
  if (!parsed.ok) throw new Error(`the generated list does not read: ${parsed.error}`);
  const t1 = performance.now();
  const today = new Date(`${registry.today}T00:00:00Z`);
  const context = await loadDiffContext(db, registry.county, "CIVIL_AFFAIRS", registry.period, parsed.rows, today);
  const diff = diffRoster(parsed.rows, context);
  const t2 = performance.now();
  const townships = new Map(registry.county.townships.map((t) => [t.code, t.name]));
  const people = diff.entries.flatMap((e) => {
    const add = { township: townships.get(e.townshipCode) ?? e.townshipCode, name: e.name, idNumber: e.idNumber, category: e.category, change: "ADD" as const, on: registry.today };
    if (e.kind === "ADDED") return [add];
    if (e.kind === "REMOVED") return [{ ...add, change: "REMOVE" as const, on: e.removedOn! }];
    return [{ ...add, category: e.previous!, change: "REMOVE" as const }, add];
  });
  await renderCertificate({ countyName: "盂县", bureau: "CIVIL_AFFAIRS", period: registry.period.key, counts: countsByCategory(diff.entries), people, issuedOn: registry.today });
  const t3 = performance.now();
  return { parseSeconds: (t1 - t0) / 1000, diffSeconds: (t2 - t1) / 1000, certificateSeconds: (t3 - t2) / 1000, certificateLines: people.length };
}

export type UploadResult = {
  seconds: number;
  uploadSeconds: number;
  confirmSeconds: number;
  batchId: string | null;
  added: number;
  removed: number;
  changed: number;
  errors: number;
  ok: boolean;
  failure: string | null;
};

/** What stopped a command, in a line: Prisma's own message ends with the reason. */
function reasonOf(error: unknown): string {
  const lines = (error instanceof Error ? error.message : String(error)).split("\n").map((l) => l.trim()).filter(Boolean);
  const code = typeof error === "object" && error !== null && "code" in error ? `${String(error.code)}: ` : "";
  return `${code}${lines.at(-1) ?? "unknown"}`;
}

/**
 * The 100,000-row list, imported as a 民政局 user does it: upload, the roster-check job, confirm,
 * the roster-apply job, run inline exactly as the worker runs them (lib/jobs/run-roster-import.ts,
 * docs/decisions/017). uploadSeconds is the upload with its check (the diff); confirmSeconds the
 * confirmation with its apply.
 */
export async function benchUpload(db: Db, actor: Actor, file: { name: string; content: Buffer }, period: Period, certificateDate: string): Promise<UploadResult> {
  const t0 = performance.now();
  const since = (t: number) => (performance.now() - t) / 1000;
  const none = { batchId: null, added: 0, removed: 0, changed: 0, errors: 0 };
  let result: RosterImportResult;
  try {
    result = await runRosterImport(db, actor, { period: period.key, file: new File([new Uint8Array(file.content)], file.name), certificateDate });
  } catch (error) {
    return { ...none, seconds: since(t0), uploadSeconds: since(t0), confirmSeconds: 0, ok: false, failure: `import: ${reasonOf(error)}` };
  }
  const s = result.seconds;
  const base = { seconds: s.total, uploadSeconds: s.upload + s.check, confirmSeconds: s.confirm + s.apply, batchId: result.batchId, added: result.added, removed: result.removed, changed: result.changed, errors: result.errors };
  if (result.errors > 0) {
    const codes = await db.rosterRowError.groupBy({ by: ["code"], where: { batchId: result.batchId }, _count: true });
    return { ...base, ok: false, failure: `row errors: ${codes.map((c) => `${c.code} ${c._count}`).join(", ")}` };
  }
  if (result.state !== "CONFIRMED") return { ...base, ok: false, failure: `list ${result.state}` };
  return { ...base, ok: true, failure: null };
}

export type BenchResult = {
  sizes: BenchSizes;
  registry: Pick<Registry, "people" | "identities" | "endedIdentities">;
  generateSeconds: number;
  queries: QueryResults;
  list: PlannedList;
  fileBytes: number;
  phases: UploadPhases;
  upload: UploadResult;
  loads: Record<string, string>;
};

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
const ratio = (n: number, base: number) => `${(n / base).toFixed(1)}×`;

/** Everything but the database's creation: generate, measure, upload, on the database at `url`. */
export async function runRegistryBench(url: string, sizes: BenchSizes, progress: (line: string) => void = () => {}, { reuse = false } = {}): Promise<BenchResult> {
  // lib/people/people.queries.ts reads through the app's shared client, which reads DATABASE_URL.
  process.env.DATABASE_URL = url;
  const db = createPrisma(url);
  const loads: Record<string, string> = { start: load() };
  try {
    const t0 = performance.now();
    const registry = reuse ? await readRegistry(db) : await generateRegistry(db, url, sizes);
    const generateSeconds = (performance.now() - t0) / 1000;
    progress(`registry: ${registry.people} people, ${registry.identities} identity periods (${registry.endedIdentities} ended) in ${generateSeconds.toFixed(1)} s (load ${load()})`);
    loads.queries = load();
    const queries = await measureQueries(registry, sizes);
    loads.afterQueries = load();
    progress(`queries: list p95 ${ms(queries.list.p95)}, ID lookup p95 ${ms(queries.idLookup.p95)}, bare SELECT p95 ${ms(queries.baseline.p95)} (load ${load()})`);
    const list = planList(registry, sizes.listRows);
    const file = await writeListFile(list, registry, sizes.format);
    progress(`list: ${list.rows.length} rows (${list.removed} removals, ${list.addedExisting} additions of registered people, ${list.addedNew} new people, ${list.changed} changes), ${sizes.format} ${(file.content.length / 1e6).toFixed(1)} MB (load ${load()})`);
    const phases = await profileUpload(db, registry, file);
    loads.upload = load();
    const upload = await benchUpload(db, registry.users.civil, file, registry.period, registry.today);
    loads.end = load();
    return { sizes, registry: { people: registry.people, identities: registry.identities, endedIdentities: registry.endedIdentities }, generateSeconds, queries, list, fileBytes: file.content.length, phases, upload, loads };
  } finally {
    await db.$disconnect();
  }
}


/** The report: each figure with its ratio to the bare SELECT; the last line is the JSON object. */
export function reportLines(result: BenchResult): string[] {
  const { baseline, list, idLookup, listByKind } = result.queries;
  const line = (label: string, s: Stats, target?: number) =>
    `${label}: p50 ${ms(s.p50)} (${ratio(s.p50, baseline.p50)}), p95 ${ms(s.p95)} (${ratio(s.p95, baseline.p95)}), max ${ms(s.max)}, n=${s.n}${target ? ` — target p95 < ${target} ms: ${s.p95 < target ? "met" : "MISSED"}` : ""}`;
  const up = result.upload;
  const perRowMs = (up.seconds * 1000) / result.list.rows.length;
  const ph = result.phases;
  // A list that did not go through has no time to report, whatever the clock said when it stopped.
  const json = { listP95Ms: Number(list.p95.toFixed(1)), idLookupP95Ms: Number(idLookup.p95.toFixed(1)), upload100kSeconds: up.ok ? Number(up.seconds.toFixed(1)) : null };
  return [
    `baseline (SELECT id FROM person WHERE id_number = $1, same client): p50 ${ms(baseline.p50)}, p95 ${ms(baseline.p95)}, n=${baseline.n}`,
    line("person list, township + identity + name search, first page with its total (listPeople)", list, TARGETS.listP95Ms),
    ...Object.entries(listByKind).map(([kind, s]) => `  search by ${kind}: p50 ${ms(s.p50)}, p95 ${ms(s.p95)} (${ratio(s.p95, baseline.p95)}), n=${s.n}`),
    `  on average ${result.queries.listAverageRows.toFixed(1)} rows shown of ${result.queries.listAverageTotal.toFixed(0)} matching`,
    `  without the name search (no target): p50 ${ms(result.queries.listNoSearch.p50)}, p95 ${ms(result.queries.listNoSearch.p95)} (${ratio(result.queries.listNoSearch.p95, baseline.p95)}), ${result.queries.noSearchAverageTotal.toFixed(0)} matching on average`,
    line("lookup by full ID number (listPeople with the number)", idLookup, TARGETS.idLookupP95Ms),
    `upload + confirm of ${result.list.rows.length} rows (${result.sizes.format}): ${up.seconds.toFixed(1)} s (upload and check ${up.uploadSeconds.toFixed(1)} s, confirm and apply ${up.confirmSeconds.toFixed(1)} s) = ${perRowMs.toFixed(2)} ms per row = ${ratio(perRowMs, baseline.p50)} the bare SELECT — ` +
      (up.ok ? `${up.added} added, ${up.removed} removed, ${up.changed} changed; target < ${TARGETS.uploadSeconds} s: ${up.seconds < TARGETS.uploadSeconds ? "met" : "MISSED"}` : `FAILED: ${up.failure}`),
    `  measured apart on the same file: reading it ${ph.parseSeconds.toFixed(1)} s, loading the people it names and the diff ${ph.diffSeconds.toFixed(1)} s, the certificate PDF (${ph.certificateLines} names) ${ph.certificateSeconds.toFixed(1)} s; the check job does the first two, the apply job renders the certificate while its transaction writes`,
    `load average (1/5/15 min): ${Object.entries(result.loads).map(([at, l]) => `${at} ${l}`).join("; ")}`,
    JSON.stringify(json),
  ];
}

function argsOf(argv: readonly string[]): BenchSizes & { keep: boolean; reuse: string | null } {
  const sizes = { ...FULL_SIZES, keep: false, reuse: null as string | null };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1] ?? ""];
    // Leaves the database behind for EXPLAIN ANALYZE; drop it by hand afterwards.
    if (flag === "--keep") [sizes.keep, i] = [true, i - 1];
    // Measures again on a kept database instead of writing a new one.
    else if (flag === "--reuse") sizes.reuse = value;
    else if (flag === "--people") sizes.people = Number(value);
    else if (flag === "--rows") sizes.listRows = Number(value);
    else if (flag === "--iterations") sizes.iterations = Number(value);
    else if (flag === "--warmup") sizes.warmup = Number(value);
    else if (flag === "--format" && (value === "xlsx" || value === "csv")) sizes.format = value;
    else throw new Error(`unknown argument ${flag} ${value}; use --people N --rows N --iterations N --warmup N --format xlsx|csv --keep --reuse URL`);
  }
  return sizes;
}

async function main() {
  const sizes = argsOf(process.argv.slice(2));
  if (sizes.reuse) {
    log(`bench:registry — on ${sizes.reuse} as it is, a ${sizes.listRows}-row list, ${sizes.iterations} timed calls per query (load ${load()})`);
    try {
      for (const line of reportLines(await runRegistryBench(sizes.reuse, sizes, log, { reuse: true }))) log(line);
    } finally {
      await (globalThis as { __prisma?: Db }).__prisma?.$disconnect();
    }
    return;
  }
  const given = process.env.PG_ADMIN_URL ?? (process.env.DATABASE_URL ? databaseUrl(process.env.DATABASE_URL, "postgres") : undefined);
  const local = "postgresql://postgres@127.0.0.1:5432/postgres";
  const server = given || (await canConnect(local)) ? null : await ensurePostgres();
  const adminUrl = given ?? server?.adminUrl ?? local;
  // A kept database is named outside the test runs' prefix, whose leftovers other runs drop.
  const name = sizes.keep ? `yfyb_bench_kept_${randomBytes(3).toString("hex")}` : `${newRunPrefix()}_bench_registry`;
  log(`bench:registry — ${sizes.people} people, a ${sizes.listRows}-row list, ${sizes.iterations} timed calls per query; database ${name} (load ${load()})`);
  const url = await createTestDatabase(adminUrl, name);
  try {
    const result = await runRegistryBench(url, sizes, log);
    for (const line of reportLines(result)) log(line);
  } finally {
    await (globalThis as { __prisma?: Db }).__prisma?.$disconnect();
    if (sizes.keep) log(`kept ${url}`);
    else await dropDatabase(adminUrl, name);
    await server?.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error("bench:registry failed:", error);
      process.exit(1);
    },
  );
}
