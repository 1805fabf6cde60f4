// Delivering one peer's due messages while holding its lease: batches in queue order, a stream
// never overtaking itself (a message waiting on its backoff holds back the rest of its stream),
// outcomes written back in one local transaction per call.
import type { Logger } from '../db/types';
import type { SyncConfig } from './sync-config';
import { retryDelayMs } from '../jobs/backoff';
import { whileRenewing } from '../jobs/lease';
import { parseResults, toWire, type EnvelopeResult } from './envelope';
import { normalizeRow, type OutboxRow } from './outbox';
import { loadPeerAccess, accessFingerprint } from './peer-access';
import { BLOCKING_FAILURES, PeerSession, type PeerFailureKind } from './peer-session';
import { releasePeer, renewPeer, peerFailures, type PeerKey, type PeerOutcome, type SyncDb } from './peers';
import { markDelivered, markRefused, failAllPending, pendingPage } from './outbox-marks';

export type SyncLogger = Logger;

export interface DeliverContext {
  worker: string;
  centerCode: string;
  key: Buffer;
  config: SyncConfig;
  logger: SyncLogger;
  /** Sessions by credentials, kept between rounds so a peer is logged in to once. */
  sessions: Map<string, PeerSession>;
  stopped(): boolean;
}

export interface PeerReport {
  delivered: number;
  refused: number;
  failure: PeerFailureKind | 'inactive' | 'missing' | null;
}

type Batch = OutboxRow[];

/** Delivers what is due for `peer`; the caller has claimed its lease. Always releases it. */
export async function deliverToPeer(db: SyncDb, peer: PeerKey, ctx: DeliverContext): Promise<PeerReport> {
  const report: PeerReport = { delivered: 0, refused: 0, failure: null };
  const outcome: PeerOutcome = { delivered: false, failure: null };
  const meta = { db: db.name, name: 'sync.sender', peer: `${peer.peer_table},${peer.peer_id}` };
  try {
    const lookup = await loadPeerAccess(db.knex, peer.peer_table, peer.peer_id, ctx.key);
    if (lookup.kind === 'missing') {
      await failAllPending(db, peer, 'the server configuration of this peer was deleted');
      report.failure = 'missing';
      outcome.failure = { status: 'missing', message: 'the server configuration was deleted', retryInMs: ctx.config.blockedMaxMs };
      return report;
    }
    if (lookup.kind === 'inactive') {
      report.failure = 'inactive';
      outcome.failure = { status: 'inactive', message: 'the server configuration is inactive', retryInMs: ctx.config.blockedMaxMs };
      return report;
    }
    if (lookup.kind === 'undecryptable') {
      report.failure = 'login';
      outcome.failure = {
        status: 'login', retryInMs: ctx.config.blockedMaxMs,
        message: 'the stored password cannot be decrypted with the configured key: enter it again',
      };
      return report;
    }
    const fp = accessFingerprint(lookup.access);
    let session = ctx.sessions.get(fp);
    if (!session) {
      session = new PeerSession(lookup.access, { timeoutMs: ctx.config.timeoutMs, maxResponseBytes: ctx.config.maxResponseBytes });
      ctx.sessions.set(fp, session);
    }
    // The peer's lease is renewed while this round runs, so a slow peer never costs it.
    return await whileRenewing(ctx.config.leaseMs, () => renewPeer(db, peer, ctx.worker, ctx.config.leaseMs),
      () => sendDue(db, peer, ctx, session, fp, report, outcome, meta),
      (err: unknown) => ctx.logger.warn(`Could not renew the lease on a peer: ${String((err as Error)?.message ?? err)}`, meta));
  } finally {
    await releasePeer(db, peer, ctx.worker, outcome);
  }
}

/** The batches of one round to `peer`, in queue order, until nothing is due or the peer fails. */
async function sendDue(
  db: SyncDb, peer: PeerKey, ctx: DeliverContext, session: PeerSession, fp: string,
  report: PeerReport, outcome: PeerOutcome, meta: Record<string, unknown>,
): Promise<PeerReport> {
  let single = false;
  while (!ctx.stopped()) {
    const batch = nextBatch(await pendingPage(db, peer, ctx.config.batchSize * 4), single ? 1 : ctx.config.batchSize, ctx.config.batchBytes);
    if (!batch.length) break;
    if (!(await renewPeer(db, peer, ctx.worker, ctx.config.leaseMs))) {
      ctx.logger.warn('Lost the lease on a peer mid-round; another sender takes over', meta);
      return report;
    }
    const envelopes = batch.map((r) => toWire({
      key: r.msg_key, from: ctx.centerCode, stream: r.stream, kind: r.kind, data: JSON.parse(r.payload),
    }));
    const res = await session.execute(batch[0].model, batch[0].method, [envelopes]);
    if (!res.ok) {
      if (res.kind === 'refused' && batch.length > 1) {
        // The whole call was refused: send one at a time to find the message at fault.
        single = true;
        continue;
      }
      if (res.kind === 'refused') {
        await markRefused(db, batch[0], res.message, ctx.config);
        report.refused++;
        outcome.refusal = res.message;
        continue;
      }
      const failures = (await peerFailures(db, peer)) + 1;
      const blocking = BLOCKING_FAILURES.has(res.kind);
      const retryInMs = blocking
        ? retryDelayMs(failures, { baseMs: ctx.config.blockedBaseMs, maxMs: ctx.config.blockedMaxMs })
        : retryDelayMs(failures, { baseMs: ctx.config.retryBaseMs, maxMs: ctx.config.retryMaxMs });
      if (blocking) ctx.sessions.delete(fp);
      report.failure = res.kind;
      outcome.failure = { status: res.kind, message: res.message, retryInMs };
      ctx.logger.warn(`Peer ${res.kind}: ${res.message}; next try in ${Math.round(retryInMs / 1000)} s`, meta);
      return report;
    }
    const results = parseResults(res.value);
    const progress = await applyResults(db, batch, results, ctx.config);
    report.delivered += progress.delivered;
    report.refused += progress.refused.length;
    if (progress.delivered) outcome.delivered = true;
    if (progress.refused.length) outcome.refusal = progress.refused[progress.refused.length - 1];
    if (!progress.delivered && !progress.refused.length) break;
  }
  return report;
}

/**
 * The longest prefix-respecting batch: rows in id order, skipping every stream that has an
 * earlier row not in the batch (not due yet, or bound for another method), up to the limits.
 */
export function nextBatch(rows: (OutboxRow & { due: boolean })[], maxCount: number, maxBytes: number): Batch {
  const held = new Set<string>();
  const batch: Batch = [];
  let bytes = 0;
  for (const row of rows) {
    if (held.has(row.stream)) continue;
    const sameCall = !batch.length || (row.model === batch[0].model && row.method === batch[0].method);
    if (!row.due || !sameCall) {
      held.add(row.stream);
      continue;
    }
    if (batch.length >= maxCount || (batch.length && bytes + row.payload.length > maxBytes)) break;
    batch.push(normalizeRow(row));
    bytes += row.payload.length;
  }
  return batch;
}

async function applyResults(
  db: SyncDb, batch: Batch, results: Map<string, EnvelopeResult>, config: SyncConfig,
): Promise<{ delivered: number; refused: string[] }> {
  let delivered = 0;
  const refused: string[] = [];
  await db.knex.transaction(async (trx) => {
    const tx = { ...db, knex: trx };
    for (const row of batch) {
      const r = results.get(row.msg_key);
      if (!r || r.status === 'skipped') continue;
      if (r.status === 'refused') {
        const why = r.error || 'refused by the peer';
        await markRefused(tx, row, why, config);
        refused.push(why);
        continue;
      }
      await markDelivered(tx, row, r.result);
      delivered++;
    }
  });
  return { delivered, refused };
}
