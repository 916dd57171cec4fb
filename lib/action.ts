import "server-only";
import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import { getActor } from "@/lib/auth/session";
import type { Command } from "@/lib/command";
import { prisma } from "@/lib/db";
import { DomainError, ValidationError } from "@/lib/errors";

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

export type Translate = (key: string, values?: Record<string, string | number>) => string;

function translateKey(t: Translate, key: string, values?: Record<string, string | number>): string {
  // zod's own messages (not our keys) fall back to a generic "invalid" text for that field.
  return /^[a-zA-Z]+\.[a-zA-Z.]+$/.test(key) ? t(key, values) : t("validation.invalid");
}

function echoedValues(raw: Record<string, FormDataEntryValue | FormDataEntryValue[]>): Record<string, string | string[]> {
  // Echoed back on refusal so the form keeps what was typed; secrets are never sent back.
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith("$") || SECRET_FIELD.test(key)) continue;
    if (typeof value === "string") values[key] = value;
    else if (Array.isArray(value)) values[key] = value.filter((v): v is string => typeof v === "string");
  }
  return values;
}

/**
 * The one server-action adapter: session → the command (which checks permission, parses the form
 * with its own schema, decides region, state and duty, and audits) → ActionState. It holds no
 * domain logic, so a job or a test calling the command gets exactly what the page gets.
 * `after` runs once the command has committed (cache revalidation, a redirect).
 */
export function defineAction<S extends z.ZodType, T, R = T>(
  command: Command<S, T>,
  config: {
    fieldLabels?: Record<string, string>;
    /**
     * For forms with nested fields (a case's bills): the label of an issue's whole path, e.g.
     * "第1张单据的合计金额"; field errors are then keyed by the dotted path ("bills.0.total").
     */
    fieldLabel?: (path: readonly PropertyKey[], t: Translate) => string;
    after?: (result: T, formData: FormData) => R | Promise<R>;
  } = {},
) {
  return async (_prev: ActionState<R>, formData: FormData): Promise<ActionState<R>> => {
    const t = (await getTranslations()) as unknown as Translate;
    // A hand-made request can call the action with anything at all, not a form.
    if (!(formData instanceof FormData)) return { status: "error", message: t("errors.invalidInput") };
    const requestId = randomUUID();
    const actor = await getActor();
    if (!actor) return { status: "error", message: t("errors.sessionExpired") };

    const raw = formDataObject(formData);
    const values = echoedValues(raw);
    try {
      const result = await command(prisma, actor, raw as z.input<S>, { requestId });
      const data = config.after ? await config.after(result, formData) : (result as unknown as R);
      return { status: "ok", data };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof ValidationError) {
        const fieldErrors: Record<string, string> = {};
        const labelOf = new Map<string, string>();
        for (const issue of error.issues) {
          const field = config.fieldLabel ? issue.path.map(String).join(".") : String(issue.path[0] ?? "");
          if (!field || fieldErrors[field]) continue;
          fieldErrors[field] = translateKey(t, issue.message);
          labelOf.set(field, config.fieldLabel ? config.fieldLabel(issue.path, t) : config.fieldLabels?.[field] ? t(config.fieldLabels[field]) : field);
        }
        const labels = [...labelOf.values()];
        return { status: "error", message: t("errors.checkFields", { fields: labels.join("、") }), fieldErrors, values };
      }
      if (error instanceof DomainError) return { status: "error", message: t(error.key, error.values), values, ...(error.details ? { details: error.details } : {}) };
      console.error(`[action ${requestId}]`, error);
      return { status: "error", message: t("errors.unexpected", { requestId }), values, requestId };
    }
  };
}
