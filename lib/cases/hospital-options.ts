import "server-only";
import type { Db } from "@/lib/db";

// The hospital directory for the bill form. Not region-scoped: a patient of the county may have
// been treated anywhere (out-of-city stays are what the application is for).
export type HospitalOption = { id: string; name: string; level: number; province: string };

export async function hospitalOptions(db: Db): Promise<HospitalOption[]> {
  return db.hospital.findMany({ select: { id: true, name: true, level: true, province: true }, orderBy: [{ province: "asc" }, { level: "desc" }, { name: "asc" }] });
}
