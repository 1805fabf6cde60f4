// The sync sender against a stand-in peer on a real port: order per request, a peer that is
// down or refuses our login, a message refused on its own, lost answers and two senders at once.
import { BACKENDS } from '../../support/backends';
import { startSyncWorker, type SyncWorker } from '../../../src/sync/worker';
import { purgeOld } from '../../../src/sync/outbox-marks';
import { claimPeer } from '../../../src/sync/peers';
import { FakePeer } from './support/fake-peer';
import { openQueueDb, quietLogger, testSyncConfig, waitFor, type QueueDb } from './support/queue-db';

describe.each(BACKENDS)('sync sender on %s', (backend) => {
  let db: QueueDb;
  let peer: FakePeer;
  const workers: SyncWorker[] = [];
  const worker = (over = {}, name = `w${workers.length}`): SyncWorker => {
    const w = startSyncWorker({
      dbm: { list: async () => [db.name], get: async () => db }, config: testSyncConfig(over), logger: quietLogger,
      loop: false, worker: name,
    });
    workers.push(w);
    return w;
  };

  beforeAll(async () => {
    db = await openQueueDb(backend);
  });
  afterAll(async () => {
    await db?.destroy();
  });
  beforeEach(async () => {
    await db.reset();
    peer = await new FakePeer().start();
  });
  afterEach(async () => {
    for (const w of workers.splice(0)) await w.stop();
    await peer.stop();
  });

  it('delivers every message once, in queue order within each request, and records the peer as healthy', async () => {
    const server = await db.addServer('SC', peer.url);
    const keys = await db.queue(server, ['r,1', 'r,2', 'r,3'], 8);
    const report = await worker().drainOnce();
    expect(report.delivered).toBe(24);
    expect(peer.received.map((m) => m.key)).toEqual(keys);
    expect(new Set(peer.received.map((m) => m.from))).toEqual(new Set(['HC']));
    // Batches of 10: three calls for 24 messages, one login.
    expect(peer.calls).toBe(3);
    expect(peer.logins).toBe(1);
    expect((await db.outbox()).every((r) => r.state === 'done' && r.attempts === 1)).toBe(true);
    const state = await db.peer(server);
    expect(state?.status).toBe('ok');
    expect(state?.last_success).toBeTruthy();
    expect(state?.claimed_by).toBeNull();
  });

  it('keeps everything while the peer is down, then delivers it in order once it is back', async () => {
    const server = await db.addServer('SC', peer.url);
    await peer.stop();
    const keys = await db.queue(server, ['r,1', 'r,2'], 5);
    const w = worker();
    expect((await w.drainOnce()).delivered).toBe(0);
    const down = await db.peer(server);
    expect(down?.status).toBe('unreachable');
    expect(String(down?.last_error)).toMatch(/refused/);
    expect((await db.outbox()).every((r) => r.state === 'pending' && r.attempts === 0)).toBe(true);
    await peer.start();
    await waitFor(async () => (await w.drainOnce(), peer.received.length === keys.length), 'delivery after the peer is back');
    expect(peer.received.map((m) => m.key)).toEqual(keys);
    expect((await db.peer(server))?.status).toBe('ok');
  });

  it('stops calling a peer that refuses our login until its configuration changes', async () => {
    const server = await db.addServer('SC', peer.url);
    peer.password = 'changed-on-the-peer';
    await db.queue(server, ['r,1'], 3);
    const w = worker();
    for (let i = 0; i < 5; i++) await w.drainOnce();
    expect(peer.logins).toBe(1);
    const blocked = await db.peer(server);
    expect(blocked?.status).toBe('login');
    expect(String(blocked?.last_error)).toMatch(/refused the login "peer"/);
    expect(peer.received).toEqual([]);
    // A manager enters the new password: the configuration is written and the peer woken.
    peer.password = 'peer-secret';
    await db.knex('sync_peer').where({ peer_id: server }).update({ next_attempt_ms: 0, failures: 0 });
    expect((await w.drainOnce()).delivered).toBe(3);
  });

  it('names a missing database apart from a bad login', async () => {
    const server = await db.addServer('SC', peer.url, { database: 'nosuchdb' });
    await db.queue(server, ['r,1'], 1);
    await worker().drainOnce();
    const state = await db.peer(server);
    expect(state?.status).toBe('database');
    expect(String(state?.last_error)).toMatch(/no database "nosuchdb"/);
  });

  it('holds back only the request whose message is refused, and fails it after the last attempt', async () => {
    const server = await db.addServer('SC', peer.url);
    let refusing = true;
    peer.refuse = (m) => (refusing && m.stream === 'r,2' && m.data.seq === 1 ? 'UserError: not now' : null);
    await db.queue(server, ['r,1', 'r,2', 'r,3'], 3);
    const w = worker({ maxAttempts: 3 });
    await waitFor(async () => (await w.drainOnce(), (await db.outbox()).some((r) => r.state === 'failed')), 'the refused message to fail');
    const received = peer.received.map((m) => `${m.stream}#${String(m.data.seq)}`);
    expect(received.filter((s) => s.startsWith('r,1'))).toEqual(['r,1#0', 'r,1#1', 'r,1#2']);
    expect(received.filter((s) => s.startsWith('r,3'))).toEqual(['r,3#0', 'r,3#1', 'r,3#2']);
    // Request 2 got its first message; the refused one and the one after it wait.
    expect(received.filter((s) => s.startsWith('r,2'))).toEqual(['r,2#0']);
    const rows = await db.outbox();
    const failed = rows.filter((r) => r.state === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ stream: 'r,2', attempts: 3, last_error: 'UserError: not now' });
    expect(rows.filter((r) => r.state === 'pending').map((r) => r.stream)).toEqual(['r,2']);
    expect((await db.peer(server))?.status).toBe('refused');
    refusing = false;
    await db.knex('sync_outbox').where({ state: 'failed' }).update({ state: 'pending', next_attempt_ms: 0, attempts: 0 });
    await w.drainOnce();
    expect(peer.received.filter((m) => m.stream === 'r,2').map((m) => m.data.seq)).toEqual([0, 1, 2]);
  });

  it('fails a message too large for the peer on its own, without holding up the others', async () => {
    const server = await db.addServer('SC', peer.url);
    peer.maxBodyBytes = 64 * 1024;
    const big = (stream: string, i: number) => (stream === 'r,2' && i === 0 ? { blob: 'x'.repeat(100 * 1024) } : {});
    await db.queue(server, ['r,1', 'r,2', 'r,3'], 2, 'state', big);
    const w = worker({ maxAttempts: 2 });
    await waitFor(async () => (await w.drainOnce(), (await db.outbox()).some((r) => r.state === 'failed')), 'the large message to fail');
    expect(peer.received.map((m) => `${m.stream}#${String(m.data.seq)}`).sort()).toEqual(['r,1#0', 'r,1#1', 'r,3#0', 'r,3#1']);
    const failed = (await db.outbox()).filter((r) => r.state === 'failed');
    expect(failed).toEqual([expect.objectContaining({ stream: 'r,2', last_error: expect.stringMatching(/HTTP 413/) })]);
  });

  it('forgets delivered messages and applied keys only after the retention period', async () => {
    const server = await db.addServer('SC', peer.url);
    const [oldKey, newKey] = await db.queue(server, ['r,1'], 2);
    await worker().drainOnce();
    await peer.stop();
    const [waiting] = await db.queue(server, ['r,1'], 1);
    await db.knex('sync_outbox').where({ msg_key: oldKey }).update({ done_date: '2020-01-01 00:00:00' });
    await db.knex('sync_applied').insert([
      { msg_key: 'old-key-0001', peer_code: 'SC', kind: 'state', result: 'false', create_date: '2020-01-01 00:00:00' },
      { msg_key: 'new-key-0001', peer_code: 'SC', kind: 'state', result: 'false', create_date: '2099-01-01 00:00:00' },
    ]);
    expect(await purgeOld(db, 90)).toBe(2);
    expect((await db.outbox()).map((r) => r.msg_key)).toEqual([newKey, waiting]);
    expect((await db.knex('sync_applied').select('msg_key')).map((r) => r.msg_key)).toEqual(['new-key-0001']);
  });

  it('sends again after a lost answer, and the peer applies nothing twice', async () => {
    const server = await db.addServer('SC', peer.url);
    peer.dropAnswer = (n) => n % 2 === 1;
    const keys = await db.queue(server, ['r,1', 'r,2'], 10);
    const w = worker();
    await waitFor(async () => (await w.drainOnce(), (await db.outbox()).every((r) => r.state === 'done')), 'all delivered');
    expect(peer.received.map((m) => m.key)).toEqual(keys);
    expect(peer.arrivals.length).toBeGreaterThan(keys.length);
  });

  it('lets two senders share a database without delivering anything twice', async () => {
    const server = await db.addServer('SC', peer.url);
    const other = await db.addServer('SC2', peer.url);
    const keys = [...await db.queue(server, ['a,1', 'a,2'], 15), ...await db.queue(other, ['b,1'], 15)];
    const [a, b] = [worker({}, 'first'), worker({}, 'second')];
    await Promise.all([a.drainOnce(), b.drainOnce(), a.drainOnce(), b.drainOnce()]);
    await waitFor(async () => (await Promise.all([a.drainOnce(), b.drainOnce()]),
      (await db.outbox()).every((r) => r.state === 'done')), 'all delivered');
    expect(peer.arrivals.slice().sort()).toEqual(keys.slice().sort());
    expect(peer.received.filter((m) => m.stream === 'a,1').map((m) => m.data.seq)).toEqual([...Array(15).keys()]);
  });

  it('keeps the lease of a peer that answers slowly: another sender cannot take it meanwhile', async () => {
    const server = await db.addServer('SC', peer.url);
    const keys = await db.queue(server, ['s,1'], 3);
    peer.objectDelayMs = 2500;
    const w = worker({ leaseMs: 600 });
    const round = w.drainOnce();
    await waitFor(() => peer.calls > 0 && peer.received.length > 0, 'the slow call under way');
    // Several lease lengths pass inside the one call; the sender is alive and renews its lease.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await claimPeer(db, { peer_table: 'helpdesk_server', peer_id: server }, 'intruder', 600)).toBe(false);
    await round;
    expect((await db.outbox()).every((r) => r.state === 'done')).toBe(true);
    expect(peer.arrivals).toEqual(keys);
  });
});
