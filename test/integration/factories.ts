import { randomInt } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

// Each test file builds its own small region tree under a random fictitious province code (9x),
// so tests never depend on the demo data or on one another.
export async function makeRegionTree(db: Db) {
  // The codes share their first four digits, so only ~900 trees fit: draw a prefix no earlier tree
  // (of this run or of an earlier run against the same database) has taken.
  let province = `9${randomInt(10_000, 99_999)}`;
  for (let attempt = 0; await db.region.findFirst({ where: { code: { startsWith: province.slice(0, 4) } }, select: { code: true } }); attempt++) {
    if (attempt > 200) throw new Error("makeRegionTree: no free test region prefix left in this database");
    province = `9${randomInt(10_000, 99_999)}`;
  }
  const city = `${province.slice(0, 4)}01`;
  const county = `${province.slice(0, 4)}21`;
  const townA = `${county}100`;
  const townB = `${county}101`;
  const rows = [
    { code: province, name: "测试省", level: "PROVINCE", parentCode: null, path: province },
    { code: city, name: "测试市", level: "CITY", parentCode: province, path: `${province}/${city}` },
    { code: county, name: "测试县", level: "COUNTY", parentCode: city, path: `${province}/${city}/${county}` },
    { code: townA, name: "甲镇", level: "TOWNSHIP", parentCode: county, path: `${province}/${city}/${county}/${townA}` },
    { code: townB, name: "乙镇", level: "TOWNSHIP", parentCode: county, path: `${province}/${city}/${county}/${townB}` },
  ] as const;
  for (const r of rows) await db.region.create({ data: { ...r } });
  return { province, city, county, townA, townB, paths: Object.fromEntries(rows.map((r) => [r.code, r.path])) as Record<string, string> };
}

export async function makeUser(db: Db, role: Role, regionCode: string, password = "Test-pass-1") {
  const username = `it-${Date.now().toString(36)}-${randomInt(1e6)}`;
  const user = await db.user.create({
    data: { username, displayName: "测试", role, regionCode, passwordHash: await hashPassword(password) },
    include: { region: true },
  });
  const actor: Actor = {
    kind: "user", id: user.id, username, displayName: user.displayName, role, regionCode, regionPath: user.region.path, regionName: user.region.name, mustChangePassword: false,
  };
  return { user, actor, password };
}

let seq = 0;
export async function makePerson(db: Db, regionCode: string, name: string) {
  seq += 1;
  const idNumber = `${regionCode.slice(0, 6)}1960010${String(randomInt(100, 999))}${String(seq).padStart(2, "0")}`.slice(0, 17) + "0";
  return db.person.create({
    data: { idNumber, name, sex: "M", birthDate: new Date("1960-01-01"), regionCode, hukouProvince: "SX" },
  });
}
