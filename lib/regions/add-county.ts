import { assertCan } from "@/lib/auth/decide";
import { hashPassword } from "@/lib/auth/password";
import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { DomainError, ValidationError } from "@/lib/errors";
import { effectiveJurisdiction, provinceCodeOf } from "@/lib/regions/county-jurisdiction";
import { divisionsDataset, readCountyDivisions, type DivisionUnit } from "@/lib/regions/divisions";
import { addCountySchema } from "@/lib/regions/regions.schema";
import { userSnapshot } from "@/lib/users/user-audit";

/** The county's code as the dataset has it, or the reason it cannot be added (a message for the CLI). */
export function countyFromDataset(code: string) {
  const found = readCountyDivisions(code);
  if (found.ok) return found.county;
  if (found.reason === "NOT_COUNTY") throw new DomainError("regions.codeNotCounty", { code, name: found.name, level: found.level });
  if (found.reason === "UNKNOWN") throw new DomainError("regions.codeUnknown", { code });
  throw new ValidationError([{ path: ["code"], message: "validation.countyCode" }]);
}

/**
 * The deployment's operator adds a county (scripts/county.ts, as the system): the county with its
 * townships and villages from the national division dataset, its province and city if the
 * database has them not yet, its jurisdiction for the rules, and its first administrator, who must
 * replace the one-time password. One transaction: a county is there whole or not at all.
 */
export const addCounty = defineCommand({ permission: "county:add", schema: addCountySchema, timeoutMs: 120_000 }, async (tx, input, { actor, requestId }) => {
  const county = countyFromDataset(input.code);
  // The county hangs below whatever of its province and city the database already holds.
  const ancestors: { unit: DivisionUnit; level: "PROVINCE" | "CITY" }[] = [{ unit: county.province, level: "PROVINCE" }, ...(county.city ? [{ unit: county.city, level: "CITY" as const }] : [])];
  const missing: { code: string; name: string; level: "PROVINCE" | "CITY"; parentCode: string | null; path: string }[] = [];
  let parent: { code: string; path: string } | null = null;
  for (const { unit, level } of ancestors) {
    const row: { code: string; path: string } | null = await tx.region.findUnique({ where: { code: unit.code }, select: { code: true, path: true } });
    const here: { code: string; path: string } = row ?? { code: unit.code, path: parent ? `${parent.path}/${unit.code}` : unit.code };
    if (!row) missing.push({ code: unit.code, name: unit.name, level, parentCode: parent?.code ?? null, path: here.path });
    parent = here;
  }
  const path = parent ? `${parent.path}/${county.code}` : county.code;
  assertCan(actor, "county:add", { entity: "region", id: county.code, regionPath: path });
  const existing = await tx.region.findUnique({ where: { code: county.code }, select: { name: true } });
  if (existing) throw new DomainError("regions.countyExists", { code: county.code, name: existing.name });

  if (input.jurisdiction && provinceCodeOf(input.jurisdiction) !== county.province.code) {
    throw new ValidationError([{ path: ["jurisdiction"], message: "validation.jurisdictionOtherProvince" }]);
  }
  if (await tx.user.findUnique({ where: { username: input.adminUsername }, select: { id: true } })) throw new DomainError("users.usernameTaken");

  for (const m of missing) await tx.region.create({ data: m });
  await tx.region.create({ data: { code: county.code, name: county.name, level: "COUNTY", parentCode: parent?.code ?? null, path, jurisdiction: input.jurisdiction } });
  await tx.region.createMany({
    data: county.townships.map((t) => ({ code: t.code, name: t.name, level: "TOWNSHIP" as const, parentCode: county.code, path: `${path}/${t.code}` })),
  });
  const villages = county.townships.flatMap((t) => t.villages.map((v) => ({ code: v.code, name: v.name, level: "VILLAGE" as const, parentCode: t.code, path: `${path}/${t.code}/${v.code}` })));
  await tx.region.createMany({ data: villages });
  const dataset = divisionsDataset().id;
  await tx.countySetting.create({ data: { regionCode: county.code, divisionsDataset: dataset, divisionsLoadedAt: new Date() } });

  const admin = await tx.user.create({
    data: {
      username: input.adminUsername,
      displayName: input.adminDisplayName,
      role: "ADMIN",
      regionCode: county.code,
      passwordHash: await hashPassword(input.adminPassword),
      mustChangePassword: true,
    },
  });

  const effective = await effectiveJurisdiction(tx, path);
  await writeAudit(
    tx,
    actor,
    {
      action: "region.addCounty",
      entityId: county.code,
      regionCode: county.code,
      after: {
        name: county.name,
        path,
        jurisdiction: input.jurisdiction,
        effectiveJurisdiction: effective?.jurisdiction ?? null,
        dataset,
        townships: county.townships.length,
        villages: villages.length,
        createdAncestors: missing.map((m) => m.code),
      },
    },
    requestId,
  );
  await writeAudit(tx, actor, { action: "user.create", entityId: admin.id, regionCode: county.code, after: userSnapshot(admin) }, requestId);
  return {
    code: county.code,
    name: county.name,
    path,
    fullName: [...ancestors.map((a) => a.unit.name), county.name].join(""),
    townships: county.townships.length,
    villages: villages.length,
    jurisdiction: input.jurisdiction,
    effective,
    createdAncestors: missing.map((m) => ({ code: m.code, name: m.name })),
    admin: { id: admin.id, username: admin.username },
  };
});
