// Demo data for 优抚医保通 (`npx prisma db seed`, or `tsx prisma/seed.ts` with DATABASE_URL set).
// Idempotent: a database that already holds the demo accounts is left alone.
import { seedDemoData } from "@/lib/demo/insert";
import { createPrisma } from "@/lib/db";

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("seed: DATABASE_URL is not set");
    return 1;
  }
  const db = createPrisma(url);
  try {
    const verbose = process.argv.includes("--verbose");
    const result = await seedDemoData(db, { log: verbose ? (l) => console.log(`seed: ${l}`) : undefined });
    if (result.status === "skipped") {
      console.log(`seed: demo data already present (${result.reason}); nothing to do`);
    } else {
      const c = result.counts;
      console.log(
        `seed: demo data written in ${result.ms} ms — ${c.regions} regions, ${c.users} users, ${c.hospitals} hospitals, ` +
          `${c.households} households, ${c.people} people, ${c.identities} identities, ${c.enrollments} enrolments, ` +
          `${c.conditions} conditions, ${c.claims} claims, ${c.claimItems} claim items (password of every demo account: Demo@2026)`,
      );
    }
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error("seed: failed:", err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
