// The sender against a real SMTP server, on SQLite and PostgreSQL: mail leaves once, with a stable
// Message-ID; a dead or flaky server delays mail but never loses it; refusals are recorded.
import { BACKENDS } from '../../support/backends';
import { startMailSender, type MailSender } from '../../../src/mail/sender';
import { insertMail } from '../../../src/mail/outbox';
import { claimBatch } from '../../../src/mail/claim';
import { SmtpSink } from './support/smtp-sink';
import { createMailDb, outbox, queueMails, recordingLogger, singleDb, testMailConfig, waitFor } from './support/outbox-db';

describe.each(BACKENDS)('mail sender on %s', (backend) => {
  let db: Awaited<ReturnType<typeof createMailDb>>;
  let sink: SmtpSink;
  let sender: MailSender | null = null;

  beforeEach(async () => {
    db = await createMailDb(backend);
  });
  afterEach(async () => {
    await sender?.stop();
    sender = null;
    await sink?.stop();
    await db.destroy();
  });

  const allSent = async () => (await outbox(db)).every((r) => r.state === 'sent');

  it('sends a queued mail once, with its Message-ID and threading headers, and marks it sent', async () => {
    sink = await new SmtpSink().start();
    const [id] = await queueMails(db, 1);
    const logger = recordingLogger();
    sender = startMailSender({ dbm: singleDb(db), config: testMailConfig(sink.port), logger, loop: false });
    const report = await sender.drainOnce();
    expect(report.sent).toBe(1);
    const [row] = await outbox(db);
    expect(row).toMatchObject({ id, state: 'sent', attempts: 1, claimed_by: null });
    expect(sink.received).toHaveLength(1);
    const got = sink.received[0];
    expect(got.messageId).toBe(row.message_id);
    expect(got.to).toEqual(['user0@example.com']);
    expect(got.subject).toBe('[T/0] Hello');
    expect(got.headers.get('in-reply-to')).toBe('<root@example.com>');
    expect(got.headers.get('references')).toBe('<root@example.com>');
    expect(got.headers.get('from')).toContain('helpdesk@example.com');
    expect(got.headers.get('reply-to')).toContain('ana@example.com');
    expect((await sender.drainOnce()).sent).toBe(0);
    expect(sink.received).toHaveLength(1);
  });

  it('sends nothing for a transaction that was rolled back', async () => {
    sink = await new SmtpSink().start();
    await db.knex.transaction(async (trx) => {
      await insertMail(trx, { subject: 'x', bodyHtml: '<p>x</p>', emailTo: 'a@example.com' });
      await trx.rollback();
    }).catch(() => undefined);
    await queueMails(db, 1);
    sender = startMailSender({ dbm: singleDb(db), config: testMailConfig(sink.port), logger: recordingLogger(), loop: false });
    await sender.drainOnce();
    expect(sink.received.map((m) => m.to)).toEqual([['user0@example.com']]);
  });

  it('delivers all of 200 mails queued while the SMTP server is down, each accepted once', async () => {
    sink = await new SmtpSink().start();
    const port = sink.port;
    await sink.stop();
    await queueMails(db, 200);
    sender = startMailSender({ dbm: singleDb(db), config: testMailConfig(port), logger: recordingLogger() });
    // The sender must meet the dead server (and schedule retries) before it comes back.
    await waitFor(async () => (await outbox(db)).some((r) => r.attempts >= 2), 'failed attempts while down');
    const failing = (await outbox(db)).find((r) => r.attempts >= 1);
    expect(failing?.failure_reason).toMatch(/ECONNREFUSED|ESOCKET/);
    await sink.start(port);
    await waitFor(allSent, 'all mail sent after the server came back');
    const counts = sink.countsByMessageId();
    const ids = (await outbox(db)).map((r) => r.message_id);
    expect(new Set(ids).size).toBe(200);
    expect([...counts.keys()].sort()).toEqual([...ids].sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('delivers every mail when the connection drops after the data; a duplicate keeps its Message-ID', async () => {
    const dropped = new Set<string>();
    sink = await new SmtpSink({
      verdict: (m, i) => {
        if (i % 4 === 1 && !dropped.has(m.messageId)) {
          dropped.add(m.messageId);
          return 'drop';
        }
        return 'accept';
      },
    }).start();
    await queueMails(db, 40);
    sender = startMailSender({ dbm: singleDb(db), config: testMailConfig(sink.port), logger: recordingLogger() });
    await waitFor(allSent, 'all mail sent');
    const rows = await outbox(db);
    const counts = sink.countsByMessageId();
    expect(dropped.size).toBeGreaterThan(0);
    expect([...counts.keys()].sort()).toEqual(rows.map((r) => r.message_id).sort());
    for (const [mid, n] of counts) expect(n).toBe(dropped.has(mid) ? 2 : 1);
    for (const r of rows) expect(r.attempts).toBe(dropped.has(r.message_id) ? 2 : 1);
  });

  it('retries temporary refusals until the server accepts', async () => {
    const seen = new Map<string, number>();
    sink = await new SmtpSink({
      verdict: (m) => {
        const n = (seen.get(m.messageId) ?? 0) + 1;
        seen.set(m.messageId, n);
        return n <= 2 ? 'tempfail' : 'accept';
      },
    }).start();
    await queueMails(db, 3);
    sender = startMailSender({ dbm: singleDb(db), config: testMailConfig(sink.port), logger: recordingLogger() });
    await waitFor(allSent, 'all mail sent');
    expect((await outbox(db)).map((r) => r.attempts)).toEqual([3, 3, 3]);
    expect(sink.accepted()).toHaveLength(3);
  });

  it('marks permanently refused mail failed with the reason, logs it, and does not retry', async () => {
    sink = await new SmtpSink({ unknownRecipients: ['ghost@example.com'] }).start();
    await queueMails(db, 3, (i) => ['ghost@example.com', 'not an address', 'ok@example.com'][i]);
    const logger = recordingLogger();
    sender = startMailSender({ dbm: singleDb(db), config: testMailConfig(sink.port), logger, loop: false });
    await sender.drainOnce();
    await sender.drainOnce();
    const rows = await outbox(db);
    expect(rows.map((r) => r.state)).toEqual(['exception', 'exception', 'sent']);
    expect(rows[0].failure_reason).toMatch(/550/);
    expect(rows[1].failure_reason).toMatch(/Invalid email address/);
    expect(rows.map((r) => r.attempts)).toEqual([1, 1, 1]);
    expect(sink.received.map((m) => m.to)).toEqual([['ok@example.com']]);
    const warned = logger.lines.filter((l) => l.level === 'warn').map((l) => l.meta?.mail_id);
    expect(warned.sort()).toEqual([rows[0].id, rows[1].id].sort());
  });

  it('gives up after the configured number of attempts and says so', async () => {
    sink = await new SmtpSink({ verdict: () => 'tempfail' }).start();
    await queueMails(db, 1);
    const logger = recordingLogger();
    sender = startMailSender({ dbm: singleDb(db), config: testMailConfig(sink.port, { maxAttempts: 3 }), logger });
    await waitFor(async () => (await outbox(db))[0].state === 'exception', 'mail given up');
    const [row] = await outbox(db);
    expect(row.attempts).toBe(3);
    expect(row.failure_reason).toMatch(/^Gave up after 3 attempts: .*451/);
    expect(logger.lines.some((l) => l.level === 'error' && l.meta?.mail_id === row.id)).toBe(true);
  });

  it('takes over mail claimed by a process that died once the claim runs out', async () => {
    sink = await new SmtpSink().start();
    await queueMails(db, 5);
    const taken = await claimBatch(db, 'dead-process', 3, 60_000);
    expect(taken).toHaveLength(3);
    sender = startMailSender({ dbm: singleDb(db), config: testMailConfig(sink.port), logger: recordingLogger(), loop: false });
    expect((await sender.drainOnce()).sent).toBe(2);
    // The lease of the dead process ends (as if its minute had passed).
    await db.knex('mail_mail').where({ claimed_by: 'dead-process' }).update({ claimed_until_ms: 1 });
    expect((await sender.drainOnce()).sent).toBe(3);
    expect(await allSent()).toBe(true);
    expect(sink.countsByMessageId().size).toBe(5);
  });

  it('lets two senders share one outbox without sending any mail twice', async () => {
    sink = await new SmtpSink().start();
    await queueMails(db, 120);
    const config = testMailConfig(sink.port, { batchSize: 7 });
    const other = startMailSender({ dbm: singleDb(db), config, logger: recordingLogger(), worker: 'second' });
    sender = startMailSender({ dbm: singleDb(db), config, logger: recordingLogger(), worker: 'first' });
    try {
      await waitFor(allSent, 'all mail sent');
    } finally {
      await other.stop();
    }
    const counts = sink.countsByMessageId();
    expect(counts.size).toBe(120);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });
});
