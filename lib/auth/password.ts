import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { z } from "zod";
import { BCRYPT_COST, PASSWORD_MAX_BYTES } from "@/lib/auth/security-settings";
import { isCleanText } from "@/lib/text-input";

export async function hashPassword(plain: string): Promise<string> {
  if (!fitsBcrypt(plain)) throw new Error("password longer than bcrypt reads");
  return bcrypt.hash(plain, BCRYPT_COST);
}

/** bcrypt ignores everything after byte 72, so a longer password would match others sharing its start. */
export function fitsBcrypt(plain: string): boolean {
  return Buffer.byteLength(plain, "utf8") <= PASSWORD_MAX_BYTES;
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  // Same work either way: a password too long for bcrypt is compared (and fails) like any other.
  return bcrypt.compare(plain, hash).then((same) => same && fitsBcrypt(plain));
}

// A hash of nothing anyone knows, with the cost of real ones: an unknown user name costs the same
// bcrypt as a real one, so the answer time does not tell which names exist.
let dummyHash: Promise<string> | null = null;
export function burnPasswordCheck(plain: string): Promise<boolean> {
  dummyHash ??= bcrypt.hash(randomBytes(16).toString("hex"), BCRYPT_COST);
  return dummyHash.then((hash) => bcrypt.compare(plain, hash)).then(() => false);
}

// Messages are keys into messages/*.json so the same schema serves form and action.
export const newPasswordSchema = z
  .string()
  .min(8, { message: "validation.passwordTooShort" })
  .refine(fitsBcrypt, { message: "validation.passwordTooLong" })
  .refine(isCleanText, { message: "validation.invalidCharacters" })
  .regex(/[A-Za-z]/, { message: "validation.passwordNeedsLetter" })
  .regex(/[0-9]/, { message: "validation.passwordNeedsDigit" });
