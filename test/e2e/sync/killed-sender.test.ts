// The help center's sync sender runs in its own process and is killed while a call is in flight
// (the support center applied it, the answer never comes back). A new process takes over once the
// dead one's lease runs out: nothing is lost and the support center has nothing twice.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { BACKENDS } from '../../support/backends';
import { connectionOf, killHard, spawnScript } from '../../support/child-process';
import { FAST_SYNC, link, pending, startCenter, waitFor, type Center } from './support/centers';
import { DroppingProxy } from './support/proxy';
import { received, REQ, trackedByRequest } from './support/scenario';

const N = 30;
const LEASE_MS = 1500;

function spawnSender(hc: Center, connection: string, worker: string): ChildProcess {
  return spawnScript(join(__dirname, 'support/sender-child.ts'), {
    backend: hc.backend, connection, name: hc.db, worker,
    config: { centerCode: hc.code, syncSecretKey: hc.config.syncSecretKey, sync: { ...FAST_SYNC, batchSize: 5, leaseMs: LEASE_MS, timeoutMs: 60_000 } },
  });
}

describe.each(BACKENDS)('the sending process killed mid-drain on %s', (backend) => {
  let hc: Center;
  let sc: Center;
  let proxy: DroppingProxy;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    [hc, sc] = [await startCenter(backend, 'HC'), await startCenter(backend, 'SC')];
    proxy = await new DroppingProxy(Number(new URL(sc.url).port)).start();
  });
  afterAll(async () => {
    for (const c of children.splice(0)) await killHard(c);
    await proxy?.stop();
    for (const c of [hc, sc]) await c?.stop();
  });

  it('loses nothing and applies nothing twice after a restart', async () => {
    const server = await link(hc, sc, proxy.url);
    await link(sc, hc);
    const ids: number[] = [];
    for (let i = 0; i < N; i++) {
      const id = (await hc.as('ayuda')(REQ, 'create', [{ subject: `Caída ${i}`, category: 'technical', support_server_id: server }])) as number;
      await hc.as('ayuda')(REQ, 'signal_workflow', [[id], 'notify']);
      if (i % 3 === 0) await hc.as('ayuda')(REQ, 'signal_workflow', [[id], 'cancel']);
      ids.push(id);
    }
    const queued = await pending(hc);
    expect(queued).toBe(N + N / 3);

    // The support center applies the first batch; its answer is held, and the sender killed.
    proxy.hold((body) => body.includes('sync_receive'));
    const connection = connectionOf(await hc.server.dbm.get(hc.db));
    const first = spawnSender(hc, connection, 'first');
    children.push(first);
    await waitFor(() => proxy.heldAnswers >= 1, 'a batch applied by the support center');
    await killHard(first);
    const applied = (await received(sc)).size;
    expect(applied).toBeGreaterThan(0);
    expect(applied).toBeLessThan(N);
    const hcDb = await hc.server.dbm.get(hc.db);
    const peerRow = await hcDb.knex('sync_peer').where({ peer_id: server }).first();
    expect(peerRow.claimed_by).toBe('first');
    expect(await pending(hc)).toBe(queued);
    proxy.release();

    const second = spawnSender(hc, connection, 'second');
    children.push(second);
    await waitFor(async () => (await pending(hc)) === 0, 'the queue delivered by the new process');
    await killHard(second);

    const there = await received(sc);
    expect(there.size).toBe(N);
    const here = (await hc.as('admin')(REQ, 'read', [ids, ['state', 'remote_ref']])) as Record<string, unknown>[];
    const tracked = await trackedByRequest(sc);
    for (const [i, id] of ids.entries()) {
      const mine = here.find((r) => r.id === id)!;
      const theirs = there.get(String(id))!;
      expect(theirs.state).toBe(mine.state);
      expect(mine.remote_ref).toBe(String(theirs.id));
      expect(tracked.get(theirs.id) ?? []).toEqual(i % 3 === 0 ? ['Notified → Cancelled'] : []);
    }
    const done = await hcDb.knex('sync_outbox').where({ state: 'done' }).count({ n: '*' });
    expect(Number(done[0].n)).toBe(queued);
  }, 300_000);
});
