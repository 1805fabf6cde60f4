// Database names and the errors about them. A valid name has no path separator and cannot start
// with a dot, so a SQLite file named after it always stays inside the data directory.
import { CallError, UserError } from '../errors';

const NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/;

export function isValidDbName(name: unknown): name is string {
  return typeof name === 'string' && NAME_RE.test(name);
}

/** Names in messages are cut short and stripped of control characters (they come from clients). */
export function printableName(name: unknown): string {
  const text = typeof name === 'string' ? name : String(name);
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 64 ? `${clean.slice(0, 64)}...` : clean;
}

export function assertValidDbName(name: unknown): asserts name is string {
  if (!isValidDbName(name)) {
    throw new UserError(
      `Invalid database name "${printableName(name)}": use 1 to 63 letters, digits, "_", "." or "-", `
      + 'starting with a letter or a digit.',
      'Invalid database name',
    );
  }
}

/** What OpenERP's clients see for an unknown database (psycopg2's OperationalError there). */
export function databaseNotFound(name: unknown): CallError {
  return new CallError(`database "${printableName(name)}" does not exist`, 'OperationalError');
}

/** 7.0's text for creating over an existing name (a `Warning`), leading space included. */
export function databaseExists(name: string): UserError {
  return new UserError(` ${name} database already exists!`, 'Warning');
}
