// The mail sender after an SMTP outage, on SQLite and PostgreSQL with a real SMTP server: retry
// delays grow while the server is away, but new mail ends the sender's backoff at once, and the
// first round the server answers sends every mail that was waiting, not an hour later.
import { startMailSender, type MailSender } from '../../../src/mail/sender';
import { mailQueued } from '../../../src/mail/wakeup';
import { BACKENDS } from '../../support/backends';
import { SmtpSink } from './support/smtp-sink';
import { createMailDb, outbox, queueMails, recordingLogger, singleDb, testMailConfig, waitFor } from './support/outbox-db';

/** Delays far longer than the test may wait: only the recovery rules can make mail leave early. */
const LONG = { retryBaseMs: 10 * 60_000, retryMaxMs: 60 * 60_000 };

describe.each(BACKENDS)('mail sender recovering from an SMTP outage on %s', (backend) => {
  let db: Awaited<ReturnType<typeof createMailDb>>;
  let sink: SmtpSink;
  let sender: MailSender | null = null;

  beforeEach(async () => {
    db = await createMailDb(backend);
    // Started then stopped: its port is known and refuses connections, as a server that is down.
    sink = await new SmtpSink().start();
    await sink.stop();
  });
  afterEach(async () => {
    await sender?.stop();
    sender = null;
    await sink.stop();
    await db.destroy();
  });

  const states = async () => (await outbox(db)).map((r) => r.state);

  it('the first round the server answers sends every deferred mail', async () => {
    await queueMails(db, 3);
    sender = startMailSender({ dbm: singleDb(db), config: testMailConfig(sink.port, LONG), logger: recordingLogger(), loop: false });
    expect((await sender.drainOnce()).transportDown).toBe(true);
    expect((await sender.drainOnce()).transportDown).toBe(true);
    const waiting = await outbox(db);
    expect(waiting.every((r) => r.state === 'outgoing')).toBe(true);
    await sink.start();
    // One mail is sent as the probe of the server, then the rest at once.
    expect((await sender.drainOnce()).sent).toBe(1);
    expect((await sender.drainOnce()).sent).toBe(2);
    expect(await states()).toEqual(['sent', 'sent', 'sent']);
    expect(sink.countsByMessageId().size).toBe(3);
  });

  it('new mail ends the backoff of a running sender, and what waited leaves with it', async () => {
    await queueMails(db, 2);
    const logger = recordingLogger();
    sender = startMailSender({ dbm: singleDb(db), config: testMailConfig(sink.port, LONG), logger });
    await waitFor(async () => (await outbox(db)).some((r) => r.attempts > 0), 'a failed attempt while SMTP is down');
    await sink.start();
    await queueMails(db, 1);
    mailQueued.notify(db.name);
    await waitFor(async () => (await states()).every((s) => s === 'sent'), 'every mail sent once SMTP is back', 15_000);
    expect(sink.countsByMessageId().size).toBe(3);
  });
});
