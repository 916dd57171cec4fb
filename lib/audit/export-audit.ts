import { auditFilterSchema } from "@/lib/audit/audit.schema";
import { exportAuditRows } from "@/lib/audit/audit.queries";
import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";

/** An export of the audit log is itself audited: who took which rows (the filter and the count). */
export const exportAudit = defineCommand({ permission: "audit:export", schema: auditFilterSchema }, async (tx, filter, { actor, requestId }) => {
  const rows = await exportAuditRows(tx, actor, filter);
  const kept = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as Record<string, string>;
  await writeAudit(tx, actor, { action: "audit.export", entityId: "audit_log", regionCode: actor.regionCode, after: { filter: kept, rows: rows.length } }, requestId);
  return rows;
});
