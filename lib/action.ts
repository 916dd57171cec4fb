import "server-only";
import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission, type Permission } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";

export type ActionContext = { actor: Actor; requestId: string; values: Record<string, string | string[]> };

/** FormData as an object; a name sent several times (checkboxes) becomes an array. */
export function formDataObject(formData: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const out: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key);
    out[key] = all.length === 1 ? (all[0] as FormDataEntryValue) : all;
  }
  return out;
}

const SECRET_FIELD = /password|^current$|^next$|^confirm$/i;

type Translate = (key: string, values?: Record<string, string | number>) => string;

function translateKey(t: Translate, key: string, values?: Record<string, string | number>): string {
  // zod's own messages (not our keys) fall back to a generic "invalid" text for that field.
  return /^[a-zA-Z]+\.[a-zA-Z.]+$/.test(key) ? t(key, values) : t("validation.invalid");
}

/**
 * The one server-action wrapper: session → zod parse → permission → handler. Region scoping is
 * done by the handler's queries, which all take `ctx.actor`; this wrapper guarantees there is an
 * actor with the permission on every call, whoever calls the action and however.
 */
export function defineAction<S extends z.ZodType, T>(
  config: { permission: Permission; schema: S; fieldLabels?: Record<string, string> },
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<T>,
) {
  return async (_prev: ActionState<T>, formData: FormData): Promise<ActionState<T>> => {
    const t = (await getTranslations()) as unknown as Translate;
    const requestId = randomUUID();
    const actor = await getActor();
    if (!actor) return { status: "error", message: t("errors.sessionExpired") };
    if (!hasPermission(actor.role, config.permission)) return { status: "error", message: t("errors.forbidden") };

    const raw = formDataObject(formData);
    // Echoed back on refusal so the form keeps what was typed; secrets are never sent back.
    const values: Record<string, string | string[]> = {};
    for (const [key, value] of Object.entries(raw)) {
      if (key.startsWith("$") || SECRET_FIELD.test(key)) continue;
      if (typeof value === "string") values[key] = value;
      else if (Array.isArray(value)) values[key] = value.filter((v): v is string => typeof v === "string");
    }
    const parsed = config.schema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        if (field && !fieldErrors[field]) fieldErrors[field] = translateKey(t, issue.message);
      }
      const labels = Object.keys(fieldErrors).map((f) => (config.fieldLabels?.[f] ? t(config.fieldLabels[f]) : f));
      return { status: "error", message: t("errors.checkFields", { fields: labels.join("、") }), fieldErrors, values };
    }

    try {
      const data = await handler(parsed.data, { actor, requestId, values });
      return { status: "ok", data };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof DomainError) return { status: "error", message: t(error.key, error.values), values };
      console.error(`[action ${requestId}]`, error);
      return { status: "error", message: t("errors.unexpected", { requestId }), values, requestId };
    }
  };
}
