// Each peer's row in sync_peer: the lease that lets one sender at a time deliver to it (so each
// stream stays in order across processes), its backoff, and what a person reads about it (last
// success, last error, status). A lease of a dead process runs out and the peer is taken over.
import type { Knex } from 'knex';
import { nowMsSql, nowPlusMs, utcStamp } from '../db/clock';
import { leaseFreeSql, leaseTo, NO_LEASE } from '../jobs/lease';
import type { BackendKind } from '../db/types';

export interface SyncDb {
  name: string;
  knex: Knex;
  backend: BackendKind;
}

export interface PeerKey {
  peer_table: string;
  peer_id: number;
}

export type PeerStatus = 'ok' | 'unreachable' | 'database' | 'login' | 'rights' | 'refused' | 'inactive' | 'missing';

/** Peers with a message due now, whose backoff is over and whose lease is free. */
export async function duePeers(db: SyncDb): Promise<PeerKey[]> {
  const now = nowMsSql(db.backend);
  const rows: PeerKey[] = await db.knex('sync_outbox as o')
    .distinct('o.peer_table', 'o.peer_id')
    .where('o.state', 'pending')
    .andWhere('o.next_attempt_ms', '<=', db.knex.raw(now))
    .whereNotExists((q) => q.select(db.knex.raw('1')).from('sync_peer as p')
      .whereRaw('p.peer_table = o.peer_table AND p.peer_id = o.peer_id')
      .andWhere((w) => w.where('p.next_attempt_ms', '>', db.knex.raw(now))
        .orWhereRaw(`NOT ${leaseFreeSql(db.backend, 'p')}`)))
    .orderBy([{ column: 'o.peer_table' }, { column: 'o.peer_id' }]);
  return rows.map((r) => ({ peer_table: r.peer_table, peer_id: Number(r.peer_id) }));
}

/**
 * Takes the peer's lease for `worker`; false when another sender holds it or the peer is in
 * backoff. One conditional UPDATE: on PostgreSQL a concurrent claimer waits for the row lock,
 * then sees the lease taken; SQLite has a single writer.
 */
export async function claimPeer(db: SyncDb, peer: PeerKey, worker: string, leaseMs: number): Promise<boolean> {
  await db.knex('sync_peer').insert({ ...peer, next_attempt_ms: 0 }).onConflict(['peer_table', 'peer_id']).ignore();
  const n = await db.knex('sync_peer').where(peer)
    .andWhere('next_attempt_ms', '<=', db.knex.raw(nowMsSql(db.backend)))
    .andWhereRaw(leaseFreeSql(db.backend))
    .update(leaseTo(db, worker, leaseMs));
  return Number(n) === 1;
}

function mine(db: SyncDb, peer: PeerKey, worker: string): Knex.QueryBuilder {
  return db.knex('sync_peer').where({ ...peer, claimed_by: worker });
}

/** Extends the lease before each call; false when it ran out and someone else may have it. */
export async function renewPeer(db: SyncDb, peer: PeerKey, worker: string, leaseMs: number): Promise<boolean> {
  const n = await mine(db, peer, worker)
    .andWhere('claimed_until_ms', '>=', db.knex.raw(nowMsSql(db.backend)))
    .update(leaseTo(db, worker, leaseMs));
  return Number(n) === 1;
}

export interface PeerOutcome {
  /** Something was delivered in this round. */
  delivered: boolean;
  /** Set when the round ended on a failure; null leaves status and error as they were. */
  failure: { status: PeerStatus; message: string; retryInMs: number } | null;
  /** The peer answered but refused a message (which waits on its own backoff). */
  refusal?: string;
}

/** Gives the lease back, recording how the round went. */
export async function releasePeer(db: SyncDb, peer: PeerKey, worker: string, outcome: PeerOutcome): Promise<void> {
  const now = utcStamp();
  const vals: Record<string, unknown> = { ...NO_LEASE };
  if (outcome.delivered) Object.assign(vals, { last_success: now });
  // When nothing could be sent (every stream waits on a backoff), the peer's state stays as it was.
  const quiet = !outcome.delivered && !outcome.failure && !outcome.refusal;
  if (outcome.failure) {
    Object.assign(vals, {
      status: outcome.failure.status,
      last_error: outcome.failure.message,
      last_error_date: now,
      failures: db.knex.raw('failures + 1'),
      next_attempt_ms: nowPlusMs(db.knex, db.backend, outcome.failure.retryInMs),
    });
  } else if (!quiet) {
    Object.assign(vals, { status: outcome.refusal ? 'refused' : 'ok', failures: 0, next_attempt_ms: 0 });
    if (outcome.refusal) Object.assign(vals, { last_error: outcome.refusal, last_error_date: now });
  }
  await mine(db, peer, worker).update(vals);
}

/** Consecutive failed rounds so far (the backoff grows with them). */
export async function peerFailures(db: SyncDb, peer: PeerKey): Promise<number> {
  const row = await db.knex('sync_peer').where(peer).first('failures');
  return row ? Number(row.failures) : 0;
}

/** Ends a backoff now (the configuration was edited, or a person asked to retry). */
export async function wakePeers(knex: Knex, peerTable: string, ids: number[]): Promise<void> {
  if (!ids.length) return;
  await knex('sync_peer').where('peer_table', peerTable).whereIn('peer_id', ids)
    .update({ next_attempt_ms: 0, failures: 0 });
}
