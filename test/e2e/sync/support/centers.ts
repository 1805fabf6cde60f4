// Support centers for the peer tests: each one a real server built by src/app.ts on its own
// loopback port with its own database and center code, its staff (help, support, peer login),
// and a sync sender the test drives. Everything is spoken over XML-RPC with the npm client.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import xmlrpc from 'xmlrpc';
import { DEFAULTS, type Config } from '../../../../config/defaults';
import { buildServer, type AppServer } from '../../../../src/app';
import { createLogger } from '../../../../src/logger';
import { startSyncWorker, type SyncWorker } from '../../../../src/sync/worker';
import { SYNC_DEFAULTS, type SyncConfig } from '../../../../src/sync/sync-config';
import { type Backend, PG_URL, uniqueName } from '../../../support/backends';
import { waitFor as waitUntil } from '../../../support/wait-for';

export const STAFF = {
  ayuda: 'helpdesk_master.group_help_center',
  soporte: 'helpdesk_master.group_support_center',
  peer: 'helpdesk_master.group_peer',
} as const;
export type Staff = keyof typeof STAFF | 'admin';

export interface Rpc {
  (model: string, method: string, args: unknown[], kwargs?: Record<string, unknown>): Promise<unknown>;
}

export interface Center {
  code: string;
  backend: Backend;
  url: string;
  db: string;
  server: AppServer;
  config: Config;
  logs: string[];
  worker: SyncWorker;
  /** execute_kw as one of the center's users. */
  as(who: Staff): Rpc;
  password(who: Staff): string;
  /** Takes the HTTP port down (connections refused) and back up on the same port. */
  down(): Promise<void>;
  up(): Promise<void>;
  stop(): Promise<void>;
}

export const FAST_SYNC: SyncConfig = {
  ...SYNC_DEFAULTS, batchSize: 25, pollMs: 50, leaseMs: 20_000, timeoutMs: 15_000,
  retryBaseMs: 20, retryMaxMs: 200, blockedBaseMs: 60_000, blockedMaxMs: 60_000,
};

function call(port: number, path: string, method: string, params: unknown[]): Promise<unknown> {
  const c = xmlrpc.createClient({ host: '127.0.0.1', port, path });
  return new Promise((resolve, reject) => {
    c.methodCall(method, params, (err: unknown, value: unknown) => (err ? reject(err) : resolve(value)));
  });
}

export async function startCenter(backend: Backend, code: string, sync: Partial<SyncConfig> = {}): Promise<Center> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ocsc-sync-'));
  const config: Config = {
    ...DEFAULTS, port: 0, host: '127.0.0.1', dataDir, databaseUrl: backend === 'pg' ? PG_URL : null,
    masterPassword: `master-${randomBytes(4).toString('hex')}`, defaultDb: null, passwordRounds: 1000,
    centerCode: code, syncSecretKey: `secret-of-${code}`, sync: { ...FAST_SYNC, ...sync },
  };
  const logs: string[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => logs.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  const logger = createLogger({ stream, level: 'info' });
  const server = await buildServer({ config, logger, pgTag: uniqueName('sync') });
  const db = uniqueName(`c${code.toLowerCase()}`);
  const passwords: Record<Staff, string> = {
    admin: `admin-${randomBytes(4).toString('hex')}`, ayuda: 'ayuda-pw', soporte: 'soporte-pw', peer: `peer-${randomBytes(4).toString('hex')}`,
  };
  await server.dbm.create(db, { adminPassword: passwords.admin, lang: 'en_US', demo: false });
  let http: Server | null = null;
  let port = 0;
  const listen = async () => {
    http = await new Promise<Server>((resolve) => { const s = server.app.listen(port, '127.0.0.1', () => resolve(s)); });
    port = (http.address() as AddressInfo).port;
  };
  await listen();
  const uids: Partial<Record<Staff, number>> = { admin: 1 };
  const as = (who: Staff): Rpc => async (model, method, args, kwargs = {}) => {
    uids[who] ??= (await call(port, '/xmlrpc/2/common', 'login', [db, who, passwords[who]])) as number;
    return call(port, '/xmlrpc/2/object', 'execute_kw', [db, uids[who], passwords[who], model, method, args, kwargs]);
  };
  uids.admin = (await call(port, '/xmlrpc/2/common', 'login', [db, 'admin', passwords.admin])) as number;
  for (const who of Object.keys(STAFF) as (keyof typeof STAFF)[]) {
    const group = await as('admin')('ir.model.data', 'xmlid_to_res_id', [STAFF[who]]);
    await as('admin')('res.users', 'create', [{ name: `${who} ${code}`, login: who, password: passwords[who], groups_id: [[6, 0, [group]]] }]);
  }
  const worker = startSyncWorker({ dbm: server.dbm, config, logger, loop: false, worker: `test-${code}` });
  const down = async () => {
    const s = http;
    http = null;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  return {
    code, backend, db, server, config, logs, worker,
    get url() { return `http://127.0.0.1:${port}`; },
    as,
    password: (who) => passwords[who],
    down,
    up: listen,
    async stop() {
      await worker.stop();
      await down();
      for (const name of await server.dbm.list()) await server.dbm.drop(name);
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Makes `from` know `to`: a server configuration on `from` with `to`'s peer login. Returns its id. */
export async function link(from: Center, to: Center, url = to.url): Promise<number> {
  // `to` logs in here as our peer user: messages signed with its code must come from that user.
  const [peerUser] = (await from.as('admin')('res.users', 'search', [[['login', '=', 'peer']]])) as number[];
  return (await from.as('admin')('helpdesk.server', 'create', [{
    company_id: 1, code: to.code, url, database: to.db, login: 'peer', password: to.password('peer'), peer_user_id: peerUser,
  }])) as number;
}

/** Drains every center until a whole round delivers nothing (each center's queue is then empty or waiting). */
export async function settle(centers: Center[], rounds = 200): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    let delivered = 0;
    for (const c of centers) delivered += (await c.worker.drainOnce()).delivered;
    if (delivered === 0 && (await Promise.all(centers.map(pending))).every((n) => n === 0)) return;
    if (delivered === 0) await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the centers did not settle');
}

/** Messages waiting in a center's queue. */
export async function pending(c: Center): Promise<number> {
  const db = await c.server.dbm.get(c.db);
  const [{ n }] = await db.knex('sync_outbox').where({ state: 'pending' }).count({ n: '*' });
  return Number(n);
}

/** Polls until `cond` holds, for a minute at most (two servers at work); fails if it never does. */
export function waitFor(cond: () => Promise<boolean> | boolean, what: string, limitMs = 60_000): Promise<void> {
  return waitUntil(cond, what, limitMs);
}
