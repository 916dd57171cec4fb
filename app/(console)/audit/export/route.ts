import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { auditLabelKey } from "@/lib/audit/audit-events";
import { auditCsv } from "@/lib/audit/audit-csv";
import { exportAudit } from "@/lib/audit/export-audit";
import { getActor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";

const CSV_HEADER = ["csvId", "csvAt", "csvActorType", "csvActor", "csvActionLabel", "csvAction", "csvEntity", "csvEntityId", "csvRegion", "csvBefore", "csvAfter", "csvRequest"] as const;

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

/** The audit page's filters as a CSV download, through the exportAudit command (audit:export, audited). */
export async function GET(request: Request): Promise<Response> {
  const t = await getTranslations();
  const actor = await getActor();
  if (!actor) return text(401, t("errors.sessionExpired"));
  const requestId = randomUUID();
  const params = new URL(request.url).searchParams;
  const raw = Object.fromEntries(["actor", "action", "entity", "entityId", "from", "to"].map((k) => [k, params.get(k) ?? ""]));
  try {
    const rows = await exportAudit(prisma, actor, raw, { requestId });
    const csv = auditCsv(rows, CSV_HEADER.map((k) => t(`audit.${k}`)), (a) => (t.has(auditLabelKey(a)) ? t(auditLabelKey(a)) : a));
    const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll("-", "");
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="audit-${day}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof ValidationError) return text(400, t("audit.badFilter"));
    if (error instanceof ForbiddenError) return text(403, t(error.key));
    if (error instanceof NotFoundError) return text(404, t(error.key));
    if (error instanceof DomainError) return text(403, t(error.key, error.values));
    console.error(`[audit export ${requestId}]`, error);
    return text(500, t("errors.unexpected", { requestId }));
  }
}
