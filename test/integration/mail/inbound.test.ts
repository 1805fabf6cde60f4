// Incoming mail through mail.thread.message_process over XML-RPC (as the gateway script calls
// it) on the real server: a new mail to the support alias opens a request and is acknowledged,
// a reply lands in the right chatter and notifies the other followers, automatic mail, bounces,
// loops and duplicates create nothing, hostile HTML is defused, an oversized file is refused.
import { BACKENDS } from '../../support/backends';
import { client } from '../../e2e/support/npm-client';
import { startTestServer, type TestServer } from '../../e2e/support/server';
import { MAIL_DEFAULTS } from '../../../src/mail/mail-config';
import { newMessageId, rawMail } from './support/raw-mail';

const ATTACHMENT_LIMIT = 64 * 1024;

describe.each(BACKENDS)('incoming mail over XML-RPC on %s', (backend) => {
  let t: TestServer;
  let rpc: ReturnType<typeof client>;
  let uid: number;

  beforeAll(async () => {
    t = await startTestServer(backend, {
      config: { mail: { ...MAIL_DEFAULTS, inbound: { ...MAIL_DEFAULTS.inbound, maxAttachmentBytes: ATTACHMENT_LIMIT } } },
    });
    rpc = client(t.port);
    uid = await rpc.call('/xmlrpc/common', 'login', t.db, t.login, t.password) as number;
  });
  afterAll(async () => {
    await t?.stop();
  });

  const kw = (model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}) =>
    rpc.call('/xmlrpc/2/object', 'execute_kw', t.db, uid, t.password, model, method, args, kwargs);
  const process7 = (...args: unknown[]) =>
    rpc.call('/xmlrpc/object', 'execute', t.db, uid, t.password, 'mail.thread', 'message_process', ...args);
  const count = (model: string, domain: unknown[] = []) => kw(model, 'search_count', [domain]) as Promise<number>;

  it('opens a request from a new mail to the support alias, with its requester, and acknowledges it', async () => {
    const messageId = newMessageId();
    const raw = rawMail({
      from: 'Iñaki Pérez <inaki@cliente.example.org>', to: 'Soporte <soporte@support.example.com>',
      subject: 'La impresora no imprime: ¿tóner?', text: 'Buenos días,\nla impresora de recepción muestra un error.\nGracias, Iñaki',
      latin1: true, messageId,
    });
    const id = await process7(false, raw) as number;
    expect(typeof id).toBe('number');
    const [req] = await kw('helpdesk.request', 'read', [[id], ['name', 'subject', 'description', 'category', 'partner_id', 'message_follower_ids']]) as Record<string, unknown>[];
    expect(req.subject).toBe('La impresora no imprime: ¿tóner?');
    expect(req.description).toContain('la impresora de recepción muestra un error.');
    expect(req.category).toBe('technical');
    const [partnerId, partnerName] = req.partner_id as [number, string];
    expect(partnerName).toBe('Iñaki Pérez');
    const [partner] = await kw('res.partner', 'read', [[partnerId], ['email']]) as Record<string, unknown>[];
    expect(partner.email).toBe('inaki@cliente.example.org');
    expect(req.message_follower_ids).toContain(partnerId);
    // The email is in the chatter, from the requester.
    const msgs = await kw('mail.message', 'search_read', [[['model', '=', 'helpdesk.request'], ['res_id', '=', id], ['type', '=', 'email']],
      ['author_id', 'subject', 'body', 'message_id']]) as Record<string, unknown>[];
    expect(msgs).toHaveLength(1);
    expect((msgs[0].author_id as [number, string])[0]).toBe(partnerId);
    expect(msgs[0].message_id).toBe(messageId);
    expect(msgs[0].body).toContain('Iñaki');
    // The acknowledgment goes back to the sender with the new reference, threaded under their mail.
    const acks = await kw('mail.mail', 'search_read', [[['res_id', '=', id], ['model', '=', 'helpdesk.request'], ['email_to', 'ilike', 'inaki@cliente']],
      ['subject', 'body_html', 'in_reply_to']]) as Record<string, unknown>[];
    expect(acks).toHaveLength(1);
    expect(acks[0].subject).toBe(`[${String(req.name)}] La impresora no imprime: ¿tóner?`);
    expect(acks[0].body_html).toContain(String(req.name));
    expect(acks[0].in_reply_to).toBe(messageId);
  });

  it('takes the message as an XML-RPC binary on /xmlrpc/2 and creates a record of the given model', async () => {
    const raw = rawMail({ from: 'ana@cliente.example.org', to: 'otra-cosa@support.example.com', subject: 'Petición de ayuda', text: 'Necesito acceso.' });
    const binary = Buffer.from(raw, 'utf8');
    const id = await kw('mail.thread', 'message_process', ['helpdesk.request', binary], { custom_values: { priority: '2' } }) as number;
    const [req] = await kw('helpdesk.request', 'read', [[id], ['subject', 'priority', 'partner_id']]) as Record<string, unknown>[];
    expect(req).toMatchObject({ subject: 'Petición de ayuda', priority: '2' });
    // The same sender writing again is the same partner, not a new one.
    const raw2 = rawMail({ from: 'ANA <Ana@Cliente.example.org>', to: 'otra-cosa@support.example.com', subject: 'Otra', text: 'x' });
    const id2 = await rpc.call('/openerp/xmlrpc/1/object', 'execute', t.db, uid, t.password, 'mail.thread', 'message_process', 'helpdesk.request', raw2) as number;
    const [req2] = await kw('helpdesk.request', 'read', [[id2], ['partner_id']]) as Record<string, unknown>[];
    expect((req2.partner_id as [number, string])[0]).toBe((req.partner_id as [number, string])[0]);
  });

  it('posts a reply to a state-change notification in that request and notifies the other followers', async () => {
    const requester = await kw('res.partner', 'create', [{ name: 'Marta Gómez', email: 'marta@cliente.example.org' }]) as number;
    const colleague = await kw('res.partner', 'create', [{ name: 'Luis', email: 'luis@cliente.example.org' }]) as number;
    const other = await kw('helpdesk.request', 'create', [{ subject: 'Otra', category: 'technical', partner_id: requester }]) as number;
    const id = await kw('helpdesk.request', 'create', [{ subject: 'Correo caído', category: 'technical', partner_id: requester }]) as number;
    await kw('helpdesk.request', 'message_subscribe', [[id], [colleague]]);
    await kw('helpdesk.request', 'signal_workflow', [[id], 'notify']);
    const [notice] = await kw('mail.mail', 'search_read', [[['res_id', '=', id], ['model', '=', 'helpdesk.request'], ['recipient_id', '=', requester]],
      ['message_id']], { order: 'id desc', limit: 1 }) as Record<string, unknown>[];
    const reply = rawMail({
      from: 'Marta Gómez <marta@cliente.example.org>', to: 'notifications@localhost', subject: 'Re: [REQ] Notificada',
      text: 'Sigue sin funcionar desde esta mañana.', inReplyTo: String(notice.message_id), references: String(notice.message_id),
    });
    expect(await process7(false, reply)).toBe(id);
    const [msg] = await kw('mail.message', 'search_read', [[['model', '=', 'helpdesk.request'], ['res_id', '=', id], ['type', '=', 'email']],
      ['author_id', 'body', 'notified_partner_ids', 'parent_id']]) as Record<string, unknown>[];
    expect((msg.author_id as [number, string])[0]).toBe(requester);
    expect(msg.body).toContain('Sigue sin funcionar');
    expect(msg.notified_partner_ids).toContain(colleague);
    expect(msg.notified_partner_ids).not.toContain(requester);
    expect(await count('mail.mail', [['mail_message_id', '=', msg.id], ['recipient_id', '=', colleague]])).toBe(1);
    expect(await count('mail.mail', [['mail_message_id', '=', msg.id], ['recipient_id', '=', requester]])).toBe(0);
    expect(await count('mail.message', [['model', '=', 'helpdesk.request'], ['res_id', '=', other], ['type', '=', 'email']])).toBe(0);
  });

  it('finds the thread by the reply address when the threading headers are gone', async () => {
    const id = await kw('helpdesk.request', 'create', [{ subject: 'Sin cabeceras', category: 'technical' }]) as number;
    const raw = rawMail({ from: 'pepe@cliente.example.org', to: `catchall+helpdesk.request-${id}@support.example.com`, subject: 'Re: algo', text: 'Respuesta.' });
    expect(await process7(false, raw)).toBe(id);
    expect(await count('mail.message', [['model', '=', 'helpdesk.request'], ['res_id', '=', id], ['type', '=', 'email']])).toBe(1);
  });

  it('drops auto-replies, bounces, looped notifications and duplicates without creating anything', async () => {
    const before = await count('helpdesk.request');
    const messagesBefore = await count('mail.message');
    const to = 'soporte@support.example.com';
    const drops = [
      rawMail({ from: 'jefe@cliente.example.org', to, subject: 'Fuera de la oficina', text: 'Vuelvo el lunes', headers: { 'Auto-Submitted': 'auto-replied' } }),
      rawMail({ from: 'jefe@cliente.example.org', to, subject: 'Automatic reply', text: 'Out', headers: { 'X-Auto-Response-Suppress': 'All' } }),
      rawMail({ from: 'MAILER-DAEMON@mx.example.org', to, subject: 'Undelivered Mail Returned to Sender', text: 'failed' }),
      rawMail({ from: 'alguien@cliente.example.org', to, subject: 'Bounce', text: 'x', headers: { 'Return-Path': '<>' } }),
      rawMail({ from: 'Soporte <notifications@localhost>', to, subject: '[REQ/1] Estado cambiado', text: 'loop' }),
    ];
    for (const raw of drops) expect(await process7(false, raw)).toBe(false);
    expect(await count('helpdesk.request')).toBe(before);
    expect(await count('mail.message')).toBe(messagesBefore);
    expect(t.logs.filter((l) => l.includes('Incoming mail dropped')).length).toBeGreaterThanOrEqual(drops.length);

    // The same message twice at the same moment is processed once.
    const twin = rawMail({ from: 'rosa@cliente.example.org', to, subject: 'Duplicado', text: 'Una vez', messageId: newMessageId() });
    const results = await Promise.all([process7(false, twin), process7(false, twin)]);
    expect(results.filter((r) => r === false)).toHaveLength(1);
    expect(results.filter((r) => typeof r === 'number')).toHaveLength(1);
    expect(await process7(false, twin)).toBe(false);
    expect(await count('helpdesk.request', [['subject', '=', 'Duplicado']])).toBe(1);
  });

  it('defuses a hostile HTML body, and sanitises messages posted over RPC the same way', async () => {
    const hostile = '<p>Hola <b>equipo</b></p><script>alert(1)</script><img src="x" onerror="alert(2)">'
      + '<a href="javascript:alert(3)">pulse</a><iframe src="https://evil.example"></iframe><p style="background:url(javascript:alert(4))">fin</p>';
    const raw = rawMail({ from: 'malo@cliente.example.org', to: 'soporte@support.example.com', subject: 'HTML', text: 'Hola equipo', html: hostile });
    const id = await process7(false, raw) as number;
    const [msg] = await kw('mail.message', 'search_read', [[['model', '=', 'helpdesk.request'], ['res_id', '=', id], ['type', '=', 'email']], ['body']]) as Record<string, string>[];
    expect(msg.body).toContain('<b>equipo</b>');
    for (const bad of ['<script', 'onerror', 'javascript:', '<iframe', 'style=']) expect(msg.body).not.toContain(bad);
    const posted = await kw('helpdesk.request', 'message_post', [id], { body: hostile, type: 'comment', subtype: 'mail.mt_comment' }) as number;
    const [post] = await kw('mail.message', 'read', [[posted], ['body']]) as Record<string, string>[];
    for (const bad of ['<script', 'onerror', 'javascript:', '<iframe']) expect(post.body).not.toContain(bad);
    expect(post.body).toContain('<b>equipo</b>');
    // Any html field written over RPC goes through the same sanitiser.
    const created = await kw('mail.message', 'create', [{ model: 'helpdesk.request', res_id: id, body: hostile, type: 'comment' }]) as number;
    const [direct] = await kw('mail.message', 'read', [[created], ['body']]) as Record<string, string>[];
    expect(direct.body).toBe(post.body);
  });

  it('keeps attachments with their names and types, and refuses an oversized one leaving nothing behind', async () => {
    const pdf = Buffer.from('%PDF-1.4 informe');
    const ok = rawMail({ from: 'carla@cliente.example.org', to: 'soporte@support.example.com', subject: 'Con adjunto', text: 'Adjunto el informe.',
      attachments: [{ filename: 'informe técnico.pdf', contentType: 'application/pdf', content: pdf }] });
    const id = await process7(false, ok) as number;
    const files = await kw('ir.attachment', 'search_read', [[['res_model', '=', 'helpdesk.request'], ['res_id', '=', id]], ['name', 'mimetype', 'file_size', 'datas']]) as Record<string, unknown>[];
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ name: 'informe técnico.pdf', mimetype: 'application/pdf', file_size: pdf.length, datas: pdf.toString('base64') });

    const requests = await count('helpdesk.request');
    const partners = await count('res.partner');
    const messageId = newMessageId();
    const big = rawMail({ from: 'nuevo@cliente.example.org', to: 'soporte@support.example.com', subject: 'Muy grande', text: 'x', messageId,
      attachments: [{ filename: 'volcado.bin', contentType: 'application/octet-stream', content: Buffer.alloc(ATTACHMENT_LIMIT + 1, 7) }] });
    // 7.0's legacy path puts the message in the fault code: `warning -- <title>\n\n<message>`.
    const f = await rpc.fault('/xmlrpc/object', 'execute', t.db, uid, t.password, 'mail.thread', 'message_process', false, big);
    expect(String(f.faultCode)).toMatch(/^warning -- Message too big\n\nMessage refused: the attachment "volcado.bin"/);
    expect(String(f.faultCode)).toContain(`${ATTACHMENT_LIMIT} bytes allowed`);
    expect(await count('helpdesk.request')).toBe(requests);
    expect(await count('res.partner')).toBe(partners);
    // Nothing remembered either: once stripped of its attachments, the same message goes through.
    expect(typeof await kw('mail.thread', 'message_process', [false, big], { strip_attachments: true })).toBe('number');
  });

  it('refuses a message no route accepts with the fault gateway scripts recognise', async () => {
    const raw = rawMail({ from: 'x@cliente.example.org', to: 'nadie@support.example.com', subject: 'Perdido', text: 'x' });
    const f = await rpc.fault('/xmlrpc/2/object', 'execute_kw', t.db, uid, t.password, 'mail.thread', 'message_process', [false, raw]);
    // Odoo's gateway script bounces "no such user" on exactly this: code 1 and these words.
    expect(f.faultCode).toBe(1);
    expect(f.faultString).toContain('ValueError: No possible route found');
  });
});
