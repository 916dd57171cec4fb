import "server-only";
import type { Db } from "@/lib/db";

// The payment order (lib/cases paymentOrder) carries no case versions; a row's payment form sends
// the version it showed, so that a case changed meanwhile is a conflict, not a silent write.
export async function caseVersions(db: Db, ids: readonly string[]): Promise<Map<string, number>> {
  const rows = await db.case.findMany({ where: { id: { in: [...ids] } }, select: { id: true, version: true } });
  return new Map(rows.map((row) => [row.id, row.version]));
}
