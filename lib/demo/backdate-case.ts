// Demo data and the e2e journey need cases whose 公示 has run its period, but the commands take
// "today" from the clock (as they must). This moves a case's procedure dates back by whole days
// after the commands wrote them — received, investigated, posted, the 公示's last day — so the
// case reads as filed earlier. It is a fixture for demo and test databases only: it bypasses the
// commands and is audited by nothing, which is why no page or job calls it.
import type { Db, Tx } from "@/lib/db";
import { addDays } from "@/lib/workflow/deadlines";

type Dated = Record<string, unknown>;

const shift = (value: unknown, days: number) => (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? addDays(value, -days) : value);
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

export async function backdateCase(db: Db | Tx, caseId: string, days: number): Promise<void> {
  const row = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { receivedOn: true, investigation: true, publicity: true } });
  const investigation = row.investigation as Dated | null;
  const publicity = row.publicity as (Dated & { objections?: Dated[] }) | null;
  const received = row.receivedOn ? addDays(row.receivedOn.toISOString().slice(0, 10), -days) : null;
  const nextPublicity = publicity
    ? {
        ...publicity,
        startsOn: shift(publicity.startsOn, days),
        lastDay: shift(publicity.lastDay, days),
        objections: (publicity.objections ?? []).map((o) => ({ ...o, receivedOn: shift(o.receivedOn, days) })),
      }
    : null;
  await db.case.update({
    where: { id: caseId },
    data: {
      ...(received ? { receivedOn: day(received) } : {}),
      ...(investigation ? { investigation: { ...investigation, date: shift(investigation.date, days) } as object } : {}),
      ...(nextPublicity ? { publicity: nextPublicity as object, publicityEndsOn: day(String(nextPublicity.lastDay)) } : {}),
    },
  });
}
