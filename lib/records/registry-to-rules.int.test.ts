// Issue 9, item 6: what the registry's commands record is what a claim's computation reads, on the
// claim's dates, through the mapper (lib/records/load.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db";
import { addCondition } from "@/lib/people/add-condition";
import { addEnrolment } from "@/lib/people/add-enrolment";
import { addAssistanceIdentity, addSpecialCareIdentity } from "@/lib/people/add-identity";
import { createPerson } from "@/lib/people/create-person";
import { endCondition } from "@/lib/people/end-condition";
import { makeIdNumber } from "@/lib/people/id-number";
import { updatePerson } from "@/lib/people/update-person";
import { loadPersonForRules } from "@/lib/records/load";
import { enrolmentOn, identitiesOn } from "@/lib/rules/domain";
import { monthlyAllowance } from "@/lib/rules/entitlements";
import { formatYuan } from "@/lib/rules/money";
import { PARAMETER_CATALOGUE } from "@/lib/rules/library/parameters";
import { specialCareIdentities } from "@/lib/rules/stages/special-care";
import { makeRegionTree, makeUser } from "@/test/integration/factories";

const db = createPrisma();
let personId: string;
let idNumber: string;
let county: string;
let townA: string;
let medsec: Awaited<ReturnType<typeof makeUser>>["actor"];
let veteransActor: Awaited<ReturnType<typeof makeUser>>["actor"];
let clerkActor: Awaited<ReturnType<typeof makeUser>>["actor"];

// QJ-YF-2023's groups as the policy library holds them (60+ for rural veterans).
const GROUPS = PARAMETER_CATALOGUE["specialCare.groups"].versions[0]!.value;

beforeAll(async () => {
  const tree = await makeRegionTree(db);
  county = tree.county;
  townA = tree.townA;
  await db.region.update({ where: { code: county }, data: { jurisdiction: "CN-CQ-QJ" } });
  const { actor: clerk } = await makeUser(db, "TOWNSHIP_CLERK", townA);
  const { actor: veterans } = await makeUser(db, "VETERANS_AFFAIRS", county);
  const { actor: civil } = await makeUser(db, "CIVIL_AFFAIRS", county);
  idNumber = makeIdNumber(townA.slice(0, 6), "1966-07-10", 11, "M");
  ({ id: personId } = await createPerson(db, clerk, { idNumber, name: "周退役", regionCode: townA, ruralHukou: "true", hukouProvince: "CQ" }));
  await addSpecialCareIdentity(db, veterans, { personId, type: "VETERAN_RURAL", validFrom: "2010-01-01" });
  await addAssistanceIdentity(db, civil, { personId, type: "SUBSISTENCE", validFrom: "2026-01-01", validTo: "2026-03-31" });
  ({ actor: medsec } = await makeUser(db, "MEDICAL_SECURITY", county));
  veteransActor = veterans;
  clerkActor = clerk;
  await addEnrolment(db, medsec, { personId, scheme: "RESIDENT", tier: "TIER_1", validFrom: "2020-01-01" });
  await addCondition(db, medsec, { personId, condition: "CANCER", validFrom: "2026-02-01", evidence: "区人民医院诊断证明" });
});
afterAll(() => db.$disconnect());

describe("a claim's computation reads the registry on its dates", () => {
  it("gets the identities that held on each date, the enrolment and the conditions", async () => {
    const person = await loadPersonForRules(db, personId);
    expect(person.birthDate).toBe("1966-07-10");
    expect(person.jurisdiction).toBe("CN-CQ-QJ");
    expect(identitiesOn(person, "2026-02-15").sort()).toEqual(["SUBSISTENCE", "VETERAN_RURAL"]);
    expect(identitiesOn(person, "2026-04-01")).toEqual(["VETERAN_RURAL"]);
    expect(enrolmentOn(person, "2026-04-01")).toEqual({ scheme: "RESIDENT", from: "2020-01-01", to: null });
    expect(person.conditions).toEqual([{ condition: "CANCER", from: "2026-02-01", to: null }]);
  });

  it("an ended condition earns the 在乡复员军人 extra only for the years it held (QJ-YF-2023 Art. 8(1))", async () => {
    const { id } = await createPerson(db, clerkActor, { idNumber: makeIdNumber(townA.slice(0, 6), "1938-03-02", 13, "M"), name: "吴复员", regionCode: townA, ruralHukou: "true", hukouProvince: "CQ" });
    await addSpecialCareIdentity(db, veteransActor, { personId: id, type: "DEMOBILIZED", validFrom: "2020-01-01" });
    const { id: conditionId } = await addCondition(db, medsec, { personId: id, condition: "CANCER", validFrom: "2024-03-10", evidence: "区人民医院诊断证明" });
    expect(formatYuan(monthlyAllowance(await loadPersonForRules(db, id), 2025).amount)).toBe("3000.00");
    await endCondition(db, medsec, { conditionId, validTo: "2024-12-31" });
    const person = await loadPersonForRules(db, id);
    expect(formatYuan(monthlyAllowance(person, 2024).amount)).toBe("3000.00");
    expect(formatYuan(monthlyAllowance(person, 2025).amount)).toBe("1200.00");
  });

  it("QJ's rural veteran counts from his 60th birthday, read from the ID number's birth date", async () => {
    const person = await loadPersonForRules(db, personId);
    expect(specialCareIdentities(person, "2026-07-09", GROUPS)).toEqual([]);
    expect(specialCareIdentities(person, "2026-07-10", GROUPS)).toEqual([{ identity: "VETERAN_RURAL", group: "B" }]);
  });

  it("a recorded death ends what the registry gives, though no bureau has ended the period yet", async () => {
    const { actor: clerk } = await makeUser(db, "TOWNSHIP_CLERK", townA);
    const row = await db.person.findUniqueOrThrow({ where: { id: personId } });
    await updatePerson(db, clerk, { id: personId, version: String(row.version), idNumber: "", name: row.name, regionCode: row.regionCode, ruralHukou: "true", hukouProvince: "CQ", diedOn: "2026-08-20" });
    const person = await loadPersonForRules(db, personId);
    expect(identitiesOn(person, "2026-08-20")).toEqual(["VETERAN_RURAL"]);
    expect(identitiesOn(person, "2026-08-21")).toEqual([]);
    expect(enrolmentOn(person, "2026-08-21")).toBeNull();
  });
});
