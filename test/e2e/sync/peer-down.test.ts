// The support center is down while the help center notifies and changes 200 requests: every call
// at the help center still succeeds, the changes wait in its queue, and once the support center
// is back each request arrives once, with its final state, its changes applied in order.
import { BACKENDS } from '../../support/backends';
import { link, settle, startCenter, type Center } from './support/centers';
import { HISTORIES, playHistories, queuedFor, received, REQ, trackedByRequest } from './support/scenario';

const N = 200;

describe.each(BACKENDS)('a support center down for a while on %s', (backend) => {
  let hc: Center;
  let sc: Center;
  let server: number;

  beforeAll(async () => {
    [hc, sc] = [await startCenter(backend, 'HC'), await startCenter(backend, 'SC')];
    server = await link(hc, sc);
    await link(sc, hc);
  });
  afterAll(async () => {
    for (const c of [hc, sc]) await c?.stop();
  });

  it('delivers every request once, in its final state, after the peer comes back', async () => {
    await sc.down();
    // The sender tries while the peer is down: it fails quietly and keeps everything.
    const trying = (async () => {
      for (let i = 0; i < 5; i++) await hc.worker.drainOnce();
    })();
    const ids = await playHistories(hc, server, N, 1);
    await trying;
    await hc.worker.drainOnce();
    const [waiting] = (await hc.as('admin')('helpdesk.server', 'read', [[server],
      ['sync_status', 'sync_last_error', 'sync_pending_count']])) as Record<string, unknown>[];
    expect(waiting).toMatchObject({ sync_status: 'unreachable', sync_pending_count: queuedFor(N) });
    expect(String(waiting.sync_last_error)).toMatch(/connection refused/);

    await sc.up();
    await settle([hc, sc]);

    const there = await received(sc);
    expect(there.size).toBe(N);
    const here = (await hc.as('admin')(REQ, 'read', [ids, ['state', 'remote_ref']])) as Record<string, unknown>[];
    for (const [i, id] of ids.entries()) {
      const row = here.find((r) => r.id === id)!;
      expect(row.state).toBe(HISTORIES[i % HISTORIES.length].final);
      expect(there.get(String(id))).toEqual({ id: Number(row.remote_ref), state: row.state });
    }
    // The support center applied each history in the order it happened.
    const tracked = await trackedByRequest(sc);
    const expected: Record<string, string[]> = {
      notified: [], cancelled: ['Notified → Cancelled'], closed: ['Notified → Closed'],
    };
    for (const [i, id] of ids.entries()) {
      const history = HISTORIES[i % HISTORIES.length];
      const want = history.signals.length === 3
        ? ['Notified → Cancelled', 'Cancelled → Draft', 'Draft → Notified']
        : expected[history.final];
      expect(tracked.get(there.get(String(id))!.id) ?? []).toEqual(want);
    }
    const [after] = (await hc.as('admin')('helpdesk.server', 'read', [[server], ['sync_status', 'sync_pending_count']])) as Record<string, unknown>[];
    expect(after).toMatchObject({ sync_status: 'ok', sync_pending_count: 0 });
  }, 300_000);
});
