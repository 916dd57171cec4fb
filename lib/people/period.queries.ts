import "server-only";
import { prisma } from "@/lib/db";
import { jurisdictionOfPath, tiersFor } from "@/lib/people/enrolment-tiers";

/** The residents' scheme's tiers where the person lives (the forms offer them; the command checks). */
export async function personTiers(regionCode: string): Promise<readonly string[]> {
  const region = await prisma.region.findUnique({ where: { code: regionCode }, select: { path: true } });
  return region ? tiersFor(await jurisdictionOfPath(prisma, region.path), "RESIDENT") : [];
}
