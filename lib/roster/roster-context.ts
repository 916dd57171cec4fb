// What the diff needs from the database: the county's townships and the people the file names,
// with their open identities of the bureau's categories.
import type { Db, Tx } from "@/lib/db";
import { validateIdNumber } from "@/lib/people/id-number";
import { BUREAU_CATEGORIES, type RosterBureau } from "@/lib/roster/roster-categories";
import type { DiffContext, KnownPerson } from "@/lib/roster/roster-diff";
import type { RosterRow } from "@/lib/roster/roster-file";
import type { Period } from "@/lib/roster/roster-period";

const CHUNK = 5_000;

const iso = (d: Date) => d.toISOString().slice(0, 10);

export async function loadDiffContext(tx: Db | Tx, county: { code: string; path: string }, bureau: RosterBureau, period: Period, rows: readonly RosterRow[], today: Date): Promise<DiffContext> {
  // A township a reload retired still matches its name (its people may be on the list), unless a
  // current township has taken the name: the diff's map keeps the last of a name, so current ones come last.
  const townships = (await tx.region.findMany({ where: { parentCode: county.code, level: "TOWNSHIP" }, select: { code: true, name: true, retiredAt: true }, orderBy: { code: "asc" } }))
    .sort((a, b) => Number(a.retiredAt === null) - Number(b.retiredAt === null))
    .map(({ code, name }) => ({ code, name }));
  const idNumbers = [...new Set(rows.map((r) => validateIdNumber(r.idNumber.replace(/\s+/g, ""), today)).flatMap((r) => (r.ok ? [r.idNumber] : [])))];
  const people = new Map<string, KnownPerson>();
  for (let i = 0; i < idNumbers.length; i += CHUNK) {
    const found = await tx.person.findMany({
      where: { idNumber: { in: idNumbers.slice(i, i + CHUNK) } },
      select: {
        id: true, idNumber: true, name: true, regionCode: true,
        region: { select: { path: true } },
        identities: { where: { type: { in: [...BUREAU_CATEGORIES[bureau]] } }, select: { type: true, validFrom: true, validTo: true } },
      },
    });
    for (const p of found) {
      people.set(p.idNumber, {
        id: p.id,
        idNumber: p.idNumber,
        name: p.name,
        regionCode: p.regionCode,
        inCounty: p.region.path.startsWith(`${county.path}/`),
        identities: p.identities.map((i) => ({ type: i.type, validFrom: iso(i.validFrom), validTo: i.validTo ? iso(i.validTo) : null })),
      });
    }
  }
  return { bureau, period: { from: period.from, to: period.to }, townships, people, today };
}
