// A help center served by two worker processes (workers = 2), each running its own sync sender,
// sends its requests to a support center through a proxy that counts the message keys it passes
// on: every message reaches the support center once, and the support center has everything once.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import xmlrpc from 'xmlrpc';
import { BACKENDS, PG_URL, uniqueName } from '../../support/backends';
import { killChildServers, removeChildData, startChildServer, type ChildServer } from '../support/child-server';
import { link, startCenter, STAFF, waitFor, type Center } from './support/centers';
import { DroppingProxy } from './support/proxy';
import { inParallel, received, REQ, trackedByRequest } from './support/scenario';

jest.setTimeout(300_000);
afterAll(() => killChildServers());

const N = 12;

function call(port: number, path: string, method: string, params: unknown[]): Promise<unknown> {
  const c = xmlrpc.createClient({ host: '127.0.0.1', port, path, agent: false } as Parameters<typeof xmlrpc.createClient>[0]);
  return new Promise((resolve, reject) => {
    c.methodCall(method, params, (err: unknown, value: unknown) => (err ? reject(err) : resolve(value)));
  });
}

describe.each(BACKENDS)('a help center with two workers on %s', (backend) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ocsc-sync-workers-'));
  const db = uniqueName('hcw');
  const admin = `admin-${randomBytes(4).toString('hex')}`;
  const passwords = { ayuda: 'ayuda-pw', peer: `peer-${randomBytes(4).toString('hex')}` };
  const keys = new Map<string, number>();
  let sc: Center;
  let proxy: DroppingProxy;
  let hc: ChildServer;

  beforeAll(async () => {
    sc = await startCenter(backend, 'SC');
    proxy = await new DroppingProxy(Number(new URL(sc.url).port), {
      onBody: (body) => {
        for (const m of body.matchAll(/<name>key<\/name>\s*<value>(?:<string>)?([A-Za-z0-9-]{8,64})/g)) keys.set(m[1], (keys.get(m[1]) ?? 0) + 1);
      },
    }).start();
    hc = await startChildServer({
      PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEFAULT_DB: db, ADMIN_PASSWORD: admin, MASTER_PASSWORD: 'master-hc',
      PASSWORD_ROUNDS: '1000', MAIL_TRANSPORT: 'off', WORKERS: '2', CENTER_CODE: 'HC', SYNC_SECRET_KEY: 'secret-of-HC',
      ...(backend === 'pg' ? { DATABASE_URL: PG_URL, DATABASE_TAG: uniqueName('hcw') } : {}),
    });
    await waitFor(() => (hc.output().match(/Worker \(\d+\) alive/g) ?? []).length >= 2, 'two workers alive');
  });

  afterAll(async () => {
    if (hc && hc.child.exitCode === null) {
      hc.child.kill('SIGTERM');
      await hc.exited;
    }
    await proxy?.stop();
    await sc?.stop();
    await removeChildData(backend, [db], dataDir);
  });

  it('delivers each message once', async () => {
    const exec = (uid: number, password: string, model: string, method: string, args: unknown[]) =>
      call(hc.port, '/xmlrpc/2/object', 'execute_kw', [db, uid, password, model, method, args, {}]);
    const adminUid = await call(hc.port, '/xmlrpc/2/common', 'login', [db, 'admin', admin]) as number;
    const uids: Record<string, number> = {};
    for (const who of ['ayuda', 'peer'] as const) {
      const group = await exec(adminUid, admin, 'ir.model.data', 'xmlid_to_res_id', [STAFF[who]]);
      uids[who] = await exec(adminUid, admin, 'res.users', 'create', [{ name: `${who} HC`, login: who, password: passwords[who], groups_id: [[6, 0, [group]]] }]) as number;
    }
    const server = await exec(adminUid, admin, 'helpdesk.server', 'create', [{
      company_id: 1, code: 'SC', url: proxy.url, database: sc.db, login: 'peer', password: sc.password('peer'), peer_user_id: uids.peer,
    }]) as number;
    await link(sc, { code: 'HC', url: `http://127.0.0.1:${hc.port}`, db, password: () => passwords.peer } as unknown as Center);

    // Requests made a few at a time land on both workers, and each worker's sender wakes up.
    await inParallel([...Array(N).keys()], 6, async (i) => {
      const id = await exec(uids.ayuda, passwords.ayuda, REQ, 'create', [{ subject: `Caída ${i}`, category: 'technical', support_server_id: server }]) as number;
      await exec(uids.ayuda, passwords.ayuda, REQ, 'signal_workflow', [[id], 'notify']);
      if (i % 3 === 0) await exec(uids.ayuda, passwords.ayuda, REQ, 'signal_workflow', [[id], 'cancel']);
    });
    // A worker writes a call's log line after its answer: wait for the last lines.
    const served = () => new Set([...hc.output().matchAll(/^\S+ \S+ (\d+) INFO \S+ rpc: \S+ object\.execute_kw ok /gm)].map((m) => m[1]));
    await waitFor(() => served().size === 2, 'calls answered by both workers', 5_000);

    const queued = N + N / 3;
    await waitFor(async () => {
      const got = await received(sc);
      return got.size === N && [...got.values()].filter((r) => r.state === 'cancelled').length === N / 3 && keys.size === queued;
    }, 'every request at the support center, in its final state');
    expect(keys.size).toBe(queued);
    expect([...keys.values()].every((n) => n === 1)).toBe(true);
    const tracked = await trackedByRequest(sc);
    for (const lines of tracked.values()) expect(new Set(lines).size).toBe(lines.length);
  });
});
