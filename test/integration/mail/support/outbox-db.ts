// Scratch databases with the schema applied, and small helpers to fill and inspect the outbox
// without the ORM (the sender works on raw rows).
import { createScratchDb, type Backend, type ScratchDb } from '../../../support/backends';
import { MIGRATIONS } from '../../../../migrations';
import { insertMail } from '../../../../src/mail/outbox';
import type { MailDb } from '../../../../src/mail/claim';
import type { MailConfig } from '../../../../src/mail/mail-config';
import { MAIL_DEFAULTS } from '../../../../src/mail/mail-config';
import type { MailLogger } from '../../../../src/mail/deliver';

export async function createMailDb(backend: Backend): Promise<ScratchDb & MailDb> {
  const db = await createScratchDb(backend);
  for (const m of MIGRATIONS) await m.up(db.knex);
  return db;
}

export async function queueMails(db: MailDb, n: number, to = (i: number) => `user${i}@example.com`): Promise<number[]> {
  const ids: number[] = [];
  await db.knex.transaction(async (trx) => {
    for (let i = 0; i < n; i++) {
      ids.push(await insertMail(trx, {
        model: 'test.thread', resId: 1 + (i % 5), subject: `[T/${i}] Hello`, bodyHtml: `<p>Mail ${i}</p>`,
        emailTo: to(i), emailFrom: 'Ana <ana@example.com>',
        inReplyTo: '<root@example.com>', references: '<root@example.com>',
      }));
    }
  });
  return ids;
}

export interface OutboxRow {
  id: number;
  state: string;
  message_id: string;
  attempts: number;
  failure_reason: string | null;
  email_to: string;
  claimed_by: string | null;
}

export async function outbox(db: MailDb): Promise<OutboxRow[]> {
  const rows = await db.knex('mail_mail')
    .select('id', 'state', 'message_id', 'attempts', 'failure_reason', 'email_to', 'claimed_by').orderBy('id');
  return rows.map((r: OutboxRow) => ({ ...r, id: Number(r.id), attempts: Number(r.attempts) }));
}

export { waitFor } from '../../../support/wait-for';

/** Sender settings for tests: SMTP on the sink's port, fast retries. */
export function testMailConfig(port: number, over: Partial<MailConfig> = {}): { mail: MailConfig } {
  return {
    mail: {
      ...MAIL_DEFAULTS,
      transport: 'smtp',
      smtp: { ...MAIL_DEFAULTS.smtp, host: '127.0.0.1', port },
      from: 'helpdesk@example.com',
      pollMs: 50,
      retryBaseMs: 20,
      retryMaxMs: 200,
      timeoutMs: 5_000,
      ...over,
    },
  };
}

export function singleDb(db: MailDb) {
  return { list: async () => [db.name], get: async () => db };
}

export interface LogLine {
  level: string;
  message: string;
  meta?: Record<string, unknown>;
}

/** A logger that keeps its lines, so tests can check what was reported. */
export function recordingLogger(): MailLogger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: string) => (message: string, meta?: Record<string, unknown>) => lines.push({ level, message, meta });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}
