import type { HospitalOwner } from "@/lib/generated/prisma/enums";

type HospitalRow = { code: string; name: string; regionCode: string; level: number; priceClass: number; runBy: HospitalOwner; isPublic: boolean; province: string; cardDesignated: boolean };

/** What the audit log keeps of a directory entry: every field the rules read from it. */
export function hospitalSnapshot(h: HospitalRow) {
  return { code: h.code, name: h.name, regionCode: h.regionCode, level: h.level, priceClass: h.priceClass, runBy: h.runBy, isPublic: h.isPublic, province: h.province, cardDesignated: h.cardDesignated };
}
