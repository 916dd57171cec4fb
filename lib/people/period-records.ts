import type { Permission } from "@/lib/auth/permissions";
import type { CommandActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/decide";
import type { Tx } from "@/lib/db";
import { NotFoundError, StateError, ValidationError } from "@/lib/errors";
import { formatDate } from "@/lib/format";

const FAR = "9999-12-31";

export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export const PERIOD_PERSON = { select: { id: true, regionCode: true, mergedIntoId: true, region: { select: { path: true } } } } as const;
type PeriodPerson = { id: string; regionCode: string; mergedIntoId: string | null; region: { path: string } };

/**
 * The person a period hangs on, decided for this actor. A merged duplicate keeps its history but
 * takes no new periods: they belong on the record it was merged into.
 */
export function assertPeriodPerson(actor: CommandActor, permission: Permission, person: PeriodPerson | null, entityId: string): asserts person is PeriodPerson {
  if (!person) throw new NotFoundError({ action: permission, entity: "person", entityId });
  assertCan(actor, permission, { entity: "person", id: person.id, regionPath: person.region.path });
  if (person.mergedIntoId) throw new StateError({ action: permission, entity: "person", entityId: person.id, state: "MERGED" });
}

/** An end date is set once; putting a wrong one right is a correction. */
export function assertOpen(permission: Permission, personId: string, validTo: Date | null) {
  if (validTo) throw new StateError({ action: permission, entity: "person", entityId: personId, state: "ENDED" });
}

/** One scheme at a time: the rules read the one enrolment that holds on a claim's date. */
export async function assertNoEnrolmentOverlap(tx: Tx, personId: string, from: string, to: string | null, exceptId: string | null) {
  const rows = await tx.insuranceEnrollment.findMany({ where: { personId }, select: { id: true, validFrom: true, validTo: true } });
  if (rows.some((r) => r.id !== exceptId && formatDate(r.validFrom) <= (to ?? FAR) && (r.validTo ? formatDate(r.validTo) : FAR) >= from)) {
    throw new ValidationError([{ path: ["validFrom"], message: "validation.enrolmentOverlap" }]);
  }
}

export function assertEndAfterStart(from: Date, to: string) {
  if (to < formatDate(from)) throw new ValidationError([{ path: ["validTo"], message: "validation.dateRange" }]);
}
