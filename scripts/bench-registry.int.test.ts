// `npm run bench:registry` at a tiny size, so that the benchmark cannot rot between the times
// someone runs it at a million people: the generator writes a valid registry, the measurements
// go through the real queries, the list uploads and confirms without a row error, and the last
// line is the JSON object the issue asks for.
import { describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db";
import { DEMO_REGIONS } from "@/lib/demo/regions";
import { validateIdNumber } from "@/lib/people/id-number";
import { nameInitials } from "@/lib/people/name-initials";
import { reportLines, runRegistryBench } from "./bench-registry";

const db = createPrisma();
const EXCLUSIVE = ["EXTREME_POVERTY", "SUBSISTENCE", "LOW_INCOME"];

describe("bench:registry", () => {
  it("generates a valid registry, times the list and the lookup, applies the list, and ends on the JSON line", async () => {
    const people = 2_000;
    const result = await runRegistryBench(process.env.DATABASE_URL!, { people, listRows: 500, iterations: 8, warmup: 2, format: "xlsx" });
    const lines = reportLines(result);
    const json = JSON.parse(lines.at(-1)!) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(["listP95Ms", "idLookupP95Ms", "upload100kSeconds"]);
    for (const value of Object.values(json)) expect(value).toBeGreaterThan(0);
    expect(lines.filter((l) => /\(\d+\.\d×\)/.test(l)).length).toBeGreaterThanOrEqual(2);
    expect(result.upload).toMatchObject({ ok: true, errors: 0, removed: result.list.removed, changed: result.list.changed, added: result.list.addedExisting + result.list.addedNew });
    expect(result.queries.list.n).toBe(8);

    // Every person: a valid GB 11643 number whose birth date and sex are the record's, the
    // initials of the name, a township or village of the demo counties.
    const places = new Set(DEMO_REGIONS.filter((r) => r.level === "TOWNSHIP" || r.level === "VILLAGE").map((r) => r.code));
    const rows = await db.person.findMany({ select: { idNumber: true, name: true, nameInitials: true, birthDate: true, sex: true, regionCode: true } });
    expect(rows).toHaveLength(people + result.list.addedNew);
    const bad = rows.filter((p) => {
      const id = validateIdNumber(p.idNumber);
      return !id.ok || id.birthDate !== p.birthDate.toISOString().slice(0, 10) || id.sex !== p.sex || !places.has(p.regionCode) || !["140322", "500110"].includes(id.areaCode);
    });
    expect(bad).toEqual([]);
    expect(rows.filter((p) => p.nameInitials !== nameInitials(p.name) || !/^[\u4e00-\u9fff]{2,3}$/.test(p.name))).toEqual([]);

    // 1.5 identity periods a person, some of them ended, and never two of 特困/低保/低收入 at once
    // (before the list and after it).
    expect(result.registry.identities / people).toBeGreaterThan(1.35);
    expect(result.registry.identities / people).toBeLessThan(1.65);
    expect(result.registry.endedIdentities).toBeGreaterThan(result.registry.identities * 0.2);
    expect(result.registry.endedIdentities).toBeLessThan(result.registry.identities * 0.6);
    const overlapping = await db.$queryRaw<{ overlaps: number }[]>`
      SELECT count(*)::int AS overlaps FROM person_identity a JOIN person_identity b ON a.person_id = b.person_id AND a.id < b.id
      WHERE a.type::text = ANY(${EXCLUSIVE}) AND b.type::text = ANY(${EXCLUSIVE})
        AND a.valid_from <= coalesce(b.valid_to, 'infinity') AND b.valid_from <= coalesce(a.valid_to, 'infinity')`;
    expect(overlapping).toEqual([{ overlaps: 0 }]);

    // The list went through the commands: confirmed, and the identities it started and ended.
    const batch = await db.rosterBatch.findUniqueOrThrow({ where: { id: result.upload.batchId! }, select: { state: true, rows: true, _count: { select: { started: true, ended: true } } } });
    expect(batch).toEqual({ state: "CONFIRMED", rows: 500, _count: { started: result.upload.added + result.upload.changed, ended: result.upload.removed + result.upload.changed } });
  });
});
