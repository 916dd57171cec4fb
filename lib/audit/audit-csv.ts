import { formatDateTime } from "@/lib/format";

type Row = { id: bigint; at: Date; actorType: string; actorName: string; action: string; entity: string; entityId: string; regionCode: string | null; before: unknown; after: unknown; requestId: string | null };

/**
 * One CSV cell. A cell a spreadsheet would read as a formula (=, +, -, @, tab, CR) gets a leading
 * apostrophe, so an exported user name like "=HYPERLINK(…)" stays text (CSV injection).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The export: a BOM so that spreadsheet programs read UTF-8 Chinese, CRLF line ends (RFC 4180). */
export function auditCsv(rows: readonly Row[], header: readonly string[], actionLabel: (action: string) => string): string {
  const lines = [header.map(csvCell).join(",")];
  for (const r of rows) {
    lines.push(
      [
        String(r.id),
        formatDateTime(r.at),
        r.actorType,
        r.actorName,
        actionLabel(r.action),
        r.action,
        r.entity,
        r.entityId,
        r.regionCode ?? "",
        r.before === null || r.before === undefined ? "" : JSON.stringify(r.before),
        r.after === null || r.after === undefined ? "" : JSON.stringify(r.after),
        r.requestId ?? "",
      ]
        .map(csvCell)
        .join(","),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
