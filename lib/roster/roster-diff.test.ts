import { describe, expect, it } from "vitest";
import { makeIdNumber } from "@/lib/people/id-number";
import { countsByCategory, diffRoster, type DiffContext, type KnownPerson } from "@/lib/roster/roster-diff";
import type { RosterRow } from "@/lib/roster/roster-file";

const townships = [
  { code: "140322100", name: "秀水镇" },
  { code: "140322101", name: "孙家庄镇" },
];
// Odd sequences: makeIdNumber moves an even one to the next odd number for a man.
const id = (n: number) => makeIdNumber("140322", "1968-03-04", 2 * n + 1, "M");
const known = (n: number, name: string, identities: KnownPerson["identities"] = [], inCounty = true): KnownPerson => ({
  id: `p-${n}`, idNumber: id(n), name, regionCode: "140322100", inCounty, identities,
});
const base = (people: KnownPerson[] = []): DiffContext => ({
  bureau: "CIVIL_AFFAIRS",
  period: { from: "2026-07-01", to: "2026-09-30" },
  townships,
  people: new Map(people.map((p) => [p.idNumber, p])),
  today: new Date("2026-12-01T00:00:00Z"),
});
let rowNo = 3;
const row = (over: Partial<RosterRow>): RosterRow => ({
  rowNo: (rowNo += 1), township: "秀水镇", name: "张三", idNumber: id(1), category: "低保", householdSize: "3", reason: "新增", effectiveDate: "2026-08-15", ...over,
});

describe("diffRoster: what confirming would change", () => {
  it("adds a known person, adds a new one, removes one, and changes 低保 to 特困", () => {
    const ctx = base([
      known(1, "张三"),
      known(3, "王五", [{ type: "SUBSISTENCE", validFrom: "2024-01-01", validTo: null }]),
      known(4, "赵六", [{ type: "SUBSISTENCE", validFrom: "2024-01-01", validTo: null }]),
    ]);
    const diff = diffRoster(
      [
        row({ idNumber: id(1), name: "张三" }),
        row({ idNumber: id(2), name: "李四", householdSize: "" }),
        row({ idNumber: id(3), name: "王五", reason: "减少（死亡）", effectiveDate: "2026-09-02" }),
        row({ idNumber: id(4), name: "赵六", category: "特困人员" }),
      ],
      ctx,
    );
    expect(diff.errors).toEqual([]);
    expect(diff.entries.map((e) => [e.kind, e.name, e.category, e.previous, e.personId, e.removedOn])).toEqual([
      ["ADDED", "张三", "SUBSISTENCE", null, "p-1", null],
      ["ADDED", "李四", "SUBSISTENCE", null, null, null],
      ["REMOVED", "王五", "SUBSISTENCE", null, "p-3", "2026-09-02"],
      ["CHANGED", "赵六", "EXTREME_POVERTY", "SUBSISTENCE", "p-4", null],
    ]);
    expect(diff.entries[1]).toMatchObject({ birthDate: "1968-03-04", sex: "M", townshipCode: "140322100" });
    expect(Object.fromEntries(countsByCategory(diff.entries))).toEqual({
      SUBSISTENCE: { addedHouseholds: 1, addedPeople: 2, removedHouseholds: 2, removedPeople: 2 },
      EXTREME_POVERTY: { addedHouseholds: 1, addedPeople: 1, removedHouseholds: 0, removedPeople: 0 },
    });
  });

  it("folds an explicit 减少 of the old category into the change", () => {
    const ctx = base([known(4, "赵六", [{ type: "SUBSISTENCE", validFrom: "2024-01-01", validTo: null }])]);
    const diff = diffRoster([row({ idNumber: id(4), name: "赵六", category: "特困" }), row({ idNumber: id(4), name: "赵六", reason: "减少", effectiveDate: "2026-09-10" })], ctx);
    expect(diff.errors).toEqual([]);
    expect(diff.entries).toHaveLength(1);
    expect(diff.entries[0]).toMatchObject({ kind: "CHANGED", previous: "SUBSISTENCE", removedOn: "2026-09-10" });
  });

  it("reports each bad cell of a row: check digit, township, category, reason, date, household size", () => {
    const wrongCheck = id(5).slice(0, 17) + (id(5)[17] === "1" ? "2" : "1");
    const diff = diffRoster(
      [
        row({ idNumber: wrongCheck }),
        row({ idNumber: "140322680304051" }),
        row({ idNumber: id(6), township: "不存在镇" }),
        row({ idNumber: id(7), category: "五保" }),
        row({ idNumber: id(8), category: "在乡复员军人" }),
        row({ idNumber: id(9), reason: "调整" }),
        row({ idNumber: id(10), effectiveDate: "2026-10-01" }),
        row({ idNumber: id(11), effectiveDate: "九月" }),
        row({ idNumber: id(12), householdSize: "三" }),
      ],
      base(),
    );
    expect(diff.entries).toEqual([]);
    expect(diff.errors.map((e) => e.code)).toEqual([
      "ID_CHECK_DIGIT", "ID_LEGACY", "UNKNOWN_TOWNSHIP", "UNKNOWN_CATEGORY", "CATEGORY_NOT_BUREAU", "BAD_REASON", "DATE_OUTSIDE_PERIOD", "BAD_DATE", "BAD_HOUSEHOLD_SIZE",
    ]);
  });

  it("accepts a lower-case x and the township's code", () => {
    const withX = Array.from({ length: 200 }, (_, n) => id(n)).find((s) => s.endsWith("X"))!;
    const diff = diffRoster([row({ idNumber: withX.toLowerCase(), township: "140322101" })], base());
    expect(diff.errors).toEqual([]);
    expect(diff.entries[0]).toMatchObject({ idNumber: withX, townshipCode: "140322101" });
  });

  it("refuses duplicate rows, and people it cannot find or create", () => {
    const diff = diffRoster(
      [
        row({ idNumber: id(1) }),
        row({ idNumber: id(1) }),
        row({ idNumber: id(2), reason: "减少" }),
        row({ idNumber: id(3), name: "" }),
      ],
      base(),
    );
    expect(diff.errors.map((e) => [e.code, e.detail])).toEqual([
      ["DUPLICATE_ROW", String(diff.entries[0]!.rowNo)],
      ["PERSON_NOT_FOUND", null],
      ["NO_DATA_TO_CREATE", null],
    ]);
    expect(diff.entries).toHaveLength(1);
  });

  it("refuses conflicting identities: two exclusive categories, add and remove at once, a name that is someone else's", () => {
    const ctx = base([known(1, "张三"), known(2, "李四"), known(3, "王五")]);
    const diff = diffRoster(
      [
        row({ idNumber: id(1), name: "张三", category: "低保" }),
        row({ idNumber: id(1), name: "张三", category: "特困" }),
        row({ idNumber: id(2), name: "李四" }),
        row({ idNumber: id(2), name: "李四", reason: "减少" }),
        row({ idNumber: id(3), name: "王小五" }),
      ],
      ctx,
    );
    expect(diff.entries).toEqual([]);
    expect(diff.errors.map((e) => e.code)).toEqual(["CONFLICTING_IDENTITY", "CONFLICTING_IDENTITY", "CONFLICTING_IDENTITY", "CONFLICTING_IDENTITY", "NAME_MISMATCH"]);
  });

  it("refuses adding what is held, removing what is not, and a person of another county; a person's other rows wait with them", () => {
    const ctx = base([
      known(1, "张三", [{ type: "SUBSISTENCE", validFrom: "2024-01-01", validTo: null }]),
      known(2, "李四", [{ type: "SUBSISTENCE", validFrom: "2024-01-01", validTo: "2025-12-31" }]),
      known(3, "王五", [], false),
    ]);
    const diff = diffRoster(
      [
        row({ idNumber: id(1), name: "张三" }),
        row({ idNumber: id(2), name: "李四", reason: "减少" }),
        row({ idNumber: id(3), name: "王五" }),
      ],
      ctx,
    );
    expect(diff.entries).toEqual([]);
    expect(diff.errors.map((e) => e.code)).toEqual(["ALREADY_HELD", "NOT_HELD", "PERSON_OUT_OF_COUNTY"]);
  });

  it("keeps the categories to the bureau that certifies them", () => {
    const diff = diffRoster([row({ category: "在乡复员军人" }), row({ idNumber: id(2), category: "低保" })], { ...base(), bureau: "VETERANS_AFFAIRS" });
    expect(diff.entries.map((e) => e.category)).toEqual(["DEMOBILIZED"]);
    expect(diff.errors.map((e) => e.code)).toEqual(["CATEGORY_NOT_BUREAU"]);
  });
});
