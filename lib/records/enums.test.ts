// The compile-time agreement (./enums.ts) has a run-time twin here, so that a Prisma client
// generated from another schema than the one type-checked is caught too.
import { describe, expect, it } from "vitest";
import * as Db from "@/lib/generated/prisma/enums";
import { CLAIM_TYPES, FEE_KINDS, IDENTITY_TYPES, INSURANCE_SCHEMES, ITEM_CLASSES, RELATIONS, ROUTES, RUN_BY } from "@/lib/rules/domain";

const PAIRS: readonly (readonly [string, Record<string, string>, readonly string[]])[] = [
  ["IdentityType", Db.IdentityType, IDENTITY_TYPES],
  ["InsuranceScheme", Db.InsuranceScheme, INSURANCE_SCHEMES],
  ["ClaimType", Db.ClaimType, CLAIM_TYPES],
  ["Route", Db.Route, ROUTES],
  ["FeeKind", Db.FeeKind, FEE_KINDS],
  ["ItemClass", Db.ItemClass, ITEM_CLASSES],
  ["ServicemanRelation", Db.ServicemanRelation, RELATIONS],
  ["HospitalOwner", Db.HospitalOwner, RUN_BY],
  ["Sex", Db.Sex, ["M", "F"]],
];

describe("Prisma enums and rules lists", () => {
  it.each(PAIRS)("%s has the same members on both sides", (_name, prisma, rules) => {
    expect(rules.length).toBeGreaterThan(0);
    expect([...Object.values(prisma)].sort()).toEqual([...rules].sort());
  });
});
