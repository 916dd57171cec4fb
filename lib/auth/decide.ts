import type { CommandActor } from "@/lib/auth/actor";
import { hasPermission, SYSTEM_ROLE, type GrantHolder, type Permission } from "@/lib/auth/permissions";
import { DutyError, ForbiddenError, NotFoundError, StateError } from "@/lib/errors";
import { isPathInScope } from "@/lib/regions/scope";

/** The kinds of record a decision is taken on. */
export const ENTITY_KINDS = ["region", "user", "person", "household", "serviceman", "proposal", "case", "roster", "hospital", "job"] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/**
 * What assertCan needs to know of a record: where it lives (its region's path), its state where the
 * action depends on one, and who has already worked on it (segregation of duties).
 */
export type DecisionRecord = {
  entity: EntityKind;
  id?: string | undefined;
  regionPath: string;
  state?: string | undefined;
  /** Users who filed, investigated or otherwise decided the record so far. */
  participants?: readonly string[] | undefined;
};

/** Case states of the application procedure (YQ-JZ-2019 §6(2)); the workflow module owns the transitions. */
export const CASE_STATES = [
  "DRAFT",
  "SUBMITTED",
  "TOWNSHIP_REVIEW",
  "PUBLICITY",
  "COUNTY_REVIEW",
  "APPROVED",
  "PAID",
  "RETURNED",
  "REJECTED",
  "WITHDRAWN",
] as const;
export type CaseState = (typeof CASE_STATES)[number];

type Rule = {
  /** "region": the record must lie in the actor's region; "self": the record is the actor's own account. */
  scope: "region" | "self";
  /** The records the action applies to, each with the states it may be in ("any": stateless). */
  on: Partial<Record<EntityKind, readonly string[] | "any">>;
  /** Whoever already worked on the record may not take this action on it. */
  segregated?: boolean;
};

const BEFORE_COUNTY: readonly CaseState[] = ["DRAFT", "SUBMITTED", "TOWNSHIP_REVIEW", "PUBLICITY", "RETURNED"];

// One row per permission: the grid test (lib/auth/decide.int.test.ts) runs every row for every
// role and region against real rows, and fails if a permission has no row here.
export const RULES: Record<Permission, Rule> = {
  "person:read": { scope: "region", on: { person: "any", household: "any", serviceman: "any" } },
  "person:view-id": { scope: "region", on: { person: "any" } },
  "case:read": { scope: "region", on: { case: "any" } },
  "payment:read": { scope: "region", on: { case: ["APPROVED", "PAID"] } },
  "policy:read": { scope: "region", on: { region: "any" } },
  "audit:read": { scope: "region", on: { region: "any" } },
  "audit:export": { scope: "region", on: { region: "any" } },
  "rules:trial": { scope: "region", on: { region: "any", person: "any" } },
  "account:self": { scope: "self", on: { user: "any" } },
  "user:create": { scope: "region", on: { region: "any" } },
  "user:update": { scope: "region", on: { user: "any", region: "any" } },
  // A deactivated account is reactivated first; a password for it would wait unused.
  "user:reset-password": { scope: "region", on: { user: ["ACTIVE"] } },
  "person:create": { scope: "region", on: { region: "any" } },
  "person:update": { scope: "region", on: { person: "any" } },
  "person:merge": { scope: "region", on: { person: "any" } },
  // A household is created with its head (a person of the clerk's township), then changed.
  "household:create": { scope: "region", on: { person: "any" } },
  "household:update": { scope: "region", on: { household: "any", person: "any" } },
  "serviceman:manage": { scope: "region", on: { region: "any", serviceman: "any", person: "any" } },
  "identity:propose": { scope: "region", on: { person: "any" } },
  // A bureau decides a township's proposal of one of its identities, once, and never its own.
  "identity:manage:assistance": { scope: "region", on: { person: "any", proposal: ["PENDING"] }, segregated: true },
  "identity:manage:special-care": { scope: "region", on: { person: "any", proposal: ["PENDING"] }, segregated: true },
  // The medical bureau's recognitions come from its own cases, never from a proposal.
  "identity:manage:medical": { scope: "region", on: { person: "any" } },
  "enrolment:manage": { scope: "region", on: { person: "any" } },
  "roster:upload": { scope: "region", on: { region: "any", roster: ["UPLOADED"] } },
  "roster:acknowledge": { scope: "region", on: { roster: ["CONFIRMED"] } },
  "hospital:manage": { scope: "region", on: { region: "any", hospital: "any" } },
  // A county's own tree (reload from the national dataset) and its jurisdiction for the rules.
  "region:manage": { scope: "region", on: { region: "any" } },
  "calendar:manage": { scope: "region", on: { region: "any" } },
  // The county to add, by the path it will have: the system acts inside its province.
  "county:add": { scope: "region", on: { region: "any" } },
  "case:file": { scope: "region", on: { person: "any", case: ["DRAFT"] } },
  "case:resubmit": { scope: "region", on: { case: ["RETURNED"] } },
  "case:withdraw": { scope: "region", on: { case: BEFORE_COUNTY } },
  "case:investigate": { scope: "region", on: { case: ["SUBMITTED", "TOWNSHIP_REVIEW"] } },
  // Posting a case, and forwarding it to the county once its 公示 has ended (lib/workflow).
  "case:publicize": { scope: "region", on: { case: ["TOWNSHIP_REVIEW", "PUBLICITY"] } },
  "case:object": { scope: "region", on: { case: ["PUBLICITY"] } },
  "case:return": { scope: "region", on: { case: ["SUBMITTED", "TOWNSHIP_REVIEW"] } },
  "case:reject": { scope: "region", on: { case: ["SUBMITTED", "TOWNSHIP_REVIEW"] } },
  // The county's decision (approve, refuse, or return) on a case whose 公示 has ended.
  "case:approve:assistance": { scope: "region", on: { case: ["COUNTY_REVIEW"] }, segregated: true },
  "case:approve:special-care": { scope: "region", on: { case: ["COUNTY_REVIEW"] }, segregated: true },
  "case:serve-notice": { scope: "region", on: { case: ["REJECTED"] } },
  "payment:record": { scope: "region", on: { case: ["APPROVED"] } },
  "claim:recompute": { scope: "region", on: { region: "any", job: "any" } },
  // A list being compared, and a confirmed one being applied.
  "roster:check": { scope: "region", on: { roster: ["CHECKING"] } },
  "roster:apply": { scope: "region", on: { roster: ["APPLYING"] } },
};

export type Refusal = "permission" | "region" | "state" | "duty";
export type Decision = { ok: true } | { ok: false; refusal: Refusal };

export function holderOf(actor: CommandActor): GrantHolder {
  return actor.kind === "system" ? SYSTEM_ROLE : actor.role;
}

/**
 * The one decision: may this actor take this action (on this record)? Permission first, then
 * region (a record outside the region does not exist for the actor), then the record's state, then
 * segregation of duties. Without a record only the permission is decided.
 */
export function decide(actor: CommandActor, action: Permission, record?: DecisionRecord): Decision {
  if (!hasPermission(holderOf(actor), action)) return { ok: false, refusal: "permission" };
  if (!record) return { ok: true };
  const rule = RULES[action];
  const states = rule.on[record.entity];
  // Asking about a record the action does not apply to is a programming error, not a refusal.
  if (!states) throw new Error(`assertCan: ${action} does not apply to a ${record.entity}`);
  if (rule.scope === "self") {
    if (actor.kind !== "user" || record.id !== actor.id) return { ok: false, refusal: "region" };
  } else if (!isPathInScope(actor, record.regionPath)) {
    return { ok: false, refusal: "region" };
  }
  if (states !== "any" && (record.state === undefined || !states.includes(record.state))) return { ok: false, refusal: "state" };
  if (rule.segregated && actor.kind === "user" && record.participants?.includes(actor.id)) return { ok: false, refusal: "duty" };
  return { ok: true };
}

/** decide(), throwing the refusal as the typed error the user sees. */
export function assertCan(actor: CommandActor, action: Permission, record?: DecisionRecord): void {
  const decision = decide(actor, action, record);
  if (decision.ok) return;
  const detail = { action, entity: record?.entity, entityId: record?.id, state: record?.state };
  switch (decision.refusal) {
    case "permission":
      throw new ForbiddenError(detail);
    case "region":
      throw new NotFoundError(detail);
    case "state":
      throw new StateError(detail);
    case "duty":
      throw new DutyError(detail);
  }
}
