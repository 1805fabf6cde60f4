// The database's clock in epoch milliseconds, as SQL, and the UTC stamps datetime columns hold.
// Worker processes (possibly on several hosts sharing one PostgreSQL) compare leases and retry
// times against this one clock rather than their own.
import type { Knex } from 'knex';
import type { BackendKind } from './types';

/** An SQL expression giving the current time in epoch milliseconds on `backend`. */
export function nowMsSql(backend: BackendKind): string {
  return backend === 'pg'
    ? '(extract(epoch from clock_timestamp()) * 1000)::bigint'
    : "CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER)";
}

/** `now + ms` (never in the past) as a raw expression usable in knex updates. */
export function nowPlusMs(knex: Knex, backend: BackendKind, ms: number): Knex.Raw {
  return knex.raw(`${nowMsSql(backend)} + ?`, [Math.max(0, Math.round(ms))]);
}

/** `YYYY-MM-DD HH:MM:SS` in UTC: how datetime columns are stored. */
export function utcStamp(d = new Date()): string {
  return d.toISOString().slice(0, 19).replace('T', ' ');
}
