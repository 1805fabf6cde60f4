// Centers linked through proxies that drop one answer in ten after the peer has applied the
// call: senders cannot tell and send again, and the peers apply nothing twice, both ways.
import { BACKENDS } from '../../support/backends';
import { mulberry32 } from '../../support/seeded-random';
import { DroppingProxy } from './support/proxy';
import { link, settle, startCenter, type Center } from './support/centers';
import { inParallel, received, REQ, trackedByRequest } from './support/scenario';

const N = 60;

describe.each(BACKENDS)('a link that loses answers on %s', (backend) => {
  let hc: Center;
  let sc: Center;
  let toSc: DroppingProxy;
  let toHc: DroppingProxy;
  let server: number;

  beforeAll(async () => {
    // Small batches: more calls, so more of them lose their answer.
    [hc, sc] = [await startCenter(backend, 'HC', { batchSize: 3 }), await startCenter(backend, 'SC', { batchSize: 3 })];
    // Seeded, so "one answer in ten" drops the same ones on every run.
    const random = mulberry32(20261127);
    const drop = () => random() < 0.1;
    toSc = await new DroppingProxy(Number(new URL(sc.url).port), { drop }).start();
    toHc = await new DroppingProxy(Number(new URL(hc.url).port), { drop }).start();
    server = await link(hc, sc, toSc.url);
    await link(sc, hc, toHc.url);
  });
  afterAll(async () => {
    await toSc?.stop();
    await toHc?.stop();
    for (const c of [hc, sc]) await c?.stop();
  });

  it('applies every message once although some answers never arrive', async () => {
    const ids: number[] = [];
    await inParallel([...Array(N).keys()], 1, async (i) => {
      const id = (await hc.as('ayuda')(REQ, 'create', [{ subject: `Pedido ${i}`, category: 'technical', support_server_id: server }])) as number;
      ids.push(id);
      await hc.as('ayuda')(REQ, 'signal_workflow', [[id], 'notify']);
    });
    await settle([hc, sc]);
    const there = await received(sc);
    expect(there.size).toBe(N);

    // The support center reviews the even ones; the help center cancels the odd ones.
    await inParallel(ids, 1, async (id, i) => {
      if (i % 2 === 0) await sc.as('soporte')(REQ, 'signal_workflow', [[there.get(String(id))!.id], 'review']);
      else await hc.as('ayuda')(REQ, 'signal_workflow', [[id], 'cancel']);
    });
    await settle([hc, sc]);

    expect(toSc.dropped + toHc.dropped).toBeGreaterThan(0);
    expect(toHc.dropped).toBeGreaterThan(0);
    const after = await received(sc);
    expect(after.size).toBe(N);
    const here = (await hc.as('admin')(REQ, 'read', [ids, ['state', 'remote_ref']])) as Record<string, unknown>[];
    const hcTracked = await trackedByRequest(hc);
    const scTracked = await trackedByRequest(sc);
    for (const [i, id] of ids.entries()) {
      const want = i % 2 === 0 ? 'reviewed' : 'cancelled';
      const mine = here.find((r) => r.id === id)!;
      const theirs = after.get(String(id))!;
      expect([mine.state, theirs.state]).toEqual([want, want]);
      expect(mine.remote_ref).toBe(String(theirs.id));
      const change = i % 2 === 0 ? 'Notified → Reviewed' : 'Notified → Cancelled';
      expect(hcTracked.get(id)).toEqual(['Draft → Notified', change]);
      expect(scTracked.get(theirs.id)).toEqual([change]);
    }
  }, 300_000);
});
