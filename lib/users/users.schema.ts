import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { newPasswordSchema } from "@/lib/auth/password";
import { cleanText } from "@/lib/text-input";

const role = z.enum(ROLES, { message: "validation.role" });
const regionCode = z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, { message: "validation.regionCode" });
const displayName = z.string().trim().min(1, { message: "validation.displayNameRequired" }).pipe(cleanText(40, "validation.displayNameTooLong"));

export const createUserSchema = z.object({
  username: z.string().trim().regex(/^[a-z][a-z0-9-]{2,31}$/, { message: "validation.username" }),
  displayName,
  role,
  regionCode,
  password: newPasswordSchema,
});

export const updateUserSchema = z.object({
  id: z.uuid({ message: "validation.invalid" }),
  // An int4 column: a larger number is no version that exists.
  version: z.coerce.number({ message: "validation.version" }).int({ message: "validation.version" }).min(1, { message: "validation.version" }).max(2_147_483_647, { message: "validation.version" }),
  displayName,
  role,
  regionCode,
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const resetPasswordSchema = z.object({
  id: z.uuid({ message: "validation.invalid" }),
  password: newPasswordSchema,
});

export const USER_FIELD_LABELS = {
  username: "users.username",
  displayName: "users.displayName",
  role: "users.role",
  regionCode: "users.region",
  password: "users.password",
  active: "users.active",
} as const;
