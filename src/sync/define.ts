// What models use from sync (the only file of src/sync they import): queue a message in the
// caller's transaction, receive a peer's messages idempotently, seal peer passwords, read and
// reset a peer's delivery state, test a configuration. It names no model: callers say which.
import type { Env } from '../orm/env-types';
import { newStruct, type RpcStruct } from '../values';
import { enqueue, tableOf, type OutboundMessage } from './outbox';
import { receiveMessages, type InboundHandler } from './inbound';
import { isSealed, seal } from './secret';
import { syncSettingsOf } from './settings';
import { wakePeers } from './peers';
import { retryFailed } from './outbox-marks';
import { loadPeerAccess } from './peer-access';
import { reportToWire, testConnection } from './connection-test';

export type { OutboundMessage, InboundHandler };
export type { Envelope } from './envelope';

/** Queues a message to a peer in env's transaction; returns its idempotency key. */
export const queueSync = enqueue;
/** Applies a peer's list of envelopes; returns one result struct per envelope. */
export const receiveSync = receiveMessages;

export function localCenterCode(env: Env): string {
  return syncSettingsOf(env.registry).centerCode;
}

/** The stored form of a peer password (encrypted with the configured key); sealed values stay. */
export function sealPeerPassword(env: Env, plain: string): string {
  return isSealed(plain) ? plain : seal(plain, syncSettingsOf(env.registry).key);
}

const SOURCE = 'sync_source';

/** An env whose writes to `model`/`id` are known to come from `peer` (so they are not echoed back). */
export function fromPeer(env: Env, peer: number, model: string, id: number): Env {
  return env.withContext({ [SOURCE]: { peer, model, id } });
}

/** The peer a change of this record came from, or null for a change made here. */
export function peerSourceOf(env: Env, model: string, id: number): number | null {
  const s = env.context[SOURCE] as { peer?: unknown; model?: unknown; id?: unknown } | undefined;
  return s && s.model === model && s.id === id && typeof s.peer === 'number' ? s.peer : null;
}

export interface PeerSyncState {
  status: string;
  last_success: string | false;
  last_error: string | false;
  pending_count: number;
  failed_count: number;
}

/** What a person reads about each peer: delivery status, last success and error, queue size. */
export async function peerSyncStates(env: Env, peerModel: string, ids: number[]): Promise<Map<number, PeerSyncState>> {
  const table = tableOf(env, peerModel);
  const out = new Map<number, PeerSyncState>();
  for (const id of ids) out.set(id, { status: 'ok', last_success: false, last_error: false, pending_count: 0, failed_count: 0 });
  if (!ids.length) return out;
  const peers = await env.cr('sync_peer').where('peer_table', table).whereIn('peer_id', ids)
    .select('peer_id', 'status', 'last_success', 'last_error');
  for (const p of peers) {
    const s = out.get(Number(p.peer_id));
    if (!s) continue;
    s.status = String(p.status);
    s.last_success = p.last_success ? stamp(p.last_success) : false;
    s.last_error = p.last_error ? String(p.last_error) : false;
  }
  const counts = await env.cr('sync_outbox').where('peer_table', table).whereIn('peer_id', ids)
    .whereIn('state', ['pending', 'failed']).groupBy('peer_id', 'state')
    .select('peer_id', 'state', env.cr.raw('count(*) as n'));
  for (const c of counts) {
    const s = out.get(Number(c.peer_id));
    if (s && c.state === 'pending') s.pending_count = Number(c.n);
    if (s && c.state === 'failed') s.failed_count = Number(c.n);
  }
  return out;
}

function stamp(v: unknown): string {
  return v instanceof Date ? v.toISOString().slice(0, 19).replace('T', ' ') : String(v).slice(0, 19);
}

/** Ends the peers' backoff (their configuration changed): the sender tries again at once. */
export async function wakePeerSync(env: Env, peerModel: string, ids: number[]): Promise<void> {
  await wakePeers(env.cr, tableOf(env, peerModel), ids);
}

/** Puts the peers' failed messages back in the queue; returns how many. */
export async function retryPeerSync(env: Env, peerModel: string, ids: number[]): Promise<number> {
  const table = tableOf(env, peerModel);
  let n = 0;
  for (const id of ids) n += await retryFailed({ knex: env.cr }, { peer_table: table, peer_id: id });
  await wakePeers(env.cr, table, ids);
  return n;
}

/**
 * Tests the configuration `id` of `peerModel`: reachable, database, login, rights (by calling
 * `probe` on the peer), and that the peer's code is `expectedCode`. Returns a report struct.
 */
export async function testPeer(
  env: Env, peerModel: string, id: number, probe: { model: string; method: string; expectedCode: string },
): Promise<RpcStruct> {
  const settings = syncSettingsOf(env.registry);
  const lookup = await loadPeerAccess(env.cr, tableOf(env, peerModel), id, settings.key);
  if (lookup.kind !== 'ok') {
    const message = lookup.kind === 'undecryptable'
      ? 'The stored password cannot be decrypted with the configured key: enter it again'
      : lookup.kind === 'inactive' ? 'This configuration is inactive' : 'This configuration does not exist';
    return Object.assign(newStruct(), { ok: false, reason: lookup.kind === 'undecryptable' ? 'login' : 'refused', message, remote_code: false });
  }
  // A quick check: a person is waiting for the answer.
  const opts = { timeoutMs: Math.min(settings.config.timeoutMs, 15_000), maxResponseBytes: 1024 * 1024 };
  return reportToWire(await testConnection(lookup.access, probe, opts));
}
