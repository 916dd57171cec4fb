// The comparison of an uploaded list (附件3: the period's 新增 and 减少 rows) with the registry's
// current identities: what confirming it would change, and every row that stops it. Pure: the
// caller loads the townships and the people the file names (lib/roster/roster-context.ts).
import type { IdentityType } from "@/lib/generated/prisma/enums";
import { validateIdNumber } from "@/lib/people/id-number";
import { isIsoDate, within, type IsoDate } from "@/lib/rules/dates";
import { BUREAU_CATEGORIES, categoryOf, exclusiveWith, type RosterBureau } from "@/lib/roster/roster-categories";
import type { RosterRow } from "@/lib/roster/roster-file";

export type RosterPeriod = { from: IsoDate; to: IsoDate };

export type Township = { code: string; name: string };

/** A person the file names, as the registry holds them; `inCounty` false: registered elsewhere. */
export type KnownPerson = {
  id: string;
  idNumber: string;
  name: string;
  regionCode: string;
  inCounty: boolean;
  identities: readonly { type: IdentityType; validFrom: IsoDate; validTo: IsoDate | null }[];
};

export type DiffContext = {
  bureau: RosterBureau;
  period: RosterPeriod;
  townships: readonly Township[];
  people: ReadonlyMap<string, KnownPerson>;
  /** Bounds the birth dates of the ID numbers. */
  today: Date;
};

export const ROW_ERROR_CODES = [
  "ID_LEGACY",
  "ID_LENGTH",
  "ID_FORMAT",
  "ID_BIRTH_DATE",
  "ID_CHECK_DIGIT",
  "UNKNOWN_TOWNSHIP",
  "UNKNOWN_CATEGORY",
  "CATEGORY_NOT_BUREAU",
  "BAD_REASON",
  "BAD_DATE",
  "DATE_OUTSIDE_PERIOD",
  "BAD_HOUSEHOLD_SIZE",
  "DUPLICATE_ROW",
  "PERSON_NOT_FOUND",
  "NO_DATA_TO_CREATE",
  "PERSON_OUT_OF_COUNTY",
  "NAME_MISMATCH",
  "CONFLICTING_IDENTITY",
  "ALREADY_HELD",
  "NOT_HELD",
] as const;
export type RowErrorCode = (typeof ROW_ERROR_CODES)[number];

export type RowError = { rowNo: number; code: RowErrorCode; idNumber: string; name: string; detail: string | null };

export type Direction = "ADD" | "REMOVE";

/**
 * What confirming does for one person and category. ADDED: the identity starts on the certificate
 * date (a new person record where `personId` is null); REMOVED: it ends the day before the
 * removal date; CHANGED: `previous` ends and `category` starts (特困 ⇄ 低保 ⇄ 低收入).
 */
export type DiffEntry = {
  kind: "ADDED" | "REMOVED" | "CHANGED";
  rowNo: number;
  personId: string | null;
  idNumber: string;
  name: string;
  townshipCode: string;
  category: IdentityType;
  previous: IdentityType | null;
  /** The 减少 row's date for REMOVED, or for CHANGED when the file has one; otherwise null. */
  removedOn: IsoDate | null;
  householdSize: number | null;
  reason: string;
  effectiveDate: IsoDate;
  birthDate: IsoDate;
  sex: "M" | "F";
};

export type RosterDiff = { entries: DiffEntry[]; errors: RowError[]; rows: number };

// The two words of 附件3's title (本季度（月）新增或减少的人员名单); a cause may follow: "减少（死亡）".
const ADD_WORDS = ["新增", "增加", "纳入"];
const REMOVE_WORDS = ["减少", "退出", "取消", "注销"];

export function directionOf(reason: string): Direction | null {
  const t = reason.trim();
  if (ADD_WORDS.some((w) => t.startsWith(w))) return "ADD";
  if (REMOVE_WORDS.some((w) => t.startsWith(w))) return "REMOVE";
  return null;
}

type ValidRow = {
  row: RosterRow;
  idNumber: string;
  birthDate: IsoDate;
  sex: "M" | "F";
  townshipCode: string;
  category: IdentityType;
  direction: Direction;
  householdSize: number | null;
};

function householdSizeOf(text: string): number | null | "bad" {
  if (text === "") return null;
  if (!/^\d{1,2}$/.test(text) || Number(text) < 1) return "bad";
  return Number(text);
}

function checkRow(row: RosterRow, ctx: DiffContext, townships: ReadonlyMap<string, string>, fail: (code: RowErrorCode, detail?: string) => void): ValidRow | null {
  let ok = true;
  const bad = (code: RowErrorCode, detail?: string) => {
    ok = false;
    fail(code, detail);
  };
  const digits = row.idNumber.replace(/\s+/g, "");
  const id = /^\d{15}$/.test(digits) ? null : validateIdNumber(digits, ctx.today);
  if (id === null) bad("ID_LEGACY");
  else if (!id.ok) bad(`ID_${id.reason}`);
  const townshipCode = townships.get(row.township.replace(/\s+/g, ""));
  if (!townshipCode) bad("UNKNOWN_TOWNSHIP", row.township);
  const category = categoryOf(row.category);
  if (!category) bad("UNKNOWN_CATEGORY", row.category);
  else if (!BUREAU_CATEGORIES[ctx.bureau].includes(category)) bad("CATEGORY_NOT_BUREAU", row.category);
  const direction = directionOf(row.reason);
  if (!direction) bad("BAD_REASON", row.reason);
  if (!isIsoDate(row.effectiveDate)) bad("BAD_DATE", row.effectiveDate);
  else if (!within(row.effectiveDate, ctx.period.from, ctx.period.to)) bad("DATE_OUTSIDE_PERIOD", row.effectiveDate);
  const householdSize = householdSizeOf(row.householdSize);
  if (householdSize === "bad") bad("BAD_HOUSEHOLD_SIZE", row.householdSize);
  if (!ok || !id?.ok || !townshipCode || !category || !direction || householdSize === "bad") return null;
  return { row, idNumber: id.idNumber, birthDate: id.birthDate, sex: id.sex, townshipCode, category, direction, householdSize };
}

export function diffRoster(rows: readonly RosterRow[], ctx: DiffContext): RosterDiff {
  const errors: RowError[] = [];
  const entries: DiffEntry[] = [];
  const townships = new Map<string, string>();
  for (const t of ctx.townships) {
    townships.set(t.name, t.code);
    townships.set(t.code, t.code);
  }
  const failOn = (row: RosterRow, idNumber: string) => (code: RowErrorCode, detail?: string) =>
    errors.push({ rowNo: row.rowNo, code, idNumber, name: row.name, detail: detail ?? null });

  // Rows that pass on their own, grouped by person; the second of two identical rows is refused.
  const byPerson = new Map<string, ValidRow[]>();
  const seen = new Map<string, number>();
  for (const row of rows) {
    const valid = checkRow(row, ctx, townships, failOn(row, row.idNumber));
    if (!valid) continue;
    const key = `${valid.idNumber}|${valid.category}|${valid.direction}`;
    const first = seen.get(key);
    if (first !== undefined) {
      failOn(row, valid.idNumber)("DUPLICATE_ROW", String(first));
      continue;
    }
    seen.set(key, row.rowNo);
    const list = byPerson.get(valid.idNumber) ?? [];
    list.push(valid);
    byPerson.set(valid.idNumber, list);
  }

  for (const [idNumber, list] of byPerson) {
    const person = ctx.people.get(idNumber) ?? null;
    const fail = (v: ValidRow, code: RowErrorCode, detail?: string) => failOn(v.row, idNumber)(code, detail);
    if (person && !person.inCounty) {
      for (const v of list) fail(v, "PERSON_OUT_OF_COUNTY");
      continue;
    }
    const mismatched = person ? list.filter((v) => v.row.name !== "" && v.row.name !== person.name) : [];
    if (mismatched.length > 0) {
      for (const v of list) fail(v, "NAME_MISMATCH", person!.name);
      continue;
    }
    const adds = list.filter((v) => v.direction === "ADD");
    const removes = list.filter((v) => v.direction === "REMOVE");
    const held = new Set((person?.identities ?? []).filter((i) => i.validTo === null).map((i) => i.type));
    const rejected = new Set<ValidRow>();
    const reject = (v: ValidRow, code: RowErrorCode, detail?: string) => {
      if (rejected.has(v)) return;
      rejected.add(v);
      fail(v, code, detail);
    };

    for (const add of adds) {
      const undone = removes.find((r) => r.category === add.category);
      if (undone) {
        reject(add, "CONFLICTING_IDENTITY", String(undone.row.rowNo));
        reject(undone, "CONFLICTING_IDENTITY", String(add.row.rowNo));
      }
      const rival = adds.find((other) => other !== add && exclusiveWith(add.category).includes(other.category));
      if (rival) reject(add, "CONFLICTING_IDENTITY", String(rival.row.rowNo));
    }
    for (const v of list) {
      if (rejected.has(v)) continue;
      if (!person) {
        if (v.direction === "REMOVE") reject(v, "PERSON_NOT_FOUND");
        else if (v.row.name === "") reject(v, "NO_DATA_TO_CREATE");
      } else if (v.direction === "REMOVE" && !held.has(v.category)) reject(v, "NOT_HELD");
      else if (v.direction === "ADD" && held.has(v.category)) reject(v, "ALREADY_HELD");
    }
    if (list.some((v) => rejected.has(v))) {
      // A person's rows go through together or not at all: half of a change is a wrong register.
      continue;
    }

    const folded = new Set<ValidRow>();
    for (const add of adds) {
      const previous = exclusiveWith(add.category).find((t) => held.has(t)) ?? null;
      const removal = previous ? removes.find((r) => r.category === previous) : undefined;
      if (removal) folded.add(removal);
      entries.push(entryOf(previous ? "CHANGED" : "ADDED", add, person, previous, removal?.row.effectiveDate ?? null));
    }
    for (const remove of removes) {
      if (folded.has(remove)) continue;
      entries.push(entryOf("REMOVED", remove, person, null, remove.row.effectiveDate));
    }
  }
  entries.sort((a, b) => a.rowNo - b.rowNo);
  errors.sort((a, b) => a.rowNo - b.rowNo);
  return { entries, errors, rows: rows.length };
}

function entryOf(kind: DiffEntry["kind"], v: ValidRow, person: KnownPerson | null, previous: IdentityType | null, removedOn: IsoDate | null): DiffEntry {
  return {
    kind,
    rowNo: v.row.rowNo,
    personId: person?.id ?? null,
    idNumber: v.idNumber,
    name: person?.name ?? v.row.name,
    townshipCode: v.townshipCode,
    category: v.category,
    previous,
    removedOn,
    householdSize: v.householdSize,
    reason: v.row.reason,
    effectiveDate: v.row.effectiveDate,
    birthDate: v.birthDate,
    sex: v.sex,
  };
}

export type CategoryCounts = { addedHouseholds: number; addedPeople: number; removedHouseholds: number; removedPeople: number };

/**
 * The certificate's figures (附件4: 新增…户…人，减少…户…人) by category. A household is counted by
 * the row that gives its size (the head's, as 附件2/附件3 list a household); a member's row leaves
 * it empty. A change counts as a removal from the old category and an addition to the new one.
 */
export function countsByCategory(entries: readonly Pick<DiffEntry, "kind" | "category" | "previous" | "householdSize">[]): Map<IdentityType, CategoryCounts> {
  const counts = new Map<IdentityType, CategoryCounts>();
  const of = (type: IdentityType) => {
    let c = counts.get(type);
    if (!c) counts.set(type, (c = { addedHouseholds: 0, addedPeople: 0, removedHouseholds: 0, removedPeople: 0 }));
    return c;
  };
  const household = (e: { householdSize: number | null }) => (e.householdSize === null ? 0 : 1);
  for (const e of entries) {
    if (e.kind === "REMOVED") {
      of(e.category).removedPeople += 1;
      of(e.category).removedHouseholds += household(e);
      continue;
    }
    of(e.category).addedPeople += 1;
    of(e.category).addedHouseholds += household(e);
    if (e.previous) {
      of(e.previous).removedPeople += 1;
      of(e.previous).removedHouseholds += household(e);
    }
  }
  return counts;
}
