import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateDemoData } from "@/lib/demo/index";
import { DEMO_LIST_FILES, DEMO_LIST_NEW_PERSON, demoLists } from "@/lib/demo/roster-lists";
import { BUREAU_CATEGORIES, type RosterBureau } from "@/lib/roster/roster-categories";
import { diffRoster, type KnownPerson } from "@/lib/roster/roster-diff";
import { parseRosterFile } from "@/lib/roster/roster-file";

const data = generateDemoData();
const townships = data.regions.filter((r) => r.parentCode === "140322" && r.level === "TOWNSHIP").map((r) => ({ code: r.code, name: r.name }));

function context(bureau: RosterBureau) {
  const people = new Map<string, KnownPerson>(
    data.people.map((p) => [p.idNumber, {
      id: p.id, idNumber: p.idNumber, name: p.name, regionCode: p.regionCode, inCounty: p.countyKey === "yx",
      identities: data.identities.filter((i) => i.personId === p.id && BUREAU_CATEGORIES[bureau].includes(i.type)),
    }]),
  );
  return { bureau, period: { from: "2026-07-01", to: "2026-09-30" }, townships, people, today: new Date("2026-12-01T00:00:00Z") };
}

async function diffOf(key: keyof typeof DEMO_LIST_FILES, bureau: RosterBureau) {
  const parsed = await parseRosterFile(readFileSync(join(import.meta.dirname, "..", "..", "prisma", "demo-lists", DEMO_LIST_FILES[key])));
  if (!parsed.ok) throw new Error(`${key}: ${parsed.error}`);
  return { parsed, diff: diffRoster(parsed.rows, context(bureau)) };
}

describe("the demo lists in prisma/demo-lists", () => {
  it("are what the generator makes of today's demo data", async () => {
    const lists = demoLists(data);
    for (const key of Object.keys(DEMO_LIST_FILES) as (keyof typeof DEMO_LIST_FILES)[]) {
      const parsed = await parseRosterFile(readFileSync(join(import.meta.dirname, "..", "..", "prisma", "demo-lists", DEMO_LIST_FILES[key])));
      expect(parsed.ok && parsed.rows.map((r) => ({ township: r.township, name: r.name, idNumber: r.idNumber, category: r.category, householdSize: r.householdSize, reason: r.reason, effectiveDate: r.effectiveDate })), key).toEqual(lists[key]);
    }
  });

  it("民政局's list applies cleanly: three additions (one a new person), a change to 特困, two removals", async () => {
    const { diff } = await diffOf("civil", "CIVIL_AFFAIRS");
    expect(diff.errors).toEqual([]);
    expect(diff.entries.map((e) => e.kind)).toEqual(["ADDED", "ADDED", "ADDED", "CHANGED", "REMOVED", "REMOVED"]);
    expect(diff.entries[2]).toMatchObject({ personId: null, name: DEMO_LIST_NEW_PERSON.name, idNumber: DEMO_LIST_NEW_PERSON.idNumber, townshipCode: "140322100" });
  });

  it("the copy with errors has exactly three bad rows", async () => {
    const { diff } = await diffOf("civilWithErrors", "CIVIL_AFFAIRS");
    expect(diff.errors.map((e) => [e.rowNo, e.code])).toEqual([[3, "ID_CHECK_DIGIT"], [4, "UNKNOWN_TOWNSHIP"], [7, "DATE_OUTSIDE_PERIOD"]]);
  });

  it("退役军人事务局's list applies cleanly", async () => {
    const { diff } = await diffOf("veterans", "VETERANS_AFFAIRS");
    expect(diff.errors).toEqual([]);
    expect(diff.entries.map((e) => e.kind)).toEqual(["ADDED", "ADDED", "REMOVED"]);
  });
});
