// The one place where errors become XML-RPC faults: a table keyed by error kind with one entry
// per protocol profile, so a new kind in src/errors.ts does not compile until it has its faults.
import { randomBytes } from 'node:crypto';
import { isUnavailableDbError } from '../db/errors';
import {
  AccessDenied, AccessError, AppError, CallError, ErrorKind, InternalError, MissingError, UnavailableError, UserError,
  ValidationError,
} from '../errors';
import type { Profile } from './services/types';

export interface Fault {
  faultCode: number | string;
  faultString: string;
}

export interface FaultOptions {
  /** Put real stacks in faults (a development setting; never in production). */
  debugFaults: boolean;
}

type KnownError = UserError | ValidationError | MissingError | AccessError | AccessDenied | CallError | UnavailableError
  | InternalError;
type ErrorOf<K extends ErrorKind> = Extract<KnownError, { kind: K }>;
type FaultFor<K extends ErrorKind> = (err: ErrorOf<K>, opts: FaultOptions) => Fault;

/** Integer fault codes of /openerp/xmlrpc/1 and /xmlrpc/2 (OpenERP's RPC_FAULT_CODE_*). */
export const FAULT_CODE = { APPLICATION_ERROR: 1, WARNING: 2, ACCESS_DENIED: 3, ACCESS_ERROR: 4 } as const;

/** A Python-looking traceback with no frames: clients that show "the server traceback" get the gist. */
export function pseudoTraceback(pyType: string, message: string, detail?: string): string {
  const frames = detail ? detail.split('\n').map((l) => `  ${l.trim()}`).join('\n') : '  [...]';
  return `Traceback (most recent call last):\n${frames}\n${pyType}: ${message}`;
}

/** Legacy warnings: 7.0 clients split `warning -- <title>` and show the rest as the message. */
const warning = (err: AppError): Fault => ({ faultCode: `warning -- ${err.title}\n\n${err.message}`, faultString: '' });
const intFault = (code: number) => (err: AppError): Fault => ({ faultCode: code, faultString: err.message });

const callError = (code: (err: CallError) => number | string): FaultFor<'CallError'> => (err, opts) => ({
  faultCode: code(err),
  faultString: pseudoTraceback(err.pyType, err.message, opts.debugFaults ? err.stack : undefined),
});

/**
 * Shaped like the OperationalError OpenERP and Odoo answer when PostgreSQL is gone (code 1, the
 * exception's name in the traceback), without a ref: retrying clients match the name or the text.
 */
const unavailable = (code: (err: UnavailableError) => number | string): FaultFor<'Unavailable'> => (err) => ({
  faultCode: code(err),
  faultString: pseudoTraceback('OperationalError', err.message),
});

const internal = (code: (err: InternalError) => number | string): FaultFor<'InternalError'> => (err, opts) => ({
  faultCode: code(err),
  faultString: pseudoTraceback('Exception', err.message, opts.debugFaults ? stackOf(err.cause) : undefined),
});

/**
 * legacy (/xmlrpc/*): OpenERP 7.0 string codes. v7int (/openerp/xmlrpc/1): 7.0 integer codes, where
 * ACL, record-rule and private-method refusals were except_orm and so code 2, not 4 (PROTOCOL §3.3
 * note). odoo (/xmlrpc/2): Odoo 17/18 codes and texts (odoo18-observations §7).
 */
export const FAULT_TABLE: { readonly [K in ErrorKind]: { readonly [P in Profile]: FaultFor<K> } } = {
  UserError: { legacy: warning, v7int: intFault(2), odoo: intFault(2) },
  ValidationError: { legacy: warning, v7int: intFault(2), odoo: intFault(2) },
  MissingError: { legacy: warning, v7int: intFault(2), odoo: intFault(2) },
  AccessError: { legacy: warning, v7int: intFault(2), odoo: intFault(4) },
  AccessDenied: {
    legacy: (err) => ({ faultCode: 'AccessDenied', faultString: err.message }),
    v7int: intFault(3),
    // Odoo 9+ spells the default message differently; custom messages pass through.
    odoo: (err) => ({ faultCode: 3, faultString: err.message === 'Access denied.' ? 'Access Denied' : err.message }),
  },
  CallError: {
    legacy: callError((err) => err.message),
    v7int: callError(() => 1),
    odoo: callError(() => 1),
  },
  Unavailable: {
    legacy: unavailable((err) => err.message),
    v7int: unavailable(() => 1),
    odoo: unavailable(() => 1),
  },
  InternalError: {
    legacy: internal((err) => err.message),
    v7int: internal(() => 1),
    odoo: internal(() => 1),
  },
};

// Refs are drawn from a pool of random bytes refilled now and then, not one randomBytes per call.
const REF_BYTES = 4;
const REF_POOL = 4096;
let refPool = randomBytes(REF_POOL);
let refAt = 0;

export function newRef(): string {
  if (refAt + REF_BYTES > REF_POOL) {
    refPool = randomBytes(REF_POOL);
    refAt = 0;
  }
  const ref = refPool.toString('hex', refAt, refAt + REF_BYTES);
  refAt += REF_BYTES;
  return ref;
}

/**
 * A database that cannot be reached is an outage, not a bug: UnavailableError. Anything else thrown
 * that is not one of our kinds is a bug: it becomes an InternalError with a ref.
 */
export function asAppError(err: unknown): AppError {
  if (err instanceof AppError && Object.prototype.hasOwnProperty.call(FAULT_TABLE, err.kind)) return err;
  if (isUnavailableDbError(err)) return new UnavailableError(err);
  return new InternalError(newRef(), err);
}

export function faultFor(err: AppError, profile: Profile, opts: FaultOptions): Fault {
  const entry = FAULT_TABLE[err.kind][profile] as (e: AppError, o: FaultOptions) => Fault;
  return entry(err, opts);
}

/** 7.0's answer to a path it cannot route under /openerp/xmlrpc: code 1 and an empty string. */
export function badRouteFault(): Fault {
  return { faultCode: FAULT_CODE.APPLICATION_ERROR, faultString: '' };
}

function stackOf(cause: unknown): string | undefined {
  return cause instanceof Error ? cause.stack : cause === undefined ? undefined : String(cause);
}

/** The `error` member of Odoo 8+ JSON-RPC answers; odoorpc needs `data.message` (jsonrpc-observations §1). */
export interface JsonRpcError {
  code: number;
  message: string;
  data: { name: string; message: string; arguments: string[]; context: Record<string, never>; debug: string };
}

type JsonErrorFor<K extends ErrorKind> = (err: ErrorOf<K>, opts: FaultOptions) => JsonRpcError;

/** Odoo's codes: 200 for any server error, 100 for a missing or expired session, 404 for a NotFound. */
export const JSON_ERROR_CODE = { SERVER_ERROR: 200, SESSION_EXPIRED: 100, NOT_FOUND: 404, PARSE_ERROR: -32700 } as const;

function jsonError(code: number, title: string, name: string, message: string, debug = ''): JsonRpcError {
  return { code, message: title, data: { name, message, arguments: [message], context: {}, debug } };
}

function odooError(name: string, message: string, err: AppError, opts: FaultOptions): JsonRpcError {
  return jsonError(JSON_ERROR_CODE.SERVER_ERROR, 'Odoo Server Error', `odoo.exceptions.${name}`, message,
    opts.debugFaults ? err.stack ?? '' : '');
}
const odooException = (name: string) => (err: AppError, opts: FaultOptions): JsonRpcError => odooError(name, err.message, err, opts);

/** The JSON-RPC profile: every error kind with its Odoo exception name (no stack unless debugFaults). */
export const JSON_ERROR_TABLE: { readonly [K in ErrorKind]: JsonErrorFor<K> } = {
  UserError: odooException('UserError'),
  ValidationError: odooException('ValidationError'),
  MissingError: odooException('MissingError'),
  AccessError: odooException('AccessError'),
  // Odoo 9+ spells the default message "Access Denied"; custom messages pass through.
  AccessDenied: (err, opts) => odooError('AccessDenied', err.message === 'Access denied.' ? 'Access Denied' : err.message, err, opts),
  CallError: (err, opts) => jsonError(JSON_ERROR_CODE.SERVER_ERROR, 'Odoo Server Error', `builtins.${err.pyType}`, err.message,
    opts.debugFaults ? pseudoTraceback(err.pyType, err.message, err.stack) : ''),
  // As Odoo answers when PostgreSQL is gone: the driver's exception name, no stack, retryable.
  Unavailable: (err) => jsonError(JSON_ERROR_CODE.SERVER_ERROR, 'Odoo Server Error', 'psycopg2.OperationalError', err.message),
  InternalError: (err, opts) => jsonError(JSON_ERROR_CODE.SERVER_ERROR, 'Odoo Server Error', 'builtins.Exception', err.message,
    opts.debugFaults ? pseudoTraceback('Exception', err.message, stackOf(err.cause)) : ''),
};

export function jsonErrorFor(err: AppError, opts: FaultOptions): JsonRpcError {
  const entry = JSON_ERROR_TABLE[err.kind] as (e: AppError, o: FaultOptions) => JsonRpcError;
  return entry(err, opts);
}

/** A call that needs a session and has none (or an expired one): Odoo's code 100. */
export function sessionExpiredError(): JsonRpcError {
  return jsonError(JSON_ERROR_CODE.SESSION_EXPIRED, 'Odoo Session Expired', 'odoo.http.SessionExpiredException', 'Session expired');
}

/** A body that is not JSON at all, or breaks the codec limits (sent with HTTP 400, as Odoo does). */
export function parseError(message: string): JsonRpcError {
  return jsonError(JSON_ERROR_CODE.PARSE_ERROR, 'Invalid JSON data', 'werkzeug.exceptions.BadRequest', message);
}

/** A JSON route that does not exist, or a request that is not a JSON-RPC call (GET, wrong type). */
export function badRequestError(code: number, message: string): JsonRpcError {
  return jsonError(code, message, code === JSON_ERROR_CODE.NOT_FOUND ? 'werkzeug.exceptions.NotFound'
    : 'werkzeug.exceptions.BadRequest', message);
}

/** HTTP statuses of plain HTTP routes (report downloads), by error kind. */
export const HTTP_STATUS_TABLE: { readonly [K in ErrorKind]: number } = {
  UserError: 400,
  ValidationError: 400,
  MissingError: 404,
  AccessError: 403,
  AccessDenied: 401,
  CallError: 400,
  // The database is out of reach: retry later.
  Unavailable: 503,
  InternalError: 500,
};
