// `npm run county -- …`: the deployment's operator adds a county from the national division
// dataset (scripts/county.ts connects to the database and calls this). It speaks Chinese, from the
// same message files as the pages, and acts as the system: every write is the addCounty command,
// audited as "system:county-cli" with this run's id.
import { randomInt, randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { createTranslator } from "use-intl/core";
import { systemActor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { DomainError, ValidationError } from "@/lib/errors";
import { addCounty, countyFromDataset } from "@/lib/regions/add-county";
import { jurisdictionsForProvince } from "@/lib/regions/county-jurisdiction";
import { divisionsDataset } from "@/lib/regions/divisions";
import { REGION_FIELD_LABELS } from "@/lib/regions/regions.schema";
import { JURISDICTIONS } from "@/lib/rules/domain";
import zh from "@/messages/zh-CN.json" with { type: "json" };

type Translate = (key: string, values?: Record<string, string | number>) => string;
export type CliIo = { out: (line: string) => void; err: (line: string) => void };

const t = createTranslator({ locale: "zh-CN", messages: zh }) as unknown as Translate;

// No 0/O, 1/l/I: the operator reads it out or types it once.
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/** A one-time password that meets the password rules (letters and digits, 16 characters). */
export function oneTimePassword(): string {
  for (;;) {
    const password = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    if (/[A-Za-z]/.test(password) && /[0-9]/.test(password)) return password;
  }
}

function describeError(error: unknown): string | null {
  if (error instanceof ValidationError) {
    return error.issues
      .map((issue) => {
        const field = String(issue.path[0] ?? "");
        const label = field in REGION_FIELD_LABELS ? t(REGION_FIELD_LABELS[field as keyof typeof REGION_FIELD_LABELS]) : field;
        return t("countyCli.fieldError", { field: label, message: /^[a-zA-Z]+\.[a-zA-Z.]+$/.test(issue.message) ? t(issue.message) : t("validation.invalid") });
      })
      .join("\n");
  }
  if (error instanceof DomainError) return t(error.key, error.values);
  return null;
}

function show(code: string, io: CliIo) {
  const county = countyFromDataset(code);
  const villages = county.townships.reduce((n, tw) => n + tw.villages.length, 0);
  io.out(t("countyCli.showCounty", { code: county.code, name: [county.province.name, county.city?.name ?? "", county.name].join(""), townships: county.townships.length, villages }));
  for (const tw of county.townships) io.out(t("countyCli.showTownship", { code: tw.code, name: tw.name, villages: tw.villages.length }));
  const choices = jurisdictionsForProvince(county.province.code);
  io.out(t("countyCli.jurisdictionChoices", { choices: choices.length > 0 ? choices.join(", ") : t("countyCli.noChoices") }));
  io.out(t("countyCli.dataset", { dataset: divisionsDataset().id, source: divisionsDataset().source }));
}

async function add(db: Db, code: string, values: { jurisdiction?: string | undefined; admin?: string | undefined; "admin-name"?: string | undefined }, io: CliIo): Promise<number> {
  if (values.jurisdiction === undefined || values.admin === undefined) {
    io.err(t("countyCli.addNeeds", { jurisdictions: JURISDICTIONS.join(" | ") }));
    return 2;
  }
  // The system acts inside the county's province (the record it decides on is the county to be).
  const county = countyFromDataset(code);
  const province = county.province.code;
  const password = oneTimePassword();
  const runId = randomUUID();
  const result = await addCounty(db, systemActor("county-cli", runId, { code: province, path: province }), {
    code,
    jurisdiction: values.jurisdiction,
    adminUsername: values.admin,
    adminDisplayName: values["admin-name"] ?? t("countyCli.defaultAdminName", { county: county.name }),
    adminPassword: password,
  }, { requestId: runId });
  io.out(t("countyCli.added", { name: result.fullName, code: result.code, townships: result.townships, villages: result.villages }));
  for (const a of result.createdAncestors) io.out(t("countyCli.addedAncestor", { name: a.name, code: a.code }));
  if (result.effective === null) io.out(t("countyCli.noJurisdictionWarning"));
  else io.out(t("countyCli.effectiveJurisdiction", { jurisdiction: result.effective.jurisdiction, label: t(`jurisdiction.${result.effective.jurisdiction}`), from: result.effective.fromName }));
  io.out(t("countyCli.adminCreated", { username: result.admin.username, password }));
  return 0;
}

/** Runs one CLI call; the exit code is returned (0 done, 1 refused, 2 usage). */
export async function runCountyCli(db: Db | (() => Promise<Db>), argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { jurisdiction: { type: "string" }, admin: { type: "string" }, "admin-name": { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${t("countyCli.usage")}`);
    return 2;
  }
  const [command, code, ...rest] = parsed.positionals;
  if (parsed.values.help || !command || command === "help") {
    io.out(t("countyCli.usage"));
    return command || parsed.values.help ? 0 : 2;
  }
  if ((command !== "add" && command !== "show") || code === undefined || rest.length > 0) {
    io.err(t("countyCli.usage"));
    return 2;
  }
  try {
    if (command === "show") {
      show(code, io);
      return 0;
    }
    return await add(typeof db === "function" ? await db() : db, code, parsed.values, io);
  } catch (error) {
    const message = describeError(error);
    if (message === null) throw error;
    io.err(message);
    return 1;
  }
}
