// Time as the database sees it, in epoch milliseconds, so that sender processes on several hosts
// sharing one PostgreSQL compare leases and retry times against one clock. Also the backoff.
import type { Knex } from 'knex';

export type Backend = 'sqlite' | 'pg';

export function nowMsSql(backend: Backend): string {
  return backend === 'pg'
    ? '(extract(epoch from clock_timestamp()) * 1000)::bigint'
    : "CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER)";
}

export function nowPlusMs(knex: Knex, backend: Backend, ms: number): Knex.Raw {
  return knex.raw(`${nowMsSql(backend)} + ?`, [Math.max(0, Math.round(ms))]);
}

/** `YYYY-MM-DD HH:MM:SS` in UTC: how datetime columns are stored. */
export function utcStamp(d = new Date()): string {
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * The n-th retry waits about base * 2^(n-1), capped, spread over [half, full] of that so that
 * many senders (or many messages) do not retry in step.
 */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 40)));
  return Math.round(exp / 2 + (random() * exp) / 2);
}
