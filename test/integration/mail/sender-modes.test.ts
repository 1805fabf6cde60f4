// The sender's development modes: `folder` writes each email as an .eml file named after its
// Message-ID (a retry rewrites the same file), `off` leaves mail waiting in the outbox.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKENDS } from '../../support/backends';
import { startMailSender } from '../../../src/mail/sender';
import { createMailDb, outbox, queueMails, recordingLogger, singleDb, testMailConfig } from './support/outbox-db';

describe.each(BACKENDS)('mail sender modes on %s', (backend) => {
  let db: Awaited<ReturnType<typeof createMailDb>>;
  let folder: string;
  beforeEach(async () => {
    db = await createMailDb(backend);
    folder = mkdtempSync(join(tmpdir(), 'ocsc-mail-'));
  });
  afterEach(async () => {
    await db.destroy();
    rmSync(folder, { recursive: true, force: true });
  });

  it('writes each email to the folder as a file named after its Message-ID', async () => {
    await queueMails(db, 3);
    const sender = startMailSender({
      dbm: singleDb(db), config: testMailConfig(0, { transport: 'folder', folder }), logger: recordingLogger(), loop: false,
    });
    expect((await sender.drainOnce()).sent).toBe(3);
    await sender.stop();
    const rows = await outbox(db);
    expect(rows.every((r) => r.state === 'sent')).toBe(true);
    const files = readdirSync(folder).sort();
    expect(files).toEqual(rows.map((r) => `${r.message_id.replace(/[<>]/g, '')}.eml`).sort());
    const first = readFileSync(join(folder, `${rows[0].message_id.replace(/[<>]/g, '')}.eml`), 'utf8');
    expect(first).toContain(`Message-ID: ${rows[0].message_id}`);
    expect(first).toContain('Subject: [T/0] Hello');
    expect(first).toContain('To: user0@example.com');
  });

  it('leaves mail in the outbox when sending is off', async () => {
    await queueMails(db, 2);
    const logger = recordingLogger();
    const sender = startMailSender({ dbm: singleDb(db), config: testMailConfig(0, { transport: 'off' }), logger });
    expect((await sender.drainOnce()).claimed).toBe(0);
    await sender.stop();
    expect((await outbox(db)).map((r) => [r.state, r.attempts])).toEqual([['outgoing', 0], ['outgoing', 0]]);
    expect(logger.lines.map((l) => l.message)).toContain('Outgoing mail is off: mail stays in the outbox');
  });
});
