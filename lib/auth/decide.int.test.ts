import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor, SystemActor } from "@/lib/auth/actor";
import { decide, RULES, type DecisionRecord, type EntityKind } from "@/lib/auth/decide";
import { PERMISSIONS, ROLES, type GrantHolder, type Permission } from "@/lib/auth/permissions";
import { createPrisma } from "@/lib/db";
import { makePerson, makeRegionTree, makeUser } from "@/test/integration/factories";

// The role × action × region grid, derived from this one table of who may do what: every role (and
// the system) against every action, on real rows of four regions — the actor's own township,
// another township of the county, the county itself, and another county.

const TOWNSHIP: readonly GrantHolder[] = ["TOWNSHIP_CLERK", "TOWNSHIP_REVIEWER"];
const BUREAUS: readonly GrantHolder[] = ["MEDICAL_SECURITY", "VETERANS_AFFAIRS", "CIVIL_AFFAIRS"];
const READERS: readonly GrantHolder[] = [...TOWNSHIP, ...BUREAUS, "FINANCE", "AUDITOR"];

const WHO_MAY: Record<Permission, readonly GrantHolder[]> = {
  "person:read": [...READERS, "SYSTEM"],
  "person:view-id": [...TOWNSHIP, ...BUREAUS],
  "case:read": [...READERS, "SYSTEM"],
  "payment:read": ["FINANCE", "AUDITOR"],
  "policy:read": [...READERS, "ADMIN", "SYSTEM"],
  "audit:read": ["AUDITOR", "ADMIN"],
  "audit:export": ["AUDITOR", "ADMIN"],
  "rules:trial": [...TOWNSHIP, ...BUREAUS],
  "account:self": [...READERS, "ADMIN"],
  "user:create": ["ADMIN"],
  "user:update": ["ADMIN"],
  "user:reset-password": ["ADMIN"],
  "person:create": ["TOWNSHIP_CLERK"],
  "person:update": ["TOWNSHIP_CLERK"],
  "person:merge": BUREAUS,
  "household:create": ["TOWNSHIP_CLERK"],
  "household:update": ["TOWNSHIP_CLERK"],
  "serviceman:manage": ["VETERANS_AFFAIRS"],
  "identity:propose": ["TOWNSHIP_CLERK"],
  "identity:manage:assistance": ["CIVIL_AFFAIRS"],
  "identity:manage:special-care": ["VETERANS_AFFAIRS"],
  "identity:manage:medical": ["MEDICAL_SECURITY"],
  "enrolment:manage": ["MEDICAL_SECURITY"],
  "roster:upload": ["CIVIL_AFFAIRS", "VETERANS_AFFAIRS"],
  "roster:acknowledge": ["MEDICAL_SECURITY"],
  "hospital:manage": ["ADMIN"],
  "region:manage": ["ADMIN"],
  "calendar:manage": ["ADMIN"],
  "county:add": ["SYSTEM"],
  "case:file": ["TOWNSHIP_CLERK"],
  "case:resubmit": ["TOWNSHIP_CLERK"],
  "case:withdraw": ["TOWNSHIP_CLERK"],
  "case:investigate": ["TOWNSHIP_REVIEWER"],
  "case:publicize": ["TOWNSHIP_REVIEWER"],
  "case:object": ["TOWNSHIP_REVIEWER"],
  "case:return": ["TOWNSHIP_REVIEWER"],
  "case:reject": ["TOWNSHIP_REVIEWER"],
  "case:approve:assistance": ["MEDICAL_SECURITY"],
  "case:approve:special-care": ["VETERANS_AFFAIRS"],
  "case:serve-notice": ["TOWNSHIP_CLERK", "MEDICAL_SECURITY", "VETERANS_AFFAIRS"],
  "payment:record": ["FINANCE"],
  "claim:recompute": ["ADMIN", "SYSTEM"],
  "roster:check": ["SYSTEM"],
  "roster:apply": ["SYSTEM"],
};

const PLACES = ["ownTownship", "otherTownship", "county", "otherCounty"] as const;
type Place = (typeof PLACES)[number];

/** Township roles reach their own township; county roles the county and all its townships; nobody another county. */
function reaches(holder: GrantHolder, place: Place): boolean {
  if (place === "otherCounty") return false;
  if (holder === "TOWNSHIP_CLERK" || holder === "TOWNSHIP_REVIEWER") return place === "ownTownship";
  return true;
}

const db = createPrisma();
type Tree = Awaited<ReturnType<typeof makeRegionTree>>;
let home: Tree;
let away: Tree;
const actors = new Map<GrantHolder, Actor | SystemActor>();
/** Real rows of each kind in each place, with the region path read back from the database. */
const records = new Map<`${EntityKind}:${Place}`, DecisionRecord>();

async function regionPath(code: string): Promise<string> {
  return (await db.region.findUniqueOrThrow({ where: { code } })).path;
}

beforeAll(async () => {
  home = await makeRegionTree(db);
  away = await makeRegionTree(db);
  const codes: Record<Place, string> = { ownTownship: home.townA, otherTownship: home.townB, county: home.county, otherCounty: away.county };
  for (const role of ROLES) actors.set(role, (await makeUser(db, role, role === "TOWNSHIP_CLERK" || role === "TOWNSHIP_REVIEWER" ? home.townA : home.county)).actor);
  actors.set("SYSTEM", { kind: "system", job: "grid", jobId: "grid-1", regionCode: home.county, regionPath: await regionPath(home.county) });
  for (const place of PLACES) {
    const code = codes[place];
    const person = await makePerson(db, code, "网格");
    const personRow = await db.person.findUniqueOrThrow({ where: { id: person.id }, include: { region: true } });
    const { user } = await makeUser(db, "TOWNSHIP_CLERK", code);
    const userRow = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { region: true } });
    const path = await regionPath(codes[place]);
    records.set(`region:${place}`, { entity: "region", id: codes[place], regionPath: path });
    records.set(`person:${place}`, { entity: "person", id: personRow.id, regionPath: personRow.region.path });
    records.set(`user:${place}`, { entity: "user", id: userRow.id, regionPath: userRow.region.path });
    const household = await db.household.create({ data: { regionCode: code, address: "网格村1号" }, include: { region: true } });
    records.set(`household:${place}`, { entity: "household", id: household.id, regionPath: household.region.path });
    const serviceman = await db.serviceman.create({ data: { name: "网格烈士", kind: "MARTYR", hukouProvince: "SX", regionCode: code }, include: { region: true } });
    records.set(`serviceman:${place}`, { entity: "serviceman", id: serviceman.id, regionPath: serviceman.region.path });
    // A proposal lives where its person does.
    const proposal = await db.identityProposal.create({ data: { personId: person.id, type: "SUBSISTENCE", validFrom: new Date("2026-01-01"), reason: "网格", bureau: "CIVIL_AFFAIRS", proposedById: user.id, proposedBy: user.username } });
    records.set(`proposal:${place}`, { entity: "proposal", id: proposal.id, regionPath: personRow.region.path, state: proposal.state });
    // Kinds whose tables later issues build: a record in a real region, in the first state the action accepts.
    for (const entity of ["case", "roster", "hospital", "job"] as const) records.set(`${entity}:${place}`, { entity, id: `${entity}-${place}`, regionPath: path });
  }
});
afterAll(() => db.$disconnect());

function recordFor(action: Permission, entity: EntityKind, place: Place): DecisionRecord {
  const base = records.get(`${entity}:${place}`);
  if (!base) throw new Error(`no ${entity} row in ${place}`);
  const states = RULES[action].on[entity];
  return states && states !== "any" ? { ...base, state: states[0] } : base;
}

describe("the role × action × region grid", () => {
  it("covers every permission and every role", () => {
    expect(Object.keys(WHO_MAY).sort()).toEqual([...PERMISSIONS].sort());
    expect([...actors.keys()].sort()).toEqual([...ROLES, "SYSTEM"].sort());
  });

  it("allows exactly what the table says, on real rows in every region", () => {
    let cells = 0;
    const wrong: string[] = [];
    for (const action of PERMISSIONS) {
      for (const [holder, actor] of actors) {
        // Without a record only the permission is decided.
        const bare = decide(actor, action).ok;
        if (bare !== WHO_MAY[action].includes(holder)) wrong.push(`${holder} ${action} (no record): ${bare}`);
        cells += 1;
        for (const entity of Object.keys(RULES[action].on) as EntityKind[]) {
          for (const place of PLACES) {
            const record = RULES[action].scope === "self" && actor.kind === "user" && place === "ownTownship"
              ? { entity, id: actor.id, regionPath: actor.regionPath }
              : recordFor(action, entity, place);
            const expected = WHO_MAY[action].includes(holder) && (RULES[action].scope === "self" ? record.id === (actor.kind === "user" ? actor.id : null) : reaches(holder, place));
            const got = decide(actor, action, record).ok;
            if (got !== expected) wrong.push(`${holder} ${action} ${entity}@${place}: expected ${expected}, got ${got}`);
            cells += 1;
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    // Guard: a grid that tests nothing must not pass.
    expect(cells).toBeGreaterThan(PERMISSIONS.length * actors.size * PLACES.length);
  });

  it("refuses every stated action on a record in a state it does not accept", () => {
    let checked = 0;
    for (const action of PERMISSIONS) {
      for (const [entity, states] of Object.entries(RULES[action].on)) {
        if (states === "any") continue;
        const holder = WHO_MAY[action][0];
        const actor = holder ? actors.get(holder) : undefined;
        if (!actor) throw new Error(`${action}: nobody may take it`);
        const record = { ...recordFor(action, entity as EntityKind, "ownTownship"), state: "NO_SUCH_STATE" };
        expect(decide(actor, action, record)).toEqual({ ok: false, refusal: "state" });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
