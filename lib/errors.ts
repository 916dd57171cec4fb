// Expected failures carry a message key the user sees (translated through messages/*.json);
// anything else is logged with a request id and shown as a generic error.
export class DomainError extends Error {
  constructor(
    readonly key: string,
    readonly values: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = "DomainError";
  }
}

export class NotFoundError extends DomainError {
  constructor() {
    super("errors.notFound");
    this.name = "NotFoundError";
  }
}

export class ForbiddenError extends DomainError {
  constructor() {
    super("errors.forbidden");
    this.name = "ForbiddenError";
  }
}

export class ConflictError extends DomainError {
  constructor() {
    super("errors.conflict");
    this.name = "ConflictError";
  }
}
