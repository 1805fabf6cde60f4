// The mail thread over XML-RPC on the real server: posting and following through execute and
// execute_kw, delivery failures visible (and retried) through mail.mail, and a storm of
// notifications that leaves RPC calls alone because sending never happens inside a request.
import { BACKENDS } from '../../support/backends';
import { client } from '../../e2e/support/npm-client';
import { startTestServer, type TestServer } from '../../e2e/support/server';
import { startMailSender, type MailSender } from '../../../src/mail/sender';
import { SmtpSink } from './support/smtp-sink';
import { recordingLogger, testMailConfig, waitFor } from './support/outbox-db';

describe.each(BACKENDS)('mail over XML-RPC on %s', (backend) => {
  let t: TestServer;
  let sink: SmtpSink;
  let sender: MailSender;
  let rpc: ReturnType<typeof client>;
  let uid: number;

  beforeAll(async () => {
    sink = await new SmtpSink({ unknownRecipients: ['ghost@example.com'] }).start();
    t = await startTestServer(backend);
    rpc = client(t.port);
    uid = await rpc.call('/xmlrpc/common', 'login', t.db, t.login, t.password) as number;
    sender = startMailSender({ dbm: t.server.dbm, config: testMailConfig(sink.port, { batchSize: 20, timeoutMs: 60_000 }), logger: recordingLogger() });
  });
  afterAll(async () => {
    await sender?.stop();
    await t?.stop();
    await sink?.stop();
  });

  const kw = (model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}) =>
    rpc.call('/xmlrpc/2/object', 'execute_kw', t.db, uid, t.password, model, method, args, kwargs);
  const exec = (model: string, method: string, ...args: unknown[]) =>
    rpc.call('/xmlrpc/object', 'execute', t.db, uid, t.password, model, method, ...args);

  async function newRequest(subject: string, partnerEmail: string): Promise<{ id: number; ref: string; partner: number }> {
    const partner = await kw('res.partner', 'create', [{ name: `Cliente ${subject}`, email: partnerEmail }]) as number;
    const id = await kw('helpdesk.request', 'create', [{ subject, category: 'technical', partner_id: partner }]) as number;
    const [row] = await kw('helpdesk.request', 'read', [[id], ['name']]) as { name: string }[];
    return { id, ref: row.name, partner };
  }

  it('posts, follows and mails through execute and execute_kw', async () => {
    const { id, ref, partner } = await newRequest('Monitor', 'monitor@example.com');
    const extra = await kw('res.partner', 'create', [{ name: 'Eva', email: 'eva@example.com' }]) as number;
    expect(await exec('helpdesk.request', 'message_subscribe', [id], [extra])).toBe(true);
    const [row] = await kw('helpdesk.request', 'read', [[id], ['message_follower_ids', 'message_ids']]) as Record<string, number[]>[];
    expect(row.message_follower_ids).toEqual(expect.arrayContaining([partner, extra]));
    // 7.0 positional: thread_id, body, subject, type, subtype.
    const msgId = await exec('helpdesk.request', 'message_post', id, '<p>Hola</p>', 'Saludo', 'comment', 'mail.mt_comment');
    expect(typeof msgId).toBe('number');
    const [msg] = await kw('mail.message', 'read', [[msgId], ['subject', 'type', 'subtype_id', 'model', 'res_id']]) as Record<string, unknown>[];
    expect(msg).toMatchObject({ subject: 'Saludo', type: 'comment', model: 'helpdesk.request', res_id: id });
    await waitFor(() => sink.accepted().filter((m) => m.subject === `[${ref}] Saludo`).length === 2, 'the comment delivered');
    const to = sink.accepted().filter((m) => m.subject === `[${ref}] Saludo`).flatMap((m) => m.to).sort();
    expect(to).toEqual(['eva@example.com', 'monitor@example.com']);
  });

  it('shows a refused mail as failed with its reason, and retries it on request', async () => {
    const { id } = await newRequest('Fantasma', 'ghost@example.com');
    await kw('helpdesk.request', 'signal_workflow', [[id], 'notify']);
    const domain = [['res_id', '=', id], ['model', '=', 'helpdesk.request']];
    await waitFor(async () => (await kw('mail.mail', 'search_count', [[...domain, ['state', '=', 'exception']]])) === 1, 'the refusal recorded');
    const [failed] = await kw('mail.mail', 'search_read', [domain, ['state', 'failure_reason', 'email_to', 'attempts', 'message_id']]) as Record<string, unknown>[];
    expect(failed.state).toBe('exception');
    expect(failed.failure_reason).toMatch(/550/);
    expect(failed.email_to).toContain('ghost@example.com');
    expect(failed.attempts).toBe(1);
    expect(await kw('mail.mail', 'mark_outgoing', [[failed.id]])).toBe(true);
    await waitFor(async () => {
      const [again] = await kw('mail.mail', 'read', [[failed.id], ['attempts', 'state']]) as Record<string, unknown>[];
      return again.state === 'exception' && again.attempts === 1;
    }, 'the retry refused again');
    // The retry repeats the same Message-ID.
    const [after] = await kw('mail.mail', 'read', [[failed.id], ['message_id']]) as Record<string, unknown>[];
    expect(after.message_id).toBe(failed.message_id);
  });

  it('answers RPC calls while a storm of notifications waits on a stuck SMTP server', async () => {
    const { id, ref } = await newRequest('Tormenta', 'storm0@example.com');
    const partners: number[] = [];
    for (let i = 1; i < 40; i++) partners.push(await kw('res.partner', 'create', [{ name: `P${i}`, email: `storm${i}@example.com` }]) as number);
    await kw('helpdesk.request', 'message_subscribe', [[id], partners]);
    const before = sink.received.length;
    // The server takes each message and never answers: the sender is stuck on its first mails.
    sink.hold();
    for (let i = 0; i < 5; i++) {
      await kw('helpdesk.request', 'message_post', [id], { body: `<p>Aviso ${i}</p>`, type: 'comment', subtype: 'mail.mt_comment' });
    }
    await sink.waitForData(before + 1);
    // Calls still answer, whatever the outbox holds: none of them waits for SMTP.
    const queued = await kw('mail.mail', 'search_count', [[['res_id', '=', id], ['model', '=', 'helpdesk.request'], ['state', '=', 'outgoing']]]);
    expect(queued).toBe(200);
    const another = await kw('helpdesk.request', 'message_post', [id], { body: '<p>Uno más</p>', type: 'comment', subtype: 'mail.mt_comment' });
    expect(typeof another).toBe('number');
    expect(await kw('helpdesk.request', 'read', [[id], ['state']])).toEqual([{ id, state: 'draft' }]);
    expect(sink.accepted().filter((m) => m.subject.startsWith(`[${ref}] Aviso`))).toHaveLength(0);

    sink.release();
    await waitFor(async () => (await kw('mail.mail', 'search_count', [[['res_id', '=', id], ['model', '=', 'helpdesk.request'], ['state', '=', 'sent']]])) === 240, 'the storm delivered', 120_000);
    const mine = sink.received.filter((m) => m.subject.startsWith(`[${ref}]`));
    const counts = new Map<string, number>();
    for (const m of mine) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
    expect(counts.size).toBe(240);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  }, 180_000);
});
