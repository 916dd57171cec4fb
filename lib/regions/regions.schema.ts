// Inputs of the county set-up commands, shared by the CLI (scripts/county.ts) and the regions page.
import { z } from "zod";
import { newPasswordSchema } from "@/lib/auth/password";
import { parseJurisdictionChoice } from "@/lib/regions/county-jurisdiction";
import { createUserSchema } from "@/lib/users/users.schema";

export const countyCodeField = z.string({ message: "validation.countyCode" }).trim().regex(/^\d{6}$/, { message: "validation.countyCode" });

/** One of the rules' jurisdictions, or "" / "none": no jurisdiction of the county's own. */
export const jurisdictionChoiceField = z
  .string({ message: "validation.jurisdictionChoice" })
  .trim()
  .transform((value, ctx) => {
    const choice = parseJurisdictionChoice(value);
    if (choice === undefined) {
      ctx.addIssue({ code: "custom", message: "validation.jurisdictionChoice" });
      return z.NEVER;
    }
    return choice;
  });

export const addCountySchema = z.object({
  code: countyCodeField,
  jurisdiction: jurisdictionChoiceField,
  adminUsername: createUserSchema.shape.username,
  adminDisplayName: createUserSchema.shape.displayName,
  adminPassword: newPasswordSchema,
});

export const setCountyJurisdictionSchema = z.object({
  countyCode: countyCodeField,
  jurisdiction: jurisdictionChoiceField,
});

export const reloadCountySchema = z.object({
  countyCode: countyCodeField,
  /** The plan the page showed (lib/regions/county-reload-plan.ts): applied only if it is still the plan. */
  planHash: z.string({ message: "validation.invalid" }).regex(/^[0-9a-f]{64}$/, { message: "validation.invalid" }),
});

export const REGION_FIELD_LABELS = {
  code: "regions.countyCode",
  countyCode: "regions.countyCode",
  jurisdiction: "regions.jurisdiction",
  adminUsername: "users.username",
  adminDisplayName: "users.displayName",
  adminPassword: "users.password",
  planHash: "regions.reloadTitle",
} as const;
