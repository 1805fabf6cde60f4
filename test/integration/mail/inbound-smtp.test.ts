// The built-in SMTP listener on the real server: nodemailer and Python's smtplib deliver to it,
// a new mail to the support alias opens a request whose acknowledgment really leaves by SMTP
// (Reply-To carrying the thread), the answer to that acknowledgment lands in the same request,
// other domains are refused at RCPT, and a 20 MB message is refused with nothing saved.
import nodemailer from 'nodemailer';
import { BACKENDS, uniqueName } from '../../support/backends';
import { client } from '../../e2e/support/npm-client';
import { startTestServer, type TestServer } from '../../e2e/support/server';
import { expectPythonPasses } from '../../e2e/support/python';
import { startMailSender, type MailSender } from '../../../src/mail/sender';
import { startInboundListener, type InboundListener } from '../../../src/mail/inbound-smtp';
import { INBOUND_DEFAULTS, type InboundConfig } from '../../../src/mail/inbound-config';
import { SmtpSink } from './support/smtp-sink';
import { recordingLogger, testMailConfig, waitFor } from './support/outbox-db';

const DOMAIN = 'support.example.com';

/** A message with a 20 MB attachment, encoded once (base64 in 76-character lines). */
function hugeMessage(): Buffer {
  const b64 = Buffer.alloc(20 * 1024 * 1024, 1).toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return Buffer.from([
    'From: enorme@cliente.example.org', `To: soporte@${DOMAIN}`, 'Subject: Volcado completo', 'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="XX"', '', '--XX', 'Content-Type: text/plain', '', 'Va adjunto.', '--XX',
    'Content-Type: application/octet-stream; name="volcado.bin"', 'Content-Transfer-Encoding: base64', '',
    ...lines, '--XX--', '',
  ].join('\r\n'));
}

describe.each(BACKENDS)('the SMTP listener on %s', (backend) => {
  let t: TestServer;
  let listener: Pick<InboundListener, 'port'>;
  let sink: SmtpSink;
  let sender: MailSender;
  let rpc: ReturnType<typeof client>;
  let uid: number;
  const db = uniqueName('e2e');
  const inbound: InboundConfig = { ...INBOUND_DEFAULTS, smtpPort: 0, domains: [DOMAIN], catchall: `catchall@${DOMAIN}`, database: db };

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    const mail = testMailConfig(sink.port, { inbound }).mail;
    // The server starts its listener itself, as it does in production.
    t = await startTestServer(backend, { config: { mail }, db });
    listener = t.server.inboundSmtp!;
    sender = startMailSender({ dbm: t.server.dbm, config: { mail }, logger: recordingLogger() });
    rpc = client(t.port);
    uid = await rpc.call('/xmlrpc/common', 'login', t.db, t.login, t.password) as number;
  });
  afterAll(async () => {
    await sender?.stop();
    await t?.stop();
    await sink?.stop();
  });

  const kw = (model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}) =>
    rpc.call('/xmlrpc/2/object', 'execute_kw', t.db, uid, t.password, model, method, args, kwargs);
  const smtp = () => nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });

  it('opens a request from nodemailer, acknowledges it by SMTP, and files the answer in the same request', async () => {
    await smtp().sendMail({
      from: 'Begoña Ruiz <begona@cliente.example.org>', to: `soporte@${DOMAIN}`,
      subject: 'El escáner no envía correos', text: 'Desde el lunes el escáner no envía nada.',
    });
    const [req] = await kw('helpdesk.request', 'search_read', [[['subject', '=', 'El escáner no envía correos']], ['name', 'partner_id']]) as Record<string, unknown>[];
    expect((req.partner_id as [number, string])[1]).toBe('Begoña Ruiz');
    await waitFor(() => sink.accepted().some((m) => m.to.includes('begona@cliente.example.org')), 'the acknowledgment delivered');
    const ack = sink.accepted().find((m) => m.to.includes('begona@cliente.example.org'))!;
    expect(ack.subject).toBe(`[${String(req.name)}] El escáner no envía correos`);
    expect(ack.headers.get('reply-to')).toBe(`catchall+helpdesk.request-${req.id as number}@${DOMAIN}`);

    // The requester answers the acknowledgment: the reply goes to the thread's address.
    await smtp().sendMail({
      from: 'begona@cliente.example.org', to: ack.headers.get('reply-to'), subject: `Re: ${ack.subject}`,
      text: 'Adjunto el registro.', inReplyTo: ack.messageId, references: ack.messageId,
      attachments: [{ filename: 'registro.txt', content: 'error 42', contentType: 'text/plain' }],
    });
    const emails = await kw('mail.message', 'search_read', [[['model', '=', 'helpdesk.request'], ['res_id', '=', req.id], ['type', '=', 'email']],
      ['body', 'attachment_ids']], { order: 'id' }) as Record<string, unknown>[];
    expect(emails).toHaveLength(2);
    expect(emails[1].body).toContain('Adjunto el registro.');
    expect(emails[1].attachment_ids).toHaveLength(1);
    expect(await kw('helpdesk.request', 'search_count', [[['subject', 'ilike', 'El escáner']]])).toBe(1);
  });

  it('answers 451 (try again later) when its database is missing, and closes its port when stopped', async () => {
    const elsewhere = await startInboundListener({
      config: { ...inbound, database: 'no_such_db' }, registry: t.server.registry, logger: recordingLogger(),
      database: () => t.server.dbm.get('no_such_db'),
    });
    const to = nodemailer.createTransport({ host: '127.0.0.1', port: elsewhere.port, secure: false, ignoreTLS: true });
    await expect(to.sendMail({ from: 'a@cliente.example.org', to: `soporte@${DOMAIN}`, subject: 'x', text: 'x' }))
      .rejects.toMatchObject({ responseCode: 451 });
    await elsewhere.stop();
    await expect(to.sendMail({ from: 'a@cliente.example.org', to: `soporte@${DOMAIN}`, subject: 'x', text: 'x' }))
      .rejects.toMatchObject({ code: 'ESOCKET' });
  });

  it('answers 550 for a message of a served domain that no route accepts', async () => {
    await expect(smtp().sendMail({ from: 'a@cliente.example.org', to: `nadie@${DOMAIN}`, subject: 'Perdido', text: 'x' }))
      .rejects.toMatchObject({ responseCode: 550 });
  });

  it('refuses recipients of other domains at RCPT TO', async () => {
    await expect(smtp().sendMail({ from: 'a@cliente.example.org', to: 'alguien@otro.example.net', subject: 'x', text: 'x' }))
      .rejects.toMatchObject({ responseCode: 550 });
  });

  it('refuses a 20 MB attachment with 552 and saves nothing', async () => {
    const before = await kw('helpdesk.request', 'search_count', [[]]);
    const partners = await kw('res.partner', 'search_count', [[]]);
    await expect(smtp().sendMail({ envelope: { from: 'enorme@cliente.example.org', to: [`soporte@${DOMAIN}`] }, raw: hugeMessage() }))
      .rejects.toMatchObject({ responseCode: 552 });
    expect(await kw('helpdesk.request', 'search_count', [[]])).toBe(before);
    expect(await kw('res.partner', 'search_count', [[]])).toBe(partners);
  });

  it('serves Python: message_process with an xmlrpc.client.Binary, and smtplib to the listener', async () => {
    await expectPythonPasses(['test_mail_gateway'], {
      url: t.url, db: t.db, login: t.login, password: t.password, env: { RPC_SMTP_PORT: String(listener.port) },
    });
  });
});
