// A sender process killed in the middle of a batch loses nothing: a new process takes over its
// claims once they run out, and the only repeats are mails already handed to the SMTP server,
// which carry the same Message-ID.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { BACKENDS } from '../../support/backends';
import { connectionOf, killHard, spawnScript } from '../../support/child-process';
import { SmtpSink } from './support/smtp-sink';
import { createMailDb, outbox, queueMails, waitFor } from './support/outbox-db';
import { claimBatch } from '../../../src/mail/claim';

function spawnSender(db: Awaited<ReturnType<typeof createMailDb>>, smtpPort: number, worker: string, leaseMs = 1500): ChildProcess {
  return spawnScript(join(__dirname, 'support/sender-child.ts'), {
    backend: db.backend, connection: connectionOf(db), name: db.name, smtpPort, leaseMs, worker,
  });
}

describe.each(BACKENDS)('mail sender process killed mid-batch on %s', (backend) => {
  let db: Awaited<ReturnType<typeof createMailDb>>;
  let sink: SmtpSink;
  const children: ChildProcess[] = [];

  beforeEach(async () => {
    db = await createMailDb(backend);
    sink = await new SmtpSink().start();
  });
  afterEach(async () => {
    for (const c of children.splice(0)) await killHard(c);
    await sink.stop();
    await db.destroy();
  });

  it('delivers every mail after a restart, repeating only what the server already had', async () => {
    await queueMails(db, 30);
    sink.hold();
    const first = spawnSender(db, sink.port, 'first');
    children.push(first);
    // Two mails are on the wire and the server holds its answers: the process is mid-batch.
    await sink.waitForData(2);
    await killHard(first);
    const orphaned = (await outbox(db)).filter((r) => r.claimed_by === 'first');
    expect(orphaned.length).toBeGreaterThanOrEqual(2);
    expect(orphaned.every((r) => r.state === 'outgoing')).toBe(true);
    sink.release();
    await waitFor(() => sink.received.length >= 2, 'held mails recorded');
    const onTheWire = new Set(sink.received.map((m) => m.messageId));

    children.push(spawnSender(db, sink.port, 'second'));
    await waitFor(async () => (await outbox(db)).every((r) => r.state === 'sent'), 'all mail sent after restart');

    const rows = await outbox(db);
    const counts = sink.countsByMessageId();
    expect([...counts.keys()].sort()).toEqual(rows.map((r) => r.message_id).sort());
    for (const [mid, n] of counts) expect(n).toBe(onTheWire.has(mid) ? 2 : 1);
  });

  it('a live sender keeps its claims while the server is slow: nobody else can take them', async () => {
    await queueMails(db, 4);
    sink.hold();
    const first = spawnSender(db, sink.port, 'first', 600);
    children.push(first);
    await sink.waitForData(2);
    // Several lease lengths pass while the server sits on the data; the sender stays alive.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await claimBatch(db, 'second', 10, 600)).toEqual([]);
    expect((await outbox(db)).every((r) => r.claimed_by === 'first')).toBe(true);
    sink.release();
    await waitFor(async () => (await outbox(db)).every((r) => r.state === 'sent'), 'all mail sent by the live sender');
    expect([...sink.countsByMessageId().values()]).toEqual([1, 1, 1, 1]);
  });
});
