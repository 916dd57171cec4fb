import type { Tx } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import type { IdentityType } from "@/lib/generated/prisma/enums";

const FAR = "9999-12-31";

/** Two periods of one identity on the same day would pay it twice. */
export async function assertNoOverlap(tx: Tx, personId: string, type: IdentityType, from: string, to: string | null, exceptId: string | null) {
  const rows = await tx.personIdentity.findMany({ where: { personId, type }, select: { id: true, validFrom: true, validTo: true } });
  const clash = rows.some((r) => r.id !== exceptId && formatDate(r.validFrom) <= (to ?? FAR) && (r.validTo ? formatDate(r.validTo) : FAR) >= from);
  if (clash) throw new ValidationError([{ path: ["validFrom"], message: "validation.identityOverlap" }]);
}
