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

export function newRef(): string {
  return randomBytes(4).toString('hex');
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
