// A scratch database with the schema, for the sender's tests: server configurations written
// straight into their table (sealed passwords), messages queued through the real enqueue, and
// the queue and peer rows read back raw.
import { createScratchDb, type Backend, type ScratchDb } from '../../../support/backends';
import { MIGRATIONS } from '../../../../migrations';
import { createEnv } from '../../../../src/orm/env';
import { helpdeskRegistry } from '../../helpdesk/support';
import { queueSync } from '../../../../src/sync/define';
import { deriveKey, seal } from '../../../../src/sync/secret';
import { newStruct, type RpcStruct } from '../../../../src/values';
import type { SyncConfig } from '../../../../src/sync/sync-config';
import { SYNC_DEFAULTS } from '../../../../src/sync/sync-config';

export const SECRET = 'queue-test-secret';

export interface QueueDb extends ScratchDb {
  addServer(code: string, url: string, over?: Record<string, unknown>): Promise<number>;
  /** Queues `n` messages per stream for server `peer`, in one transaction; returns their keys in order. */
  queue(peer: number, streams: string[], n: number, kind?: string, extra?: (stream: string, i: number) => Record<string, unknown>): Promise<string[]>;
  outbox(): Promise<{ id: number; msg_key: string; stream: string; state: string; attempts: number; last_error: string | null }[]>;
  peer(peerId: number): Promise<Record<string, unknown> | undefined>;
  /** Empties the queue, the peers' state and the server configurations (between tests). */
  reset(): Promise<void>;
}

export async function openQueueDb(backend: Backend): Promise<QueueDb> {
  const db = await createScratchDb(backend);
  for (const m of MIGRATIONS) await m.up(db.knex);
  const registry = helpdeskRegistry();
  const [{ id: partner }] = await db.knex('res_partner').insert({ name: 'Help center', notification_email_send: 'comment' }).returning('id');
  const [{ id: company }] = await db.knex('res_company').insert({ name: 'Help center', partner_id: partner }).returning('id');
  return Object.assign(db, {
    async addServer(code: string, url: string, over: Record<string, unknown> = {}) {
      const [{ id }] = await db.knex('helpdesk_server').insert({
        company_id: company, code, url, database: 'peerdb', login: 'peer',
        password: seal('peer-secret', deriveKey(SECRET)), active: true, ...over,
      }).returning('id');
      return Number(id);
    },
    async queue(peer: number, streams: string[], n: number, kind = 'state', extra = (_s: string, _i: number) => ({})) {
      const keys: string[] = [];
      await db.knex.transaction(async (trx) => {
        const env = createEnv({ cr: trx, uid: 1, su: true, registry, dbName: db.name });
        for (let i = 0; i < n; i++) {
          for (const stream of streams) {
            const data = Object.assign(newStruct(), { seq: i, stream, ...extra(stream, i) }) as RpcStruct;
            keys.push(await queueSync(env, {
              peer: { model: 'helpdesk.server', id: peer }, stream, model: 'helpdesk.request', method: 'sync_receive', kind, data,
            }));
          }
        }
      });
      return keys;
    },
    async outbox() {
      const rows = await db.knex('sync_outbox').select('id', 'msg_key', 'stream', 'state', 'attempts', 'last_error').orderBy('id');
      return rows.map((r) => ({ ...r, id: Number(r.id), attempts: Number(r.attempts) }));
    },
    async reset() {
      for (const table of ['sync_outbox', 'sync_peer', 'sync_applied', 'helpdesk_server']) await db.knex(table).delete();
    },
    async peer(peerId: number) {
      return db.knex('sync_peer').where({ peer_table: 'helpdesk_server', peer_id: peerId }).first();
    },
  });
}

/** Sender settings for tests: quick retries, a long block for refused credentials. */
export function testSyncConfig(over: Partial<SyncConfig> = {}): { centerCode: string; syncSecretKey: string; sync: SyncConfig } {
  return {
    centerCode: 'HC',
    syncSecretKey: SECRET,
    sync: {
      ...SYNC_DEFAULTS, batchSize: 10, pollMs: 20, leaseMs: 10_000, timeoutMs: 5_000,
      retryBaseMs: 10, retryMaxMs: 40, blockedBaseMs: 60_000, blockedMaxMs: 60_000, ...over,
    },
  };
}

export const quietLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export { waitFor } from '../../../support/wait-for';
