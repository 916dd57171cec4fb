// Demo data for 优抚医保通 (`npx prisma db seed`, or `tsx prisma/seed.ts` with DATABASE_URL set).
// Idempotent: a database that already holds the demo accounts is left alone.
import { seedDemoCases } from "@/lib/demo/cases";
import { seedDemoData } from "@/lib/demo/insert";
import { seedDemoProposals } from "@/lib/demo/proposals";
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
          `${c.households} households, ${c.people} people, ${c.servicemen} serviceman records, ${c.identities} identities, ${c.enrollments} enrolments, ` +
          `${c.conditions} conditions, ${c.claims} claims, ${c.claimItems} claim items (password of every demo account: Demo@2026)`,
      );
    }
    // Cases go through the commands, so they follow the people and users they act on; they are
    // seeded on their own check, so a demo database from before the cases existed gets them too.
    const cases = await seedDemoCases(db, { log: verbose ? (l) => console.log(`seed: cases: ${l}`) : undefined });
    if (cases.status === "skipped") console.log(`seed: demo cases already present (${cases.reason}); nothing to do`);
    else console.log(`seed: ${cases.cases} demo cases written in ${cases.ms} ms — ${Object.entries(cases.byState).map(([state, n]) => `${state} ${n}`).join(", ")}`);
    const proposals = await seedDemoProposals(db);
    if (proposals.status === "skipped") console.log(`seed: demo identity proposals already present (${proposals.reason}); nothing to do`);
    else console.log(`seed: ${proposals.proposals} demo identity proposals written`);
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
