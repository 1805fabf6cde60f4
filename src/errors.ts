// The few error kinds the server raises. They know nothing of XML-RPC: rpc/faults.ts turns each
// kind into a fault for each protocol profile. Throw only these; any other Error is a bug.

export type ErrorKind =
  | 'UserError'
  | 'ValidationError'
  | 'MissingError'
  | 'AccessError'
  | 'AccessDenied'
  | 'CallError'
  | 'Unavailable'
  | 'InternalError';

export abstract class AppError extends Error {
  abstract readonly kind: ErrorKind;
  /** Title shown by 7.0 clients in legacy faults (`warning -- <title>\n\n<message>`). */
  readonly title: string;
  constructor(message: string, title: string) {
    super(message);
    this.title = title;
    this.name = new.target.name;
  }
}

/** A business rule refused the operation (7.0 except_osv; Odoo UserError). */
export class UserError extends AppError {
  readonly kind = 'UserError' as const;
  constructor(message: string, title = 'UserError') {
    super(message, title);
  }
}

/** A value or a constraint is invalid (7.0 ValidateError; Odoo ValidationError). */
export class ValidationError extends AppError {
  readonly kind = 'ValidationError' as const;
  constructor(message: string, title = 'ValidateError') {
    super(message, title);
  }
}

/** A record that the operation needs does not exist (or is hidden from the caller). */
export class MissingError extends AppError {
  readonly kind = 'MissingError' as const;
  constructor(message = 'Record does not exist or has been deleted.', title = 'MissingError') {
    super(message, title);
  }
}

/** The caller is known but may not do this (ACLs, record rules, groups, private methods). */
export class AccessError extends AppError {
  readonly kind = 'AccessError' as const;
  constructor(message: string, title = 'AccessError') {
    super(message, title);
  }
}

/** Authentication failed: bad (db, uid, password), bad master password, listing disabled. */
export class AccessDenied extends AppError {
  readonly kind = 'AccessDenied' as const;
  constructor(message = 'Access denied.') {
    super(message, 'AccessDenied');
  }
}

/**
 * The call itself is wrong: bad arguments, unknown field, unknown method, malformed request.
 * `pyType` names the Python exception OpenERP would raise (ValueError, TypeError, KeyError...),
 * which legacy clients see at the end of the fault's short traceback.
 */
export class CallError extends AppError {
  readonly kind = 'CallError' as const;
  readonly pyType: string;
  constructor(message: string, pyType = 'ValueError') {
    super(message, pyType);
    this.pyType = pyType;
  }
}

/**
 * The database cannot be reached right now (PostgreSQL down or restarting, SQLite locked or its
 * disk failing). Nothing was done; the same call may simply be sent again a little later.
 */
export class UnavailableError extends AppError {
  readonly kind = 'Unavailable' as const;
  override readonly cause?: unknown;
  constructor(cause?: unknown) {
    super('Database unavailable, try again in a moment.', 'OperationalError');
    this.cause = cause;
  }
}

/** An unexpected failure. The fault names `ref`; the log line with the same ref has the detail. */
export class InternalError extends AppError {
  readonly kind = 'InternalError' as const;
  readonly ref: string;
  override readonly cause?: unknown;
  constructor(ref: string, cause?: unknown) {
    super(`Internal server error (ref ${ref})`, 'InternalError');
    this.ref = ref;
    this.cause = cause;
  }
}
