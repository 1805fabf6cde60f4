// Leases on rows (an outbox row, a peer): a worker writes its name and an end time on the database
// clock into `claimed_by` and `claimed_until_ms`. A lease that runs out (its process died) frees
// the row for another worker, so every later write under a lease checks `claimed_by`.
import type { Knex } from 'knex';
import { nowMsSql, nowPlusMs } from '../db/clock';
import type { BackendKind } from '../db/types';

export interface LeaseDb {
  knex: Knex;
  backend: BackendKind;
}

/** SQL condition: the row's lease is free (never taken, or run out). `alias` qualifies the column. */
export function leaseFreeSql(backend: BackendKind, alias?: string): string {
  const col = alias ? `${alias}.claimed_until_ms` : 'claimed_until_ms';
  return `(${col} IS NULL OR ${col} < ${nowMsSql(backend)})`;
}

/** Column values giving the row to `worker` for `leaseMs` from now (also to renew a lease). */
export function leaseTo(db: LeaseDb, worker: string, leaseMs: number): { claimed_by: string; claimed_until_ms: Knex.Raw } {
  return { claimed_by: worker, claimed_until_ms: nowPlusMs(db.knex, db.backend, leaseMs) };
}

/** Column values ending a lease. */
export const NO_LEASE = { claimed_by: null, claimed_until_ms: null };
