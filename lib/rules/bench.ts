// Benchmark (not a test): 200,000 synthetic claims for 50,000 people across Yangquan and Qijiang,
// replayed with the full trace, without it, and as a bare loop doing the same arithmetic with no
// library lookups and no trace. Run with `npm run bench:rules`; the last line is one JSON object.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Accumulators } from "./claim-context";
import { replayClaims } from "./compute-claim";
import type { BillItem, Claim, IdentityType, ItemClass, Person } from "./domain";
import { isoDate } from "./dates";
import { makePerson } from "./test-factories";

const PEOPLE = 50_000;
const CLAIMS_PER_PERSON = 4;

/** Deterministic PRNG (mulberry32) so every run measures the same data. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Case = { person: Person; claims: Claim[] };

function generate(): Case[] {
  const random = prng(20251123);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const fen = (maxYuan: number): bigint => BigInt(Math.floor(random() * maxYuan * 100));
  const cases: Case[] = [];
  const yqIdentities: IdentityType[][] = [[], [], ["SUBSISTENCE"], ["EXTREME_POVERTY"], ["DEMOBILIZED"], ["LOW_INCOME"]];
  const qjIdentities: IdentityType[][] = [["MARTYR_FAMILY"], ["DEMOBILIZED"], ["ILL_RETURNED_VETERAN"], ["VETERAN_RURAL"]];
  const classes: ItemClass[] = ["A", "A", "B_DRUG", "B_SERVICE", "CONSUMABLE_DOMESTIC", "SELF_PAY"];
  for (let p = 0; p < PEOPLE; p++) {
    const qijiang = p % 2 === 1;
    const person = makePerson({
      jurisdiction: qijiang ? "CN-CQ-QJ" : "CN-SX-YQ",
      identityTypes: pick(qijiang ? qjIdentities : yqIdentities),
      birthDate: isoDate(1930 + Math.floor(random() * 60), 1 + Math.floor(random() * 12), 1 + Math.floor(random() * 28)),
      ruralHukou: qijiang,
    });
    const year = qijiang ? 2024 : 2025;
    const dates = Array.from({ length: CLAIMS_PER_PERSON }, () => isoDate(year, 1 + Math.floor(random() * 12), 1 + Math.floor(random() * 28))).sort();
    const claims: Claim[] = dates.map((date, index) => {
      const items: BillItem[] = Array.from({ length: 1 + Math.floor(random() * 4) }, () => ({ fee: pick(["OTHER", "OTHER", "BED", "SURGERY_ANESTHESIA"] as const), class: pick(classes), amount: fen(40_000), days: 1 + Math.floor(random() * 30) }));
      const level = pick([1, 2, 3] as const);
      const hospital = { level, priceClass: pick([1, 2, 3] as const), runBy: pick(["COUNTY", "CITY"] as const), public: true, province: qijiang ? "CQ" : "SX" };
      if (qijiang) {
        const scope = items.filter((entry) => entry.class !== "SELF_PAY").reduce((sum, entry) => sum + entry.amount, 0n);
        return { id: `c${index}`, type: "INPATIENT", date, hospital, route: "LOCAL", diagnoses: [], items, settled: { policyScope: scope, insurance: (scope * 6n) / 10n, criticalIllness: 0n, assistance: 0n } };
      }
      const type = pick(["INPATIENT", "INPATIENT", "OUTPATIENT", "CHRONIC_OUTPATIENT", "TWO_DISEASES"] as const);
      const claim: Claim = { id: `c${index}`, type, date, hospital, route: pick(["LOCAL", "LOCAL", "LOCAL", "CROSS_PROVINCE_REFERRED"] as const), diagnoses: type === "TWO_DISEASES" ? ["HYPERTENSION"] : type === "CHRONIC_OUTPATIENT" ? ["UREMIA_DIALYSIS"] : [], items };
      if (type === "CHRONIC_OUTPATIENT") claim.settled = { insurance: items.reduce((sum, entry) => sum + entry.amount, 0n) / 2n };
      return claim;
    });
    cases.push({ person, claims });
  }
  return cases;
}

// ---- the bare-loop baseline: the same arithmetic, constants inline, no library, no trace ----

const SHARE: Record<ItemClass, [bigint, bigint]> = { A: [0n, 1n], B_DRUG: [5n, 100n], B_SERVICE: [10n, 100n], CONSUMABLE_DOMESTIC: [10n, 100n], CONSUMABLE_IMPORTED: [20n, 100n], SELF_PAY: [0n, 1n] };
const half = (num: bigint, den: bigint): bigint => (num * 2n + den) / (den * 2n);
const ciBand = (x: bigint): bigint => {
  const layer1 = x > 1_000_000n ? (x - 1_000_000n) * 3n : 0n; // in quarters of a fen
  const left = x * 4n - layer1;
  const layer2 = left > 20_000_000n ? (left - 20_000_000n) * 2n : 0n; // in eighths
  const total = half(layer1 * 2n + layer2, 8n);
  return total > 40_000_000n ? 40_000_000n : total;
};

function baselineCase(entry: Case): bigint {
  let insurancePaid = 0n;
  let admissions = 0n;
  let ciX = 0n;
  let assistanceX = 0n;
  let specialPaid = 0n;
  let largeX = 0n;
  let twoDiseasesPaid = 0n;
  let checksum = 0n;
  const qijiang = entry.person.jurisdiction === "CN-CQ-QJ";
  const group = entry.person.identities[0]?.type;
  for (const claim of entry.claims) {
    let gross = 0n;
    let scope = 0n;
    for (const entryItem of claim.items) {
      gross += entryItem.amount;
      if (entryItem.class === "SELF_PAY") continue;
      const [num, den] = SHARE[entryItem.class];
      scope += entryItem.amount - half(entryItem.amount * num, den);
    }
    const hospital = claim.hospital;
    if (qijiang) {
      const base = (claim.settled?.policyScope ?? 0n) - (claim.settled?.insurance ?? 0n);
      const groupA = group === "MARTYR_FAMILY" || group === "DEMOBILIZED";
      const rate = groupA ? [80n, 50n, 30n][(hospital?.level ?? 3) - 1]! : [70n, 40n, 30n][(hospital?.level ?? 3) - 1]!;
      const limit = groupA ? 300_000n : 200_000n;
      let pay = half(base * rate, 100n);
      if (pay > limit - specialPaid) pay = limit - specialPaid;
      specialPaid += pay;
      const before = largeX > 500_000n ? half((largeX - 500_000n) * 3n, 10n) : 0n;
      largeX += base - pay;
      const after = largeX > 500_000n ? half((largeX - 500_000n) * 3n, 10n) : 0n;
      checksum += pay + (after > 300_000n ? 300_000n : after) - (before > 300_000n ? 300_000n : before);
      continue;
    }
    let insurance = 0n;
    let reduction = 0n;
    if (claim.type === "INPATIENT" && hospital) {
      const [deductible, rate] = hospital.priceClass === 3 ? [10_000n, 85n] : hospital.priceClass === 1 ? [100_000n, 60n] : hospital.runBy === "COUNTY" ? [40_000n, 75n] : [50_000n, 70n];
      const applied = admissions > 0n ? deductible / 2n : deductible;
      admissions++;
      const above = scope > applied ? scope - applied : 0n;
      const cut = claim.route === "LOCAL" ? 0n : 5n;
      insurance = half(above * (rate - cut), 100n);
      reduction = half(above * cut, 100n);
      if (insurance > 7_000_000n - insurancePaid) insurance = 7_000_000n - insurancePaid;
      insurancePaid += insurance;
    } else if (claim.type === "OUTPATIENT" && hospital) {
      const above = hospital.priceClass === 1 ? (scope > 8_000n ? scope - 8_000n : 0n) : scope;
      insurance = half(above * (hospital.priceClass === 1 ? 45n : hospital.priceClass === 2 ? 55n : 60n), 100n);
    } else if (claim.type === "TWO_DISEASES") {
      insurance = (hospital?.level ?? 3) <= 2 ? half(scope * 60n, 100n) : 0n;
      if (insurance > 26_000n - twoDiseasesPaid) insurance = 26_000n - twoDiseasesPaid;
      twoDiseasesPaid += insurance;
    } else {
      insurance = claim.settled?.insurance ?? 0n;
      if (insurance > 7_000_000n - insurancePaid) insurance = 7_000_000n - insurancePaid;
      insurancePaid += insurance;
    }
    let ci = 0n;
    if (claim.type === "INPATIENT" || claim.type === "CHRONIC_OUTPATIENT") {
      const oop = scope - insurance - reduction;
      const before = ciBand(ciX);
      ciX += oop > 0n ? oop : 0n;
      ci = ciBand(ciX) - before;
    }
    const base = scope - insurance - ci;
    let assistance = 0n;
    if (group === "SUBSISTENCE" || group === "DEMOBILIZED") {
      const f = (x: bigint) => {
        const v = half(x * 70n, 100n);
        return v > 1_500_000n ? 1_500_000n : v;
      };
      const before = f(assistanceX);
      assistanceX += base > 0n ? base : 0n;
      assistance = f(assistanceX) - before;
    } else if (group === "EXTREME_POVERTY") {
      assistance = base > 0n ? base : 0n;
    }
    checksum += gross - insurance - ci - assistance;
  }
  return checksum;
}

// A real collection before each heap reading, so "before/after" shows retained memory, not garbage.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

function heapMb(): number {
  collectGarbage();
  return Math.round((process.memoryUsage().heapUsed / 1024 / 1024) * 10) / 10;
}

function measure(label: string, cases: Case[], body: (entry: Case) => bigint): number {
  const heapBefore = heapMb();
  const started = performance.now();
  let checksum = 0n;
  for (const entry of cases) checksum += body(entry);
  const seconds = (performance.now() - started) / 1000;
  const claims = cases.length * CLAIMS_PER_PERSON;
  const perSecond = Math.round(claims / seconds);
  console.log(`${label}: ${claims} claims in ${seconds.toFixed(2)} s = ${perSecond.toLocaleString("en-US")} claims/s (heap ${heapBefore} MB → ${heapMb()} MB, checksum ${checksum})`);
  return perSecond;
}

function main(): void {
  const cases = generate();
  console.log(`generated ${cases.length} people, ${cases.length * CLAIMS_PER_PERSON} claims (Yangquan 2025 and Qijiang 2024)`);
  const withTrace = (entry: Case) => {
    const { results } = replayClaims(entry.person, entry.claims, {}, { trace: true });
    let sum = 0n;
    for (const result of results) sum += result.amounts.personal + BigInt(result.trace.length);
    return sum;
  };
  const withoutTrace = (entry: Case) => {
    const { results } = replayClaims(entry.person, entry.claims, {} as Accumulators, { trace: false });
    let sum = 0n;
    for (const result of results) sum += result.amounts.personal;
    return sum;
  };
  // Warm-up so every mode is measured with optimised code.
  const warm = cases.slice(0, 5_000);
  for (const entry of warm) {
    withTrace(entry);
    withoutTrace(entry);
    baselineCase(entry);
  }
  const trace = measure("with trace   ", cases, withTrace);
  const plain = measure("without trace", cases, withoutTrace);
  const baseline = measure("bare loop    ", cases, baselineCase);
  console.log(`ratios: without trace / with trace = ${(plain / trace).toFixed(2)}×; bare loop / without trace = ${(baseline / plain).toFixed(2)}×; bare loop / with trace = ${(baseline / trace).toFixed(2)}×`);
  console.log(JSON.stringify({ traceClaimsPerSec: trace, plainClaimsPerSec: plain, baselineClaimsPerSec: baseline }));
}

main();
