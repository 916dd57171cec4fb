import { z } from "zod";
import { AUDIT_ACTIONS, AUDIT_EVENTS, type AuditAction } from "@/lib/audit/audit-events";
import { cleanText } from "@/lib/text-input";

const ENTITIES = [...new Set(Object.values(AUDIT_EVENTS).map((e) => e.entity))] as [string, ...string[]];
export const AUDIT_ENTITIES: readonly string[] = ENTITIES;

const blankIsAbsent = (v: unknown) => (v === "" || v === null ? undefined : v);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "validation.date" })
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && d.getUTCFullYear() >= 2000;
  }, { message: "validation.date" });

/** The audit page's filters, from its URL; the export takes the same. */
export const auditFilterSchema = z
  .object({
    actor: z.preprocess(blankIsAbsent, z.string().trim().pipe(cleanText(64)).optional()),
    action: z.preprocess(blankIsAbsent, z.enum(AUDIT_ACTIONS as [AuditAction, ...AuditAction[]]).optional()),
    entity: z.preprocess(blankIsAbsent, z.enum(ENTITIES).optional()),
    entityId: z.preprocess(blankIsAbsent, z.string().trim().pipe(cleanText(64)).optional()),
    from: z.preprocess(blankIsAbsent, day.optional()),
    to: z.preprocess(blankIsAbsent, day.optional()),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "validation.dateRange" });

export type AuditFilter = z.output<typeof auditFilterSchema>;
