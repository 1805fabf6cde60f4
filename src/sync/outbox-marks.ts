// Reading a peer's queue and recording what became of each message: delivered (with the peer's
// answer written where the message asked), refused (retried later, then failed), or abandoned.
import type { RpcValue } from '../values';
import { isStruct } from '../values';
import { nowMsSql, nowPlusMs, utcStamp } from '../db/clock';
import { retryDelayMs } from '../jobs/backoff';
import type { OutboxRow } from './outbox';
import type { PeerKey, SyncDb } from './peers';
import type { SyncConfig } from './sync-config';

/**
 * The peer's pending messages in queue order. `due` is false for a message still in its backoff
 * and for one whose stream has an earlier failed message: both hold back the rest of the stream.
 */
export async function pendingPage(db: SyncDb, peer: PeerKey, limit: number): Promise<(OutboxRow & { due: boolean })[]> {
  const now = nowMsSql(db.backend);
  const rows: (OutboxRow & { due: unknown })[] = await db.knex('sync_outbox as o')
    .select('o.*', db.knex.raw(`CASE WHEN o.next_attempt_ms <= ${now} AND NOT EXISTS (
        SELECT 1 FROM sync_outbox f WHERE f.peer_table = o.peer_table AND f.peer_id = o.peer_id
          AND f.stream = o.stream AND f.state = 'failed' AND f.id < o.id) THEN 1 ELSE 0 END AS due`))
    .where({ 'o.peer_table': peer.peer_table, 'o.peer_id': peer.peer_id, 'o.state': 'pending' })
    .orderBy('o.id')
    .limit(limit);
  return rows.map((r) => ({ ...r, due: Number(r.due) === 1 }));
}

/** Delivered: done, and the answer's `ref` written where the message asked for it. */
export async function markDelivered(db: SyncDb, row: OutboxRow, result: RpcValue): Promise<void> {
  const n = await db.knex('sync_outbox').where({ id: row.id, state: 'pending' }).update({
    state: 'done', done_date: utcStamp(), attempts: db.knex.raw('attempts + 1'), last_error: null,
  });
  // Another sender (after a lease ran out) may have recorded it first; the answer is the same.
  if (Number(n) !== 1) return;
  const ref = isStruct(result) ? result.ref : undefined;
  if (row.reply_table && row.reply_field && row.reply_id !== null && (typeof ref === 'number' || typeof ref === 'string')) {
    await db.knex(row.reply_table).where({ id: row.reply_id }).update({ [row.reply_field]: String(ref) });
  }
}

/** Refused by the peer: tried again after a growing delay, failed after `maxAttempts`. */
export async function markRefused(db: SyncDb, row: OutboxRow, reason: string, config: SyncConfig): Promise<void> {
  const attempts = row.attempts + 1;
  const giveUp = attempts >= config.maxAttempts;
  const delayMs = retryDelayMs(attempts, { baseMs: config.retryBaseMs, maxMs: config.retryMaxMs });
  await db.knex('sync_outbox').where({ id: row.id, state: 'pending' }).update({
    state: giveUp ? 'failed' : 'pending',
    attempts,
    last_error: reason.slice(0, 4000),
    next_attempt_ms: nowPlusMs(db.knex, db.backend, delayMs),
  });
}

/** The peer's configuration is gone: nothing queued for it can ever be delivered. */
export async function failAllPending(db: SyncDb, peer: PeerKey, reason: string): Promise<void> {
  await db.knex('sync_outbox').where({ ...peer, state: 'pending' }).update({ state: 'failed', last_error: reason });
}

/** Puts a peer's failed messages back in the queue (a person fixed what the peer refused). */
export async function retryFailed(db: Pick<SyncDb, 'knex'>, peer: PeerKey): Promise<number> {
  const n = await db.knex('sync_outbox').where({ ...peer, state: 'failed' })
    .update({ state: 'pending', next_attempt_ms: 0, attempts: 0 });
  return Number(n);
}

/** Forgets delivered messages and applied keys older than `days` (both only grow otherwise). */
export async function purgeOld(db: Pick<SyncDb, 'knex'>, days: number, now = new Date()): Promise<number> {
  const cutoff = utcStamp(new Date(now.getTime() - days * 86_400_000));
  const done = await db.knex('sync_outbox').where('state', 'done').andWhere('done_date', '<', cutoff).delete();
  const keys = await db.knex('sync_applied').where('create_date', '<', cutoff).delete();
  return Number(done) + Number(keys);
}
