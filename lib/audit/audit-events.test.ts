import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { AUDIT_ACTIONS, AUDIT_EVENTS, auditActionSchema, auditLabelKey } from "@/lib/audit/audit-events";

const labels = (messages: { auditAction: Record<string, string> }) => messages.auditAction;

describe("audit actions", () => {
  it("form a closed list with a label in both languages, and no label without an action", () => {
    expect(AUDIT_ACTIONS.length).toBeGreaterThan(10);
    const keys = AUDIT_ACTIONS.map((a) => auditLabelKey(a).slice("auditAction.".length)).sort();
    expect(Object.keys(labels(zh)).sort()).toEqual(keys);
    expect(Object.keys(labels(en)).sort()).toEqual(keys);
    for (const key of keys) {
      expect(labels(zh)[key]).toMatch(/[\u4e00-\u9fff]/);
      expect(labels(en)[key]).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("refuse an action outside the list", () => {
    expect(auditActionSchema.safeParse("user.delete").success).toBe(false);
    expect(auditActionSchema.safeParse("user.create").success).toBe(true);
  });

  it("bound every payload: an oversized or unexpected field is refused", () => {
    const snapshot = AUDIT_EVENTS["user.create"].after;
    const good = { username: "abc", displayName: "王静", role: "ADMIN", regionCode: "140322", active: true };
    expect(snapshot.safeParse(good).success).toBe(true);
    expect(snapshot.safeParse({ ...good, displayName: "长".repeat(41) }).success).toBe(false);
    expect(snapshot.safeParse({ ...good, passwordHash: "x" }).success).toBe(false);
    expect(AUDIT_EVENTS["access.refused"].after.safeParse({ action: "case:file", refusal: "because" }).success).toBe(false);
  });
});
