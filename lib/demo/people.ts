// Demo households and people: fictitious names, GB 11643-valid ID numbers whose area code is the
// county's own code (so they look local but belong to no one), identities with dated periods,
// insurance enrolments and entitlement-changing conditions.
import type { IdentityType, InsuranceScheme, Relation, ServicemanKind, ServicemanRelation, Sex } from "@/lib/generated/prisma/enums";
import { makeIdNumber } from "@/lib/people/id-number";
import { addDays, ageOn, dateBetween, yearOf } from "./dates";
import { randomGivenName, randomSurname } from "./names";
import { isUrbanCommunity, regionFullName, townshipsOf, villagesOf, type DemoCounty } from "./regions";
import type { Rng } from "./rng";

/** What kind of household this is; drives identities, ages and the claims profile. */
export type Archetype =
  | "DEMOBILIZED"
  | "WAR_VETERAN"
  | "NUCLEAR_TEST_VETERAN"
  | "ILL_RETURNED_VETERAN"
  | "MARTYR_FAMILY"
  | "DUTY_DEATH_FAMILY"
  | "ILLNESS_DEATH_FAMILY"
  | "VETERAN_RURAL"
  | "VETERAN"
  | "EXTREME_POVERTY"
  | "SUBSISTENCE"
  | "LOW_INCOME"
  | "ILLNESS_POVERTY";

export type ConditionCode = "CANCER" | "BEDRIDDEN";

export interface DemoHousehold {
  id: string;
  countyKey: DemoCounty["key"];
  /** Village-level region. */
  regionCode: string;
  address: string;
  archetype: Archetype;
}

export interface DemoPerson {
  id: string;
  countyKey: DemoCounty["key"];
  idNumber: string;
  name: string;
  sex: Sex;
  /** YYYY-MM-DD, the same date as in the ID number. */
  birthDate: string;
  regionCode: string;
  householdId: string;
  relationToHead: Relation;
  ruralHukou: boolean;
  hukouProvince: string;
  phone: string | null;
  archetype: Archetype;
  /** A long-term diagnosis code used by the claims generator, or null. */
  chronicDiagnosis: string | null;
  /**
   * In a serviceman's or a bereaved household: how this person is related to the serviceman (not
   * to the household head — a widow's father-in-law is the martyr's PARENT). Null for the
   * serviceman himself and for households of no serviceman.
   */
  relationToServiceman: ServicemanRelation | null;
  /** The serviceman record (DemoServiceman) of the household's serviceman. */
  servicemanId: string | null;
  /**
   * The serviceman's household registration province, wherever he is related: what the mapper
   * reads from his record (his person record's, when he heads the household), kept here for the
   * in-memory case file.
   */
  veteranHukouProvince: string | null;
  /** The day a 盂县 serviceman or family member applied for the Shanxi pharmacy card, or null. */
  cardAppliedOn: string | null;
}

/**
 * The serviceman of a veteran's household (its head, on the register: `personId`) or of a bereaved
 * one (a martyr, or one who died on duty or of illness: on no register, his own record).
 */
export interface DemoServiceman {
  id: string;
  countyKey: DemoCounty["key"];
  personId: string | null;
  name: string | null;
  kind: ServicemanKind;
  diedOn: string | null;
  certificate: string | null;
  hukouProvince: string | null;
  /** The county whose 退役军人事务局 keeps the record. */
  regionCode: string;
}

export interface DemoIdentity {
  id: string;
  personId: string;
  type: IdentityType;
  validFrom: string;
  validTo: string | null;
  certificate: string | null;
}

export interface DemoEnrollment {
  id: string;
  personId: string;
  scheme: InsuranceScheme;
  /** Set by generateDemoData (lib/demo/tiers.ts) where the county has tiers. */
  tier: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface DemoCondition {
  id: string;
  personId: string;
  condition: ConditionCode;
  validFrom: string;
  validTo: string | null;
}

export interface DemoPeople {
  households: DemoHousehold[];
  people: DemoPerson[];
  servicemen: DemoServiceman[];
  identities: DemoIdentity[];
  enrollments: DemoEnrollment[];
  conditions: DemoCondition[];
}

const ARCHETYPE_WEIGHTS: Readonly<Record<DemoCounty["key"], readonly (readonly [Archetype, number])[]>> = {
  yx: [
    ["DEMOBILIZED", 7], ["WAR_VETERAN", 5], ["NUCLEAR_TEST_VETERAN", 3], ["ILL_RETURNED_VETERAN", 4],
    ["MARTYR_FAMILY", 4], ["DUTY_DEATH_FAMILY", 3], ["ILLNESS_DEATH_FAMILY", 3], ["VETERAN_RURAL", 3],
    ["VETERAN", 20], ["EXTREME_POVERTY", 8], ["SUBSISTENCE", 15], ["LOW_INCOME", 8], ["ILLNESS_POVERTY", 8],
  ],
  qj: [
    ["DEMOBILIZED", 7], ["WAR_VETERAN", 5], ["NUCLEAR_TEST_VETERAN", 3], ["ILL_RETURNED_VETERAN", 4],
    ["MARTYR_FAMILY", 4], ["DUTY_DEATH_FAMILY", 3], ["ILLNESS_DEATH_FAMILY", 3], ["VETERAN_RURAL", 10],
    ["VETERAN", 18], ["EXTREME_POVERTY", 7], ["SUBSISTENCE", 14], ["LOW_INCOME", 7], ["ILLNESS_POVERTY", 7],
  ],
};

const ALL_ARCHETYPES: readonly Archetype[] = ARCHETYPE_WEIGHTS.yx.map(([a]) => a);

const CHRONIC_DIAGNOSES: readonly (readonly [string, number])[] = [
  ["HYPERTENSION", 30], ["DIABETES", 18], ["HYPERTENSION_G2_3", 10], ["DIABETES_OTHER", 6],
  ["GOUT", 4], ["HYPOTHYROIDISM", 3], ["HYPERTHYROIDISM", 2], ["GLAUCOMA", 2], ["CATARACT", 3],
];

const CERT_PREFIX: Partial<Record<IdentityType, string>> = {
  DEMOBILIZED: "FY", WAR_VETERAN: "CZ", NUCLEAR_TEST_VETERAN: "CS", ILL_RETURNED_VETERAN: "DB",
  MARTYR_FAMILY: "LS", DUTY_DEATH_FAMILY: "YG", ILLNESS_DEATH_FAMILY: "BG", VETERAN: "TY", VETERAN_RURAL: "NC",
};

interface Member {
  relation: Relation;
  sex: Sex;
  birthDate: string;
  name: string;
  hukouProvince?: string;
}

/** Options for {@link generatePeople}. */
export interface PeopleOptions {
  /** People to generate in this county (households are added until the count is reached). */
  target: number;
}

export function generatePeople(rng: Rng, county: DemoCounty, opts: PeopleOptions): DemoPeople {
  const out: DemoPeople = { households: [], people: [], servicemen: [], identities: [], enrollments: [], conditions: [] };
  const usedIds = new Set<string>();
  const certSeq = new Map<string, number>();
  // Its own stream, so that adding the cards left every other generated value as it was.
  const cardRng = rng.fork("cards");
  const servicemanRng = rng.fork("servicemen");
  const servicemanCerts = new Map<string, number>();

  const villages = townshipsOf(county.code).flatMap((t) => villagesOf(t.code));
  // Every village (hence every township) gets a household first; afterwards draw at random.
  const villageQueue = rng.shuffle(villages);
  // Every archetype occurs first; afterwards draw by weight. Two extra DEMOBILIZED so that the
  // conditions CANCER and BEDRIDDEN both occur.
  const archetypeQueue: Archetype[] = [...ALL_ARCHETYPES, "DEMOBILIZED", "DEMOBILIZED"];
  let demobilizedSeen = 0;

  const date = (from: string, to: string) => dateBetween(rng.next, from, to);
  const born = (fromYear: number, toYear: number) => date(`${fromYear}-01-01`, `${toYear}-12-31`);
  const certificate = (type: IdentityType, from: string): string | null => {
    const prefix = CERT_PREFIX[type];
    if (!prefix) return null;
    const key = `${prefix}${yearOf(from)}`;
    const n = (certSeq.get(key) ?? 0) + 1;
    certSeq.set(key, n);
    return `${county.key.toUpperCase()}-${prefix}-${yearOf(from)}-${String(n).padStart(4, "0")}`;
  };
  const birthDates = new Map<string, string>();
  const addIdentity = (personId: string, type: IdentityType, validFrom: string, validTo: string | null = null) => {
    // Nobody holds an identity before they were born (a martyr's child born after his death).
    const birth = birthDates.get(personId) ?? validFrom;
    const from = birth > validFrom ? birth : validFrom;
    if (validTo !== null && validTo < from) return;
    out.identities.push({ id: rng.uuid(), personId, type, validFrom: from, validTo, certificate: certificate(type, from) });
  };

  while (out.people.length < opts.target) {
    const archetype = archetypeQueue.shift() ?? rng.weighted(ARCHETYPE_WEIGHTS[county.key]);
    const village = villageQueue.shift() ?? rng.pick(villages);
    const rural = !isUrbanCommunity(village.code) || rng.chance(0.25);
    const householdId = rng.uuid();
    const group = rng.int(1, 12);
    const address = `${regionFullName(village.code)}${isUrbanCommunity(village.code) ? `${rng.int(1, 30)}栋${rng.int(1, 4)}单元${rng.int(1, 6)}0${rng.int(1, 4)}号` : `${group}组${rng.int(1, 60)}号`}`;
    out.households.push({ id: householdId, countyKey: county.key, regionCode: village.code, address, archetype });

    const surname = randomSurname(rng);
    const members = buildMembers(rng, archetype, surname, born);
    const ids: string[] = [];
    const householdPeople: DemoPerson[] = [];
    for (const m of members) {
      const personId = rng.uuid();
      ids.push(personId);
      birthDates.set(personId, m.birthDate);
      let idNumber = "";
      do idNumber = makeIdNumber(county.code, m.birthDate, rng.int(0, 999), m.sex);
      while (usedIds.has(idNumber));
      usedIds.add(idNumber);
      const age = ageOn(m.birthDate, "2025-07-01");
      const chronicDiagnosis = age >= 45 && rng.chance(age >= 65 ? 0.55 : 0.3) ? rng.weighted(CHRONIC_DIAGNOSES) : null;
      const demoPerson: DemoPerson = {
        id: personId,
        countyKey: county.key,
        idNumber,
        name: m.name,
        sex: m.sex,
        birthDate: m.birthDate,
        regionCode: village.code,
        householdId,
        relationToHead: m.relation,
        ruralHukou: rural,
        hukouProvince: m.hukouProvince ?? county.province,
        // Phone numbers are left empty: random mobile numbers could belong to real people.
        phone: null,
        archetype,
        chronicDiagnosis,
        relationToServiceman: servicemanRelation(archetype, m.relation, members[0]?.sex ?? "M"),
        servicemanId: null,
        veteranHukouProvince: null,
        cardAppliedOn: null,
      };
      out.people.push(demoPerson);
      householdPeople.push(demoPerson);
      addEnrollments(rng, out, personId, m.birthDate, archetype, age);
    }

    const head = ids[0]!;
    const headMember = members[0]!;
    const others = ids.slice(1);
    // When a bereaved household's identity starts: the serviceman died shortly before.
    let bereavedFrom: string | null = null;
    switch (archetype) {
      case "DEMOBILIZED": {
        addIdentity(head, "DEMOBILIZED", date("1985-01-01", "2008-12-31"));
        if (county.key === "qj") addIdentity(head, "VETERAN_RURAL", date("2019-06-01", "2021-12-31"));
        demobilizedSeen++;
        const cond: ConditionCode | null =
          demobilizedSeen === 1 ? "BEDRIDDEN" : demobilizedSeen === 2 ? "CANCER" : rng.chance(0.25) ? rng.pick(["BEDRIDDEN", "CANCER"] as const) : null;
        if (cond) {
          out.conditions.push({
            id: rng.uuid(),
            personId: head,
            condition: cond,
            validFrom: cond === "CANCER" ? date("2022-01-01", "2025-03-31") : date("2020-01-01", "2024-12-31"),
            validTo: null,
          });
        }
        if (rng.chance(0.2)) addIdentity(head, "EXTREME_POVERTY", date("2016-01-01", "2022-12-31"));
        break;
      }
      case "WAR_VETERAN":
      case "NUCLEAR_TEST_VETERAN":
      case "ILL_RETURNED_VETERAN": {
        addIdentity(head, archetype, date("2004-01-01", "2015-12-31"));
        const since = date("2019-01-01", "2021-12-31");
        addIdentity(head, "VETERAN", since);
        for (const o of others) if (rng.chance(0.6)) addIdentity(o, "VETERAN_FAMILY", since);
        if (rng.chance(0.15)) for (const id of ids) addIdentity(id, "SUBSISTENCE", date("2016-01-01", "2023-12-31"));
        break;
      }
      case "MARTYR_FAMILY":
      case "DUTY_DEATH_FAMILY":
      case "ILLNESS_DEATH_FAMILY": {
        // The soldier died; the household is his widow (head) with their child and his parents, or
        // his parents. Everyone but a parent-in-law's other children holds the family identity.
        const from = date(yearOf(headMember.birthDate) < 1960 ? "1980-01-01" : "2000-01-01", "2020-12-31");
        for (const id of ids) addIdentity(id, archetype, from);
        bereavedFrom = from;
        break;
      }
      case "VETERAN_RURAL": {
        const since = date("2019-06-01", "2023-12-31");
        addIdentity(head, "VETERAN_RURAL", since);
        addIdentity(head, "VETERAN", since);
        for (const o of others) if (rng.chance(0.5)) addIdentity(o, "VETERAN_FAMILY", since);
        break;
      }
      case "VETERAN": {
        const since = date("2019-01-01", "2024-06-30");
        addIdentity(head, "VETERAN", since);
        for (const o of others) if (rng.chance(0.7)) addIdentity(o, "VETERAN_FAMILY", since);
        if (rng.chance(0.12)) {
          const from = date("2018-01-01", "2024-12-31");
          const ended = rng.chance(0.4) ? date("2025-03-01", "2025-09-30") : null;
          for (const id of ids) addIdentity(id, "LOW_INCOME", from, ended);
        }
        break;
      }
      case "EXTREME_POVERTY": {
        const from = date("2014-01-01", "2024-06-30");
        addIdentity(head, "EXTREME_POVERTY", from, rng.chance(0.1) ? date("2025-01-31", "2025-10-31") : null);
        for (const o of others) if (rng.chance(0.3)) addIdentity(o, "EXTREME_POVERTY", from);
        break;
      }
      case "SUBSISTENCE":
      case "LOW_INCOME":
      case "ILLNESS_POVERTY": {
        const r = rng.next();
        // Most hold the identity all year; some left it during 2024–2025, some joined during 2025.
        let from = date("2014-01-01", "2024-06-30");
        let to: string | null = null;
        if (r < 0.12) to = date("2024-03-31", "2025-10-31");
        else if (r < 0.22) from = date("2025-02-01", "2025-09-30");
        for (const id of ids) addIdentity(id, archetype, from, to);
        // A household that left 低保 in 2025 often moves on to the low-income list the next day.
        if (archetype === "SUBSISTENCE" && to && to >= "2025-01-01" && rng.chance(0.6)) {
          for (const id of ids) addIdentity(id, "LOW_INCOME", addDays(to, 1));
        }
        break;
      }
    }
    const serviceman = servicemanOf(servicemanRng, householdPeople, members, archetype, county, surname, bereavedFrom, servicemanCerts);
    if (serviceman) {
      out.servicemen.push(serviceman);
      linkServiceman(householdPeople, serviceman, county);
    }
    if (county.key === "yx") applyForCards(cardRng, householdPeople, archetype);
  }
  return out;
}

const BEREAVED_KIND: Partial<Record<Archetype, ServicemanKind>> = { MARTYR_FAMILY: "MARTYR", DUTY_DEATH_FAMILY: "DIED_ON_DUTY", ILLNESS_DEATH_FAMILY: "DIED_OF_ILLNESS" };
const SERVICEMAN_CERT: Record<ServicemanKind, string> = { VETERAN: "TY", MARTYR: "LSZ", DIED_ON_DUTY: "YGZ", DIED_OF_ILLNESS: "BGZ" };

// The serviceman heads a veteran's household (his record points at his person record); in a
// bereaved one he is dead and on no register: a record of his own, with the certificate of his
// death (烈士证明书 etc.). Drawn from its own stream, so the rest of the data stays as it was.
function servicemanOf(
  rng: Rng,
  household: readonly DemoPerson[],
  members: readonly Member[],
  archetype: Archetype,
  county: DemoCounty,
  surname: string,
  bereavedFrom: string | null,
  certSeq: Map<string, number>,
): DemoServiceman | null {
  const head = household[0];
  if (!head || !household.some((p) => p.relationToServiceman !== null)) return null;
  const base = { id: rng.uuid(), countyKey: county.key, regionCode: county.code };
  if (VETERAN_HEADED.has(archetype)) return { ...base, personId: head.id, name: null, kind: "VETERAN", diedOn: null, certificate: null, hukouProvince: null };
  const kind = BEREAVED_KIND[archetype];
  if (!kind || bereavedFrom === null) return null;
  // A widow's husband was about her age; the parents' son 22–30 years younger than his father.
  const headYear = yearOf(members[0]?.birthDate ?? "1960-01-01");
  const bornYear = head.sex === "F" ? headYear + rng.int(-3, 2) : headYear + rng.int(22, 30);
  const diedOn = addDays(bereavedFrom, -rng.int(20, 200));
  const key = `${SERVICEMAN_CERT[kind]}${yearOf(diedOn)}`;
  const n = (certSeq.get(key) ?? 0) + 1;
  certSeq.set(key, n);
  return {
    ...base,
    personId: null,
    name: surname + randomGivenName(rng, "M", bornYear),
    kind,
    diedOn,
    certificate: `${county.key.toUpperCase()}-${SERVICEMAN_CERT[kind]}-${yearOf(diedOn)}-${String(n).padStart(4, "0")}`,
    hukouProvince: county.province,
  };
}

function linkServiceman(household: readonly DemoPerson[], serviceman: DemoServiceman, county: DemoCounty): void {
  const head = household[0];
  for (const p of household) {
    if (p.relationToServiceman === null) continue;
    p.servicemanId = serviceman.id;
    p.veteranHukouProvince = serviceman.personId !== null && head ? head.hukouProvince : (serviceman.hukouProvince ?? county.province);
  }
}

// SX-CARD-2026 opened for applications in 2026 (deadline 31 March): most of a serviceman's or
// bereaved household applied in time, a few late, the rest not at all.
function applyForCards(rng: Rng, household: readonly DemoPerson[], archetype: Archetype): void {
  if (!VETERAN_HEADED.has(archetype) && !FAMILY_ARCHETYPES.has(archetype)) return;
  for (const p of household) {
    const r = rng.next();
    if (r < 0.55) p.cardAppliedOn = dateBetween(rng.next, "2026-01-05", "2026-03-31");
    else if (r < 0.62) p.cardAppliedOn = dateBetween(rng.next, "2026-04-01", "2026-06-30");
  }
}

const FAMILY_ARCHETYPES: ReadonlySet<Archetype> = new Set(["MARTYR_FAMILY", "DUTY_DEATH_FAMILY", "ILLNESS_DEATH_FAMILY"]);
const VETERAN_HEADED: ReadonlySet<Archetype> = new Set([
  "DEMOBILIZED", "WAR_VETERAN", "NUCLEAR_TEST_VETERAN", "ILL_RETURNED_VETERAN", "VETERAN_RURAL", "VETERAN",
]);

function servicemanRelation(archetype: Archetype, toHead: Relation, headSex: Sex): DemoPerson["relationToServiceman"] {
  if (FAMILY_ARCHETYPES.has(archetype)) {
    // Either the widow heads the household (with the child and his parent), or his parents do.
    if (headSex === "F") return toHead === "HEAD" ? "SPOUSE" : toHead === "CHILD" ? "CHILD" : "PARENT";
    return "PARENT";
  }
  if (VETERAN_HEADED.has(archetype)) {
    if (toHead === "SPOUSE") return "SPOUSE";
    if (toHead === "CHILD") return "CHILD";
    if (toHead === "PARENT") return "PARENT";
  }
  return null;
}

function buildMembers(
  rng: Rng,
  archetype: Archetype,
  surname: string,
  born: (fromYear: number, toYear: number) => string,
): Member[] {
  const person = (relation: Relation, sex: Sex, birthDate: string, ownSurname?: string): Member => ({
    relation,
    sex,
    birthDate,
    name: (ownSurname ?? surname) + randomGivenName(rng, sex, yearOf(birthDate)),
  });
  const spouseOf = (head: Member, spread = 5): Member => {
    const y = yearOf(head.birthDate) + rng.int(-2, spread);
    const sex: Sex = head.sex === "M" ? "F" : "M";
    const m = person("SPOUSE", sex, born(y, y), randomSurname(rng));
    // A few spouses come from another province (their hukou stayed there).
    if (rng.chance(0.06)) m.hukouProvince = rng.pick(["HE", "HA", "SC", "GZ", "SN"]);
    return m;
  };
  const childOf = (parent: Member, minGap = 22, maxGap = 34): Member => {
    const y = Math.min(2022, yearOf(parent.birthDate) + rng.int(minGap, maxGap));
    const sex: Sex = rng.chance(0.5) ? "M" : "F";
    return person("CHILD", sex, born(y, y));
  };
  const extra = (list: Member[], max: number) => list.slice(0, Math.max(2, Math.min(max, list.length)));

  switch (archetype) {
    case "DEMOBILIZED": {
      const head = person("HEAD", "M", born(1929, 1938));
      const list = [head, spouseOf(head, 6), childOf(head, 20, 32), childOf(head, 24, 36)];
      // Very old couples: one of them is often widowed; keep 2–4 members.
      if (rng.chance(0.4)) list.splice(1, 1);
      return extra(list, rng.int(2, 4));
    }
    case "WAR_VETERAN":
    case "NUCLEAR_TEST_VETERAN":
    case "ILL_RETURNED_VETERAN": {
      const range: Record<typeof archetype, [number, number]> = {
        WAR_VETERAN: [1955, 1966],
        NUCLEAR_TEST_VETERAN: [1940, 1962],
        ILL_RETURNED_VETERAN: [1945, 1972],
      };
      const [a, b] = range[archetype];
      const head = person("HEAD", "M", born(a, b));
      return extra([head, spouseOf(head), childOf(head), childOf(head)], rng.int(2, 4));
    }
    case "MARTYR_FAMILY":
    case "DUTY_DEATH_FAMILY":
    case "ILLNESS_DEATH_FAMILY": {
      if (rng.chance(0.5)) {
        // Widow heads the household; her child and her late husband's parent live with her.
        const widow = person("HEAD", "F", born(1958, 1988), randomSurname(rng));
        const child = childOf(widow, 22, 30);
        const y = yearOf(widow.birthDate) - rng.int(22, 30);
        const inLaw = person("PARENT_IN_LAW", rng.chance(0.6) ? "F" : "M", born(y, y));
        return extra([widow, child, inLaw], rng.int(2, 3));
      }
      // The soldier's parents.
      const father = person("HEAD", "M", born(1938, 1962));
      const mother = spouseOf(father, 4);
      return [father, mother];
    }
    case "VETERAN_RURAL": {
      const head = person("HEAD", "M", born(1945, 1968));
      return extra([head, spouseOf(head), childOf(head)], rng.int(2, 3));
    }
    case "VETERAN": {
      const sex: Sex = rng.chance(0.92) ? "M" : "F";
      const head = person("HEAD", sex, born(1958, 1998));
      const list = [head, spouseOf(head), childOf(head, 24, 34)];
      if (yearOf(head.birthDate) >= 1975 && rng.chance(0.5)) {
        const y = yearOf(head.birthDate) - rng.int(24, 32);
        list.push(person("PARENT", rng.chance(0.5) ? "M" : "F", born(y, y)));
      }
      return extra(list, rng.int(2, 4));
    }
    case "EXTREME_POVERTY": {
      const head = person("HEAD", rng.chance(0.7) ? "M" : "F", born(1936, 1975));
      const y = yearOf(head.birthDate) + rng.int(-6, 6);
      // 特困 people live alone or with a sibling; the register still groups them as a household.
      return [head, person("OTHER", rng.chance(0.5) ? "M" : "F", born(y, y))];
    }
    case "SUBSISTENCE":
    case "LOW_INCOME":
    case "ILLNESS_POVERTY": {
      const head = person("HEAD", rng.chance(0.8) ? "M" : "F", born(1945, 1990));
      const list = [head, spouseOf(head), childOf(head)];
      if (rng.chance(0.4)) {
        const y = yearOf(head.birthDate) - rng.int(22, 32);
        if (y >= 1928) list.push(person("PARENT", rng.chance(0.5) ? "M" : "F", born(y, y)));
      }
      return extra(list, rng.int(2, 4));
    }
  }
}

function addEnrollments(rng: Rng, out: DemoPeople, personId: string, birthDate: string, archetype: Archetype, age: number) {
  const r = rng.next();
  // About 3% are not enrolled at all.
  if (r < 0.03) return;
  const start = (from: string) => (birthDate > from ? birthDate : from);
  const add = (scheme: InsuranceScheme, validFrom: string, validTo: string | null) =>
    out.enrollments.push({ id: rng.uuid(), personId, scheme, tier: null, validFrom, validTo });
  const working = age >= 20 && age < 60;
  const employeeLikely = working && (archetype === "VETERAN" || archetype === "VETERAN_RURAL" || archetype === "WAR_VETERAN");
  const pEmployee = employeeLikely ? 0.4 : working ? 0.15 : age >= 60 && age < 75 ? 0.1 : 0;
  if (rng.chance(pEmployee)) {
    const from = start(dateBetween(rng.next, "2005-01-01", "2020-12-31"));
    if (working && rng.chance(0.12)) {
      // Lost the job in 2025 and moved to the resident scheme the next month.
      const end = dateBetween(rng.next, "2025-02-28", "2025-08-31");
      add("EMPLOYEE", from, end);
      add("RESIDENT", addDays(end, 1), null);
    } else add("EMPLOYEE", from, null);
    return;
  }
  if (r < 0.06) {
    // Resident enrolment lapsed during 2025 (contribution not paid for the year).
    add("RESIDENT", start("2010-01-01"), "2025-06-30");
    return;
  }
  if (working && rng.chance(0.05)) {
    // Found a job in 2025: resident until the end of the previous month, employee since.
    const switchOn = dateBetween(rng.next, "2025-03-01", "2025-09-01").slice(0, 8) + "01";
    add("RESIDENT", start("2010-01-01"), addDays(switchOn, -1));
    add("EMPLOYEE", switchOn, null);
    return;
  }
  add("RESIDENT", start(rng.chance(0.7) ? "2010-01-01" : dateBetween(rng.next, "2011-01-01", "2020-12-31")), null);
}

