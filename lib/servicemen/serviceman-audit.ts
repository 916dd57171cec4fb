import { formatDate } from "@/lib/format";
import type { ServicemanKind } from "@/lib/generated/prisma/enums";

type ServicemanRow = { personId: string | null; name: string | null; kind: ServicemanKind; diedOn: Date | null; certificate: string | null; hukouProvince: string | null };

/** What the audit log keeps of a serviceman record. */
export function servicemanSnapshot(s: ServicemanRow) {
  return { personId: s.personId, name: s.name, kind: s.kind, diedOn: s.diedOn ? formatDate(s.diedOn) : null, certificate: s.certificate, hukouProvince: s.hukouProvince };
}

export function familyLink(p: { servicemanId: string | null; relationToServiceman: "SPOUSE" | "CHILD" | "PARENT" | "PARENT_IN_LAW" | null }) {
  return { servicemanId: p.servicemanId, relationToServiceman: p.relationToServiceman };
}
