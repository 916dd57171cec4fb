import { describe, expect, it } from "vitest";
import { newPasswordSchema } from "@/lib/auth/password";

describe("newPasswordSchema", () => {
  it("refuses a password longer than the 72 bytes bcrypt reads, with its own message", () => {
    const chinese24 = `Ab1${"密".repeat(23)}`; // 3 + 69 = 72 bytes
    expect(newPasswordSchema.safeParse(chinese24).success).toBe(true);
    const result = newPasswordSchema.safeParse(`${chinese24}码`);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain("validation.passwordTooLong");
    expect(newPasswordSchema.safeParse(`Ab1${"x".repeat(69)}`).success).toBe(true);
    expect(newPasswordSchema.safeParse(`Ab1${"x".repeat(70)}`).success).toBe(false);
  });
});
