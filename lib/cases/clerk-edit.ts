// What the clerk changes on a case outside a transition (bills, attachments): only while the
// clerk holds it, in DRAFT (case:file) or returned for 补正 (case:resubmit). The version is raised
// like a transition's, so a page showing the old bills or documents meets "cases.conflict".
import type { CommandActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/decide";
import type { Tx } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { CASE_CONFLICT_KEY, type LoadedCase } from "./run-transition";

export function assertClerkHolds(actor: CommandActor, loaded: LoadedCase): void {
  const { kase } = loaded;
  const record = { entity: "case" as const, id: kase.id, regionPath: kase.regionPath, state: kase.state, participants: kase.participants };
  assertCan(actor, kase.state === "RETURNED" ? "case:resubmit" : "case:file", record);
}

export async function bumpVersion(tx: Tx, loaded: LoadedCase): Promise<number> {
  const version = loaded.kase.version + 1;
  const updated = await tx.case.updateMany({ where: { id: loaded.kase.id, version: loaded.kase.version }, data: { version } });
  if (updated.count === 0) throw new ConflictError(CASE_CONFLICT_KEY);
  return version;
}
