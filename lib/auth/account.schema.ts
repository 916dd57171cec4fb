import { z } from "zod";
import { newPasswordSchema } from "@/lib/auth/password";

export const changePasswordSchema = z
  .object({
    current: z.string().min(1, { message: "validation.passwordRequired" }).max(1024, { message: "validation.passwordTooLong" }),
    next: newPasswordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.next === v.confirm, { path: ["confirm"], message: "validation.passwordMismatch" })
  .refine((v) => v.next !== v.current, { path: ["next"], message: "validation.passwordUnchanged" });

export const PASSWORD_FIELD_LABELS = { current: "account.current", next: "account.next", confirm: "account.confirm" } as const;
