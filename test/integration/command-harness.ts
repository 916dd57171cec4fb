import { expect } from "vitest";
import type { Db } from "@/lib/db";

/** The rows a command may write, counted; an `access.refused` row is what a refusal itself leaves. */
export async function writtenRows(db: Db) {
  const [users, people, audit, refused] = await Promise.all([
    db.user.count(),
    db.person.count(),
    db.auditLog.count({ where: { NOT: { action: "access.refused" } } }),
    db.auditLog.count({ where: { action: "access.refused" } }),
  ]);
  return { users, people, audit, refused };
}

/**
 * Runs a call that must be refused with `errorClass`, and checks it wrote nothing but, for a
 * refusal by the decision function, one `access.refused` row.
 */
export async function expectRefused(db: Db, call: () => Promise<unknown>, errorClass: abstract new (...args: never[]) => Error, { audited }: { audited: boolean }) {
  const before = await writtenRows(db);
  await expect(call()).rejects.toBeInstanceOf(errorClass);
  const after = await writtenRows(db);
  expect({ ...after, refused: after.refused - before.refused }).toEqual({ ...before, refused: audited ? 1 : 0 });
}

export async function lastAudit(db: Db, action: string) {
  return db.auditLog.findFirstOrThrow({ where: { action }, orderBy: { id: "desc" } });
}
