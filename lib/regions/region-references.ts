// Which regions records refer to: a region anyone or anything points at is never deleted (a
// reload retires it instead). The references are read from the database's own foreign keys, so a
// table added later with a region column is covered without a change here.
import type { Db, Tx } from "@/lib/db";

/** Columns that hold a region code without a foreign key (a list row keeps the township it named). */
const UNCONSTRAINED: readonly { table: string; column: string }[] = [{ table: "roster_entry", column: "township_code" }];

type Column = { table: string; column: string };

/** The tables that refer to regions today, each with its label on the regions page (regions.refs.*; others: "other"). */
export const REFERENCE_TABLES = ["app_user", "person", "household", "case_file", "hospital", "audit_log", "roster_batch", "roster_entry", "county_setting", "serviceman", "region"] as const;

export async function referencingColumns(tx: Db | Tx): Promise<Column[]> {
  const rows = await tx.$queryRaw<Column[]>`
    SELECT cl.relname AS "table", a.attname AS "column"
    FROM pg_constraint c
    JOIN pg_class cl ON cl.oid = c.conrelid
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    WHERE c.contype = 'f' AND c.confrelid = 'region'::regclass AND array_length(c.conkey, 1) = 1
    ORDER BY 1, 2`;
  // A region's children are not a use of it: the reload decides them first (villages before townships).
  return [...rows.filter((r) => !(r.table === "region" && r.column === "parent_code")), ...UNCONSTRAINED];
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** For each of `codes` that something refers to: the tables that do (e.g. ["app_user", "person"]). */
export async function regionReferences(tx: Db | Tx, codes: readonly string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  if (codes.length === 0) return found;
  for (const { table, column } of await referencingColumns(tx)) {
    // Identifiers come from the catalog (or the list above), never from input; the codes are a parameter.
    const rows = await tx.$queryRawUnsafe<{ code: string }[]>(
      `SELECT DISTINCT ${quoteIdent(column)} AS code FROM ${quoteIdent(table)} WHERE ${quoteIdent(column)} = ANY($1::text[])`,
      [...codes],
    );
    for (const { code } of rows) found.set(code, [...(found.get(code) ?? []), table]);
  }
  return found;
}
