// The database's clock in milliseconds, as SQL. Every sender process (possibly on several hosts
// sharing one PostgreSQL) compares leases and retry times against the same clock.
import type { Knex } from 'knex';

export type Backend = 'sqlite' | 'pg';

/** An SQL expression giving the current time in epoch milliseconds on `backend`. */
export function nowMsSql(backend: Backend): string {
  return backend === 'pg'
    ? '(extract(epoch from clock_timestamp()) * 1000)::bigint'
    : "CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER)";
}

/** `now + ms` as a raw expression usable in knex updates. */
export function nowPlusMs(knex: Knex, backend: Backend, ms: number): Knex.Raw {
  return knex.raw(`${nowMsSql(backend)} + ?`, [Math.max(0, Math.round(ms))]);
}

/** `YYYY-MM-DD HH:MM:SS` in UTC: how datetime columns are stored. */
export function utcStamp(d = new Date()): string {
  return d.toISOString().slice(0, 19).replace('T', ' ');
}
