// Expected failures carry a message key the user sees (translated through messages/*.json);
// anything else is logged with a request id and shown as a generic error.
export class DomainError extends Error {
  /** What the form may show beside the message (sent to the browser: nothing the actor may not see). */
  readonly details?: Readonly<Record<string, unknown>>;
  constructor(
    readonly key: string,
    readonly values: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = "DomainError";
  }
}

/** What was refused, for the audit row of the refusal (never shown to the user). */
export type RefusalDetail = { action: string; entity?: string | undefined; entityId?: string | undefined; state?: string | undefined };

/**
 * A refusal by the decision function (lib/auth/decide.ts): permission, region, state or duty.
 * Commands write an audit row for each, outside the transaction they roll back.
 */
export abstract class RefusalError extends DomainError {
  abstract readonly refusal: "permission" | "region" | "state" | "duty";
  constructor(
    key: string,
    readonly detail: RefusalDetail | null,
  ) {
    super(key);
  }
}

/** Also what a record outside the actor's region is: it does not exist for them. */
export class NotFoundError extends RefusalError {
  readonly refusal = "region";
  constructor(detail: RefusalDetail | null = null) {
    super("errors.notFound", detail);
    this.name = "NotFoundError";
  }
}

export class ForbiddenError extends RefusalError {
  readonly refusal = "permission";
  constructor(detail: RefusalDetail | null = null) {
    super("errors.forbidden", detail);
    this.name = "ForbiddenError";
  }
}

/** A user whose password the administrator set may do nothing but change it (and sign out). */
export class PasswordChangeRequiredError extends RefusalError {
  readonly refusal = "permission";
  constructor(detail: RefusalDetail | null = null) {
    super("account.mustChangeFirst", detail);
    this.name = "PasswordChangeRequiredError";
  }
}

export class StateError extends RefusalError {
  readonly refusal = "state";
  constructor(detail: RefusalDetail | null = null) {
    super("errors.state", detail);
    this.name = "StateError";
  }
}

export class DutyError extends RefusalError {
  readonly refusal = "duty";
  constructor(detail: RefusalDetail | null = null) {
    super("errors.duty", detail);
    this.name = "DutyError";
  }
}

/**
 * A person whose region lies under none of the rules' jurisdictions (a county set up with none):
 * nothing can be computed or filed for them until the county's administrator sets one.
 */
export class NoJurisdictionError extends DomainError {
  constructor(readonly regionPath: string) {
    super("errors.noJurisdiction");
    this.name = "NoJurisdictionError";
    this.message = `no jurisdiction on region path ${regionPath}`;
  }
}

export class ConflictError extends DomainError {
  constructor(key = "errors.conflict") {
    super(key);
    this.name = "ConflictError";
  }
}

/** Input that does not pass the command's schema: the form shows each issue beside its field. */
export class ValidationError extends DomainError {
  constructor(readonly issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
    super("errors.invalidInput");
    this.name = "ValidationError";
  }
}
