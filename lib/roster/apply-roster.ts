// Applying a confirmed list's changes to the registry, inside the caller's transaction: new
// people, identities starting on the certificate date, identities ending the day before their
// removal. Used by the confirmation (lib/roster/confirm-roster.ts) for a whole list, and by the
// import job for one chunk at a time.
import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { nameInitials } from "@/lib/people/name-initials";
import { dayBefore, type IsoDate } from "@/lib/rules/dates";
import type { DiffEntry } from "@/lib/roster/roster-diff";

const day = (iso: IsoDate) => new Date(`${iso}T00:00:00Z`);

/** The province of household registration new people get: their county's jurisdiction's (CN-SX-YQ → SX). */
export async function hukouProvinceOf(tx: Tx, countyPath: string): Promise<string | null> {
  const codes = countyPath.split("/");
  const regions = await tx.region.findMany({ where: { code: { in: codes }, jurisdiction: { not: null } }, select: { path: true, jurisdiction: true } });
  const nearest = regions.sort((a, b) => b.path.length - a.path.length)[0];
  return nearest?.jurisdiction?.split("-")[1] ?? null;
}

export type ApplyResult = { peopleCreated: number };

export async function applyEntries(
  tx: Tx,
  batch: { id: string; countyPath: string },
  entries: readonly DiffEntry[],
  certificateDate: IsoDate,
): Promise<ApplyResult> {
  const toCreate = entries.filter((e) => e.personId === null);
  const personIds = new Map<string, string>();
  if (toCreate.length > 0) {
    const province = await hukouProvinceOf(tx, batch.countyPath);
    if (!province) throw new DomainError("roster.noJurisdiction");
    const created = await tx.person.createManyAndReturn({
      // With their pinyin initials, as every command writes them: the list searches by them.
      data: toCreate.map((e) => ({ idNumber: e.idNumber, name: e.name, nameInitials: nameInitials(e.name), sex: e.sex, birthDate: day(e.birthDate), regionCode: e.townshipCode, hukouProvince: province })),
      select: { id: true, idNumber: true },
    });
    for (const p of created) personIds.set(p.idNumber, p.id);
  }
  const personOf = (e: DiffEntry) => e.personId ?? personIds.get(e.idNumber)!;

  // An identity ends the day before the person leaves the list; one that started on that very
  // day or later ends on its first day rather than before it.
  const ends = entries.flatMap((e) => {
    if (e.kind === "REMOVED") return [{ personId: personOf(e), type: e.category, on: e.removedOn! }];
    if (e.kind === "CHANGED") return [{ personId: personOf(e), type: e.previous!, on: e.removedOn ?? certificateDate }];
    return [];
  });
  for (const end of ends) {
    const open = await tx.personIdentity.findFirst({ where: { personId: end.personId, type: end.type, validTo: null }, select: { id: true, validFrom: true } });
    if (!open) throw new DomainError("roster.stale");
    const from = open.validFrom.toISOString().slice(0, 10);
    const last = dayBefore(end.on) < from ? from : dayBefore(end.on);
    await tx.personIdentity.update({ where: { id: open.id }, data: { validTo: day(last), endedByRosterBatchId: batch.id } });
  }
  const starts = entries.filter((e) => e.kind !== "REMOVED");
  if (starts.length > 0) {
    await tx.personIdentity.createMany({
      data: starts.map((e) => ({ personId: personOf(e), type: e.category, validFrom: day(certificateDate), rosterBatchId: batch.id, certificate: `roster:${batch.id}` })),
    });
  }
  return { peopleCreated: toCreate.length };
}
