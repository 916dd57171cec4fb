import { randomInt } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { makeIdNumber } from "@/lib/people/id-number";

const usedProvinces = new Set<string>();

// Each call builds its own small region tree under a fresh fictitious province code (9xxx00), so
// tests never depend on the demo data or on one another. The province ends in 00, its city in 01
// and its county in 21, so the three codes always differ; a province code is never handed out
// twice in one test file.
export async function makeRegionTree(db: Db) {
  let province: string;
  do province = `9${randomInt(1_000, 10_000)}00`;
  while (usedProvinces.has(province));
  usedProvinces.add(province);
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

let userSeq = 0;
export async function makeUser(db: Db, role: Role, regionCode: string, password = "Test-pass-1") {
  userSeq += 1;
  const username = `it-user-${userSeq}`;
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
// ID numbers differ within a test file (a sequence, not a random draw); files have their own databases.
export async function makePerson(db: Db, regionCode: string, name: string) {
  seq += 1;
  if (seq > 999) throw new Error("makePerson: more than 999 people in one test file");
  const idNumber = `${regionCode.slice(0, 6)}19600101${String(seq).padStart(3, "0")}0`;
  return db.person.create({
    data: { idNumber, name, sex: "M", birthDate: new Date("1960-01-01"), regionCode, hukouProvince: "SX" },
  });
}

let validSeq = 0;
/** A person whose ID number passes GB 11643 (for forms that take a number and parse it). */
export async function makeValidPerson(db: Db, regionCode: string, name: string, sex: "M" | "F" = "M") {
  validSeq += 1;
  if (validSeq > 499) throw new Error("makeValidPerson: more than 499 people in one test file");
  const idNumber = makeIdNumber(regionCode.slice(0, 6), "1970-05-06", validSeq * 2 + (sex === "M" ? 1 : 0), sex);
  return db.person.create({ data: { idNumber, name, sex, birthDate: new Date("1970-05-06"), regionCode, hukouProvince: "SX" } });
}
