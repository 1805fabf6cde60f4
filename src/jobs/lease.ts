// Leases on rows (an outbox row, a peer): a worker writes its name and an end time on the database
// clock into `claimed_by` and `claimed_until_ms`. A lease that runs out (its process died) frees
// the row for another worker, so every later write under a lease checks `claimed_by`. A live
// worker renews its leases while it works, so leases can be short: a dead one's rows come free soon.
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

/**
 * Runs `work` while renewing its lease every third of `leaseMs` with `renew`, so work that takes
 * longer than the lease (a slow SMTP server, a slow peer) keeps it. A renewal that fails is
 * reported and tried again at the next beat; the lease may then run out, which the writes under
 * it detect.
 */
export async function whileRenewing<T>(
  leaseMs: number, renew: () => Promise<unknown>, work: () => Promise<T>, onError: (err: unknown) => void,
): Promise<T> {
  let renewing = false;
  const beat = setInterval(() => {
    if (renewing) return;
    renewing = true;
    renew().catch(onError).finally(() => { renewing = false; });
  }, Math.max(50, Math.floor(leaseMs / 3)));
  try {
    return await work();
  } finally {
    clearInterval(beat);
  }
}
