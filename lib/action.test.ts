import { describe, expect, it, vi } from "vitest";
import { z } from "zod";

// The adapter alone, without Next.js: translations echo their key, no session is needed to refuse.
vi.mock("next/navigation", () => ({ unstable_rethrow: () => undefined }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => null }));
vi.mock("@/lib/db", () => ({ prisma: {} }));

const { defineAction } = await import("@/lib/action");
const { defineCommand } = await import("@/lib/command");

describe("defineAction", () => {
  it("answers a hand-made call with no form (a number, an object, nothing) with a message, not a crash", async () => {
    const body = vi.fn(async () => "done");
    const action = defineAction(defineCommand({ permission: "account:self", schema: z.object({}) }, body));
    for (const bogus of [2, { get: 1 }, null, undefined, "x", [1, 2]]) {
      await expect(action({ status: "idle" }, bogus as unknown as FormData)).resolves.toEqual({ status: "error", message: "errors.invalidInput" });
    }
    expect(body).not.toHaveBeenCalled();
  });
});
