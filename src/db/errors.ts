// Tells what kind of database error happened, on either backend, from the driver's codes and
// fields. The ORM turns the result into readable text; the SQL in the message never leaves here.

export type DbErrorKind = 'not_null' | 'foreign_key' | 'unique' | 'check' | 'retryable' | 'other';

export interface DbErrorInfo {
  kind: DbErrorKind;
  table?: string;
  /** For a unique violation on several columns, the first one (all are in `columns`). */
  column?: string;
  columns?: string[];
  constraint?: string;
}

interface DriverError {
  code?: unknown;
  message?: unknown;
  table?: unknown;
  column?: unknown;
  constraint?: unknown;
  detail?: unknown;
  cause?: unknown;
}

const PG_KINDS: Record<string, DbErrorKind> = {
  23502: 'not_null',
  23503: 'foreign_key',
  23505: 'unique',
  23514: 'check',
  40001: 'retryable', // serialization_failure
  '40P01': 'retryable', // deadlock_detected
  '55P03': 'retryable', // lock_not_available
};

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function withoutUndefined(info: DbErrorInfo): DbErrorInfo {
  return Object.fromEntries(Object.entries(info).filter(([, v]) => v !== undefined)) as unknown as DbErrorInfo;
}

function classifyPg(e: DriverError, kind: DbErrorKind): DbErrorInfo {
  const info: DbErrorInfo = { kind, table: str(e.table), column: str(e.column), constraint: str(e.constraint) };
  const detail = str(e.detail) ?? '';
  // "Key (a, b)=(1, 2) already exists." / "Key (partner_id)=(5) is not present in table ...".
  // A delete still referenced names the referenced key instead: no column is reported then.
  const key = /^Key \(([^)]*)\)=/.exec(detail);
  if (key && (kind === 'unique' || (kind === 'foreign_key' && /is not present/.test(detail)))) {
    const columns = key[1].split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
    info.column = columns[0];
    if (kind === 'unique') info.columns = columns;
  }
  return withoutUndefined(info);
}

function classifySqlite(e: DriverError, code: string): DbErrorInfo {
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return { kind: 'retryable' };
  const message = str(e.message) ?? '';
  const tail = (label: string): string | undefined => {
    const at = message.lastIndexOf(`${label} constraint failed`);
    return at < 0 ? undefined : message.slice(at + label.length + ' constraint failed'.length).replace(/^: /, '');
  };
  const columnsOf = (text: string | undefined): { table?: string; columns: string[] } => {
    const parts = (text ?? '').split(',').map((p) => p.trim()).filter((p) => /^[\w$]+\.[\w$]+$/.test(p));
    return { table: parts[0]?.split('.')[0], columns: parts.map((p) => p.split('.')[1]) };
  };
  switch (code) {
    case 'SQLITE_CONSTRAINT_NOTNULL': {
      const { table, columns } = columnsOf(tail('NOT NULL'));
      return withoutUndefined({ kind: 'not_null', table, column: columns[0] });
    }
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY': {
      const { table, columns } = columnsOf(tail('UNIQUE'));
      return withoutUndefined({ kind: 'unique', table, column: columns[0], columns: columns.length ? columns : undefined });
    }
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return { kind: 'foreign_key' };
    case 'SQLITE_CONSTRAINT_CHECK': {
      const name = tail('CHECK');
      return withoutUndefined({ kind: 'check', constraint: name && /^[\w$]+$/.test(name) ? name : undefined });
    }
    default:
      return { kind: 'other' };
  }
}

export function classifyDbError(err: unknown, depth = 0): DbErrorInfo {
  if (typeof err !== 'object' || err === null || depth > 5) return { kind: 'other' };
  const e = err as DriverError;
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (code && PG_KINDS[code]) return classifyPg(e, PG_KINDS[code]);
  if (code && code.startsWith('SQLITE_')) return classifySqlite(e, code);
  // Errors re-thrown by a wrapper keep the driver's error as their cause.
  if (e.cause !== undefined) return classifyDbError(e.cause, depth + 1);
  return { kind: 'other' };
}

/**
 * PostgreSQL's connection exceptions (class 08), shutdown and start-up (57P01-57P03) and too many
 * connections; the network errors of a server that is gone; SQLite's locked or failing file.
 */
const UNAVAILABLE_PG = /^(08...|57P0[123]|53300)$/;
const UNAVAILABLE_NET = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const UNAVAILABLE_SQLITE = /^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|FULL)/;
/**
 * What pg and knex say when a connection dies or none can be had; they carry no code, and knex
 * puts the SQL in front of the driver's words.
 */
const UNAVAILABLE_TEXT = /(Connection terminated|Client has encountered a connection error|^Knex: Timeout acquiring a connection)/;

/** True when the database could not be reached (as opposed to a query it refused). */
export function isUnavailableDbError(err: unknown, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || depth > 5) return false;
  const e = err as DriverError & { errors?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (UNAVAILABLE_PG.test(code) || UNAVAILABLE_NET.has(code) || UNAVAILABLE_SQLITE.test(code)) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_TEXT.test(e.message)) return true;
  // Node reports a refused connection to a name with several addresses as an AggregateError.
  if (Array.isArray(e.errors) && e.errors.some((x) => isUnavailableDbError(x, depth + 1))) return true;
  return e.cause !== undefined && isUnavailableDbError(e.cause, depth + 1);
}

export function isRetryableDbError(err: unknown): boolean {
  return classifyDbError(err).kind === 'retryable';
}
