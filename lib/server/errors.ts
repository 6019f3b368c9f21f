import "server-only";

/**
 * An expected refusal with a message for the user (in Chinese) and optional per-field messages.
 * Unexpected errors are logged and shown generically (lib/actions/state.ts).
 */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** Somebody else saved the record first (optimistic concurrency). */
export class ConflictError extends DomainError {
  constructor(message = "该记录已被他人修改，请刷新后再试") {
    super(message);
    this.name = "ConflictError";
  }
}

/** The viewer may not do this (wrong role or out of scope). Re-exported by lib/server/auth/viewer.ts. */
export class AuthorizationError extends Error {
  constructor(message = "您没有权限执行此操作") {
    super(message);
    this.name = "AuthorizationError";
  }
}
