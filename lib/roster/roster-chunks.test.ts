import { describe, expect, it } from "vitest";
import { makeIdNumber } from "@/lib/people/id-number";
import { chunkRowsByPerson } from "@/lib/roster/roster-chunks";
import { diffRoster, type DiffContext, type KnownPerson, type RosterDiff } from "@/lib/roster/roster-diff";
import type { RosterRow } from "@/lib/roster/roster-file";

const id = (n: number) => makeIdNumber("140322", "1971-05-06", 2 * n + 1, "M");
const known = (n: number, name: string, identities: KnownPerson["identities"] = []): KnownPerson => ({
  id: `p-${n}`, idNumber: id(n), name, regionCode: "140322100", inCounty: true, identities,
});
const subsistence = [{ type: "SUBSISTENCE" as const, validFrom: "2024-01-01", validTo: null }];
const ctx: DiffContext = {
  bureau: "CIVIL_AFFAIRS",
  period: { from: "2026-07-01", to: "2026-09-30" },
  townships: [{ code: "140322100", name: "秀水镇" }],
  people: new Map([known(1, "张一"), known(2, "张二", subsistence), known(3, "张三", subsistence), known(4, "张四")].map((p) => [p.idNumber, p])),
  today: new Date("2026-12-01T00:00:00Z"),
};

/**
 * A list with everything the diff judges across rows: one person on several rows (a change folded
 * with its removal, a conflict, a duplicate, the same number written with a lower-case x or a
 * space), bad rows, and plain additions, shuffled so that a person's rows are far apart.
 */
function awkwardList(): RosterRow[] {
  const cells: Omit<RosterRow, "rowNo">[] = [];
  const add = (over: Partial<RosterRow>) => cells.push({ township: "秀水镇", name: "", idNumber: id(9), category: "低保", householdSize: "1", reason: "新增", effectiveDate: "2026-08-01", ...over });
  add({ idNumber: id(1), name: "张一" });
  add({ idNumber: id(2), name: "张二", category: "特困" });
  add({ idNumber: id(2), name: "张二", reason: "减少", effectiveDate: "2026-08-20" });
  add({ idNumber: id(3), name: "张三", reason: "减少" });
  add({ idNumber: id(3), name: "张三", reason: "减少" });
  add({ idNumber: id(4), name: "张四" });
  add({ idNumber: id(4), name: "张四", category: "特困" });
  add({ idNumber: id(5), name: "新五" });
  add({ idNumber: ` ${id(5).slice(0, 9)} ${id(5).slice(9)}`, name: "新五" });
  add({ idNumber: id(6), name: "" });
  add({ idNumber: id(7), name: "新七", township: "无此镇" });
  add({ idNumber: "12345", name: "坏号" });
  for (let n = 20; n < 60; n++) add({ idNumber: id(n), name: `新${n}` });
  add({ idNumber: id(21), name: `新21`, reason: "减少" });
  // A fixed shuffle: rows of one person end up far apart.
  const order = cells.map((_, i) => i).sort((a, b) => ((a * 37) % 53) - ((b * 37) % 53));
  return order.map((i, at) => ({ rowNo: at + 3, ...cells[i]! }));
}

const sorted = (diff: RosterDiff) => ({
  rows: diff.rows,
  entries: [...diff.entries].sort((a, b) => a.rowNo - b.rowNo),
  errors: [...diff.errors].sort((a, b) => a.rowNo - b.rowNo || a.code.localeCompare(b.code)),
});

function diffInChunks(rows: RosterRow[], size: number): RosterDiff {
  const parts = chunkRowsByPerson(rows, size).map((chunk) => diffRoster(chunk, ctx));
  return { rows: parts.reduce((n, p) => n + p.rows, 0), entries: parts.flatMap((p) => p.entries), errors: parts.flatMap((p) => p.errors) };
}

describe("chunkRowsByPerson", () => {
  it("keeps every person's rows in one chunk, in file order, and loses no row", () => {
    const rows = awkwardList();
    const chunks = chunkRowsByPerson(rows, 5);
    expect(chunks.flat().map((r) => r.rowNo).sort((a, b) => a - b)).toEqual(rows.map((r) => r.rowNo).sort((a, b) => a - b));
    const chunkOf = new Map<string, number>();
    chunks.forEach((chunk, i) => {
      expect(chunk.map((r) => r.rowNo)).toEqual([...chunk.map((r) => r.rowNo)].sort((a, b) => a - b));
      for (const r of chunk) {
        const key = r.idNumber.replace(/\s+/g, "").toUpperCase();
        expect(chunkOf.get(key) ?? i, key).toBe(i);
        chunkOf.set(key, i);
      }
    });
    expect(chunks.every((c) => c.length <= 5)).toBe(true);
    expect(chunkRowsByPerson(rows, 5)).toEqual(chunks);
  });

  it("gives, chunk by chunk, exactly the diff of the whole file", () => {
    const rows = awkwardList();
    const whole = sorted(diffRoster(rows, ctx));
    // The list exercises what it means to: a change, a duplicate, a conflict, a bad number.
    expect(whole.entries.some((e) => e.kind === "CHANGED")).toBe(true);
    expect(new Set(whole.errors.map((e) => e.code))).toEqual(new Set(["DUPLICATE_ROW", "CONFLICTING_IDENTITY", "NO_DATA_TO_CREATE", "UNKNOWN_TOWNSHIP", "ID_LENGTH"]));
    for (const size of [1, 2, 7, 1_000]) expect(sorted(diffInChunks(rows, size)), `chunks of ${size}`).toEqual(whole);
  });

  it("puts a person with more rows than a chunk holds in one chunk of their own", () => {
    const rows: RosterRow[] = [1, 2, 3].map((n) => ({ rowNo: n, township: "秀水镇", name: "张一", idNumber: id(1), category: "低保", householdSize: "", reason: "新增", effectiveDate: "2026-08-01" }));
    expect(chunkRowsByPerson(rows, 2).map((c) => c.length)).toEqual([3]);
    expect(() => chunkRowsByPerson(rows, 0)).toThrow();
  });
});
