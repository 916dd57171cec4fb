import bcrypt from "bcryptjs";
import { z } from "zod";
import { BCRYPT_COST } from "@/lib/auth/security-settings";

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, BCRYPT_COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

// Messages are keys into messages/*.json so the same schema serves form and action.
export const newPasswordSchema = z
  .string()
  .min(8, { message: "validation.passwordTooShort" })
  .max(72, { message: "validation.passwordTooLong" })
  .regex(/[A-Za-z]/, { message: "validation.passwordNeedsLetter" })
  .regex(/[0-9]/, { message: "validation.passwordNeedsDigit" });
