import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { createHospital } from "@/lib/hospitals/create-hospital";
import { updateHospital } from "@/lib/hospitals/update-hospital";
import { expectRefused, lastAudit } from "@/test/integration/command-harness";
import { makeRegionTree, makeUser } from "@/test/integration/factories";

const db = createPrisma();
let home: Awaited<ReturnType<typeof makeRegionTree>>;
let away: Awaited<ReturnType<typeof makeRegionTree>>;
let n = 0;
type YesNo = "true" | "false";
const input = (regionCode: string) => ({ code: `h${regionCode}${(n += 1)}`, name: "县人民医院", regionCode, level: "2", priceClass: "2", runBy: "COUNTY" as "COUNTY" | "CITY" | "PROVINCE", isPublic: "true" as YesNo, province: "SX", cardDesignated: "false" as YesNo });

beforeAll(async () => {
  home = await makeRegionTree(db);
  away = await makeRegionTree(db);
});
afterAll(() => db.$disconnect());

describe("hospital directory", () => {
  it("the administrator adds an entry (code upper-cased) and corrects it, audited with before and after", async () => {
    const { actor } = await makeUser(db, "ADMIN", home.county);
    const data = input(home.county);
    const { id } = await createHospital(db, actor, data, { requestId: "req-h1" });
    expect(await db.hospital.findUniqueOrThrow({ where: { id } })).toMatchObject({ code: data.code.toUpperCase(), level: 2, priceClass: 2, runBy: "COUNTY", isPublic: true, cardDesignated: false });
    expect(await lastAudit(db, "hospital.create")).toMatchObject({ entityId: id, regionCode: home.county, requestId: "req-h1" });
    await updateHospital(db, actor, { ...data, id, level: "3", cardDesignated: "true" });
    const audit = await lastAudit(db, "hospital.update");
    expect([audit.before, audit.after]).toMatchObject([{ level: 2, cardDesignated: false }, { level: 3, cardDesignated: true }]);
  });

  it("is refused to a bureau, outside the county, and for a code already in the directory; nothing written", async () => {
    const { actor } = await makeUser(db, "ADMIN", home.county);
    const { actor: medsec } = await makeUser(db, "MEDICAL_SECURITY", home.county);
    const { actor: otherAdmin } = await makeUser(db, "ADMIN", away.county);
    const data = input(home.county);
    const { id } = await createHospital(db, actor, data);
    const before = await db.hospital.count();
    await expectRefused(db, () => createHospital(db, medsec, input(home.county)), ForbiddenError, { audited: true });
    await expectRefused(db, () => createHospital(db, actor, input(away.county)), NotFoundError, { audited: true });
    await expectRefused(db, () => updateHospital(db, otherAdmin, { ...data, id, name: "改名" }), NotFoundError, { audited: true });
    await expectRefused(db, () => createHospital(db, actor, { ...data, name: "另一家" }), ValidationError, { audited: false });
    const error = await createHospital(db, actor, { ...input(home.county), level: "4", runBy: "VILLAGE" as "COUNTY", province: "shanxi" }).catch((e: unknown) => e);
    expect((error as ValidationError).issues.map((i) => [i.path[0], i.message])).toEqual([["level", "validation.level"], ["runBy", "validation.runBy"], ["province", "validation.province"]]);
    expect(await db.hospital.count()).toBe(before);
    expect((await db.hospital.findUniqueOrThrow({ where: { id } })).name).toBe("县人民医院");
  });
});
