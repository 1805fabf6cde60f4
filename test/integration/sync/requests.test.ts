// Requests between centers, on one real database playing each side in turn: what notifying
// queues, what a peer's messages do here (created once, states applied through the workflow and
// posted), forwarding along a chain of origins, and that no change goes back where it came from.
import { AccessError, UserError } from '../../../src/errors';
import { BACKENDS } from '../../support/backends';
import { openHelpdeskDb, type HelpdeskDb, type Tx } from '../helpdesk/support';
import { newStruct, type RpcStruct } from '../../../src/values';

const REQ = 'helpdesk.request';
let serial = 0;
let company = 0;

async function server(t: Tx, code: string): Promise<number> {
  return t.su().model('helpdesk.server').create({
    company_id: company, code, url: 'http://127.0.0.1:9', database: 'db', login: 'peer', password: `pw-${code}`,
  });
}

function envelope(from: string, kind: string, data: Record<string, unknown>, key = `key-${process.pid}-${++serial}`): RpcStruct {
  return Object.assign(newStruct(), { key, from, stream: `helpdesk.request,${String(data.ref)}`, kind, data: Object.assign(newStruct(), data) });
}

const receive = (t: Tx, ...messages: RpcStruct[]) =>
  t.call('peer', REQ, 'sync_receive', [messages]) as Promise<{ key: string; status: string; result: { ref?: number }; error: string | false }[]>;

async function queued(t: Tx): Promise<{ peer_id: number; kind: string; data: Record<string, unknown>; reply_field: string | null }[]> {
  const rows = await t.su().cr('sync_outbox').orderBy('id').select('peer_id', 'kind', 'payload', 'reply_field');
  return rows.map((r) => ({ peer_id: Number(r.peer_id), kind: r.kind, data: JSON.parse(r.payload), reply_field: r.reply_field }));
}

const signal = (t: Tx, who: 'help' | 'support' | 'admin', id: number, name: string) =>
  t.env(who).model(REQ).call('signal_workflow', { ids: [id], signal: name });
const read = async (t: Tx, id: number, fields: string[]) => (await t.su().model(REQ).read([id], fields))[0];

describe.each(BACKENDS)('requests between centers on %s', (backend) => {
  let h: HelpdeskDb;
  beforeAll(async () => {
    h = await openHelpdeskDb(backend);
    company = h.mainCompany;
  });
  afterAll(async () => {
    await h?.db.destroy();
  });

  it('queues the whole request for the support center when it is notified, then its cancel', async () => {
    await h.inTransaction(async (t) => {
      const sc = await server(t, 'SC');
      const partner = await t.su().model('res.partner').create({ name: 'Ana Pérez', email: 'ana@example.com' });
      const id = await t.env('help').model(REQ).create({
        subject: 'La impresora no imprime', description: 'Desde ayer', category: 'technical', partner_id: partner, support_server_id: sc,
      });
      await t.su().model('ir.attachment').create({
        name: 'error.txt', datas: Buffer.from('E-42').toString('base64'), res_model: REQ, res_id: id,
      });
      expect(await queued(t)).toEqual([]);
      await signal(t, 'help', id, 'notify');
      const [push] = await queued(t);
      expect(push).toMatchObject({ peer_id: sc, kind: 'push', reply_field: 'remote_ref' });
      expect(push.data).toMatchObject({
        ref: id, subject: 'La impresora no imprime', description: 'Desde ayer', category: 'technical',
        partner_name: 'Ana Pérez', partner_email: 'ana@example.com', chain: '',
      });
      expect(push.data.attachments).toEqual([expect.objectContaining({ name: 'error.txt', datas: Buffer.from('E-42').toString('base64') })]);
      expect((await read(t, id, ['sync_sent'])).sync_sent).toBe(true);
      await signal(t, 'help', id, 'cancel');
      expect((await queued(t))[1]).toMatchObject({ peer_id: sc, kind: 'state', data: { ref: id, state: 'cancelled', direction: 'down' } });
      // Once sent, the support center of the request stays the one it was sent to.
      await expect(t.env('help').model(REQ).write([id], { support_server_id: await server(t, 'SC2') })).rejects.toThrow(UserError);
    });
  });

  it('queues nothing for a request notified without a support center', async () => {
    await h.inTransaction(async (t) => {
      const id = await t.env('help').model(REQ).create({ subject: 'Local', category: 'functional' });
      await signal(t, 'help', id, 'notify');
      await signal(t, 'help', id, 'cancel');
      expect(await queued(t)).toEqual([]);
    });
  });

  it('creates a pushed request once, in state notified, with where it came from', async () => {
    await h.inTransaction(async (t) => {
      const hc = await server(t, 'HC');
      const push = envelope('HC', 'push', {
        ref: 41, reference: 'REQ/2026/00041', chain: '', subject: 'No arranca', description: 'Pantalla azul', category: 'technical',
        partner_name: 'Luis Gómez', partner_email: 'luis@example.com',
        attachments: [Object.assign(newStruct(), { name: 'foto.png', datas: Buffer.from('PNG').toString('base64'), mimetype: 'image/png' })],
      });
      const [first] = await receive(t, push);
      expect(first.status).toBe('applied');
      const id = Number(first.result.ref);
      const row = await read(t, id, ['state', 'origin_server_id', 'origin_ref', 'origin_chain', 'subject', 'partner_id', 'user_id']);
      expect(row).toMatchObject({ state: 'notified', origin_ref: '41', origin_chain: 'HC:41', subject: 'No arranca', user_id: false });
      expect((row.origin_server_id as [number, string])[0]).toBe(hc);
      const [partner] = await t.su().model('res.partner').read([(row.partner_id as [number, string])[0]], ['email']);
      expect(partner.email).toBe('luis@example.com');
      const files = await t.su().model('ir.attachment').searchRead([['res_model', '=', REQ], ['res_id', '=', id]], ['name', 'datas']);
      expect(files).toEqual([expect.objectContaining({ name: 'foto.png', datas: Buffer.from('PNG').toString('base64') })]);
      const posted = await t.su().model('mail.message').searchRead([['model', '=', REQ], ['res_id', '=', id]], ['body']);
      expect(posted.map((m) => m.body).join(' ')).toContain('Received from center HC (reference REQ/2026/00041)');
      // The same message again (our answer was lost): nothing new, the same answer.
      const [again] = await receive(t, push);
      expect(again).toMatchObject({ status: 'duplicate', result: { ref: id } });
      expect(await t.su().model(REQ).search([['origin_ref', '=', '41']])).toEqual([id]);
      // Receiving makes nothing to send back.
      expect(await queued(t)).toEqual([]);
    });
  });

  it('refuses messages from anyone but a peer or a manager, and from unknown centers', async () => {
    await h.inTransaction(async (t) => {
      await server(t, 'HC');
      const push = envelope('HC', 'push', { ref: 5, subject: 'x', category: 'technical' });
      await expect(t.call('help', REQ, 'sync_receive', [[push]])).rejects.toThrow(AccessError);
      await expect(t.call('support', REQ, 'sync_hello', [])).rejects.toThrow(AccessError);
      expect(await t.call('peer', REQ, 'sync_hello', [])).toEqual({ code: 'MAIN', protocol: 1 });
      // Once the configuration names the login that center uses here, only that login may speak for it.
      const [hc] = await t.su().model('helpdesk.server').search([['code', '=', 'HC']]);
      await t.su().model('helpdesk.server').write([hc], { peer_user_id: h.uids.manager });
      const [impostor] = await receive(t, push);
      expect(impostor.status).toBe('refused');
      expect(impostor.error).toMatch(/Messages of center "HC" come from another login/);
      await t.su().model('helpdesk.server').write([hc], { peer_user_id: h.uids.peer });
      expect((await receive(t, push))[0].status).toBe('applied');
      const [stranger] = await receive(t, envelope('XX', 'push', { ref: 5, subject: 'x', category: 'technical' }));
      expect(stranger.status).toBe('refused');
      expect(stranger.error).toMatch(/No active server configuration has the code "XX"/);
      expect(await t.su().model(REQ).search([['origin_ref', '=', '5']])).toHaveLength(1);
    });
  });

  it('applies the support center states through the workflow, posts them, and sends none back', async () => {
    await h.inTransaction(async (t) => {
      const sc = await server(t, 'SC');
      const id = await t.env('help').model(REQ).create({ subject: 'Lento', category: 'functional', support_server_id: sc });
      await signal(t, 'help', id, 'notify');
      const before = (await queued(t)).length;
      const up = (state: string) => envelope('SC', 'state', { ref: 77, target: id, state, direction: 'up' });
      const results = await receive(t, up('reviewed'), up('development'), up('testing'), up('closed'));
      expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
      const row = await read(t, id, ['state', 'remote_ref', 'date_closed']);
      expect(row).toMatchObject({ state: 'closed', remote_ref: '77' });
      // The close transition's effects ran here too.
      expect(row.date_closed).toBeTruthy();
      const posted = await t.su().model('mail.message').searchRead([['model', '=', REQ], ['res_id', '=', id]], ['body']);
      expect(posted.map((m) => String(m.body)).filter((b) => /→/.test(b))).toHaveLength(5);
      expect(await queued(t)).toHaveLength(before);
    });
  });

  it('takes review, development and testing of a request it sent only from its support center', async () => {
    await h.inTransaction(async (t) => {
      const sc = await server(t, 'SC');
      const id = await t.env('help').model(REQ).create({ subject: 'Lento', category: 'functional', support_server_id: sc });
      await signal(t, 'help', id, 'notify');
      await expect(signal(t, 'admin', id, 'review')).rejects.toThrow(/handled by another support center/);
      expect((await read(t, id, ['state'])).state).toBe('notified');
      // A state for a request the peer was never sent is refused, and so is the rest of its stream.
      const [wrong, after] = await receive(t,
        envelope('SC', 'state', { ref: 9, target: id + 1000, state: 'reviewed', direction: 'up' }),
        Object.assign(envelope('SC', 'state', { ref: 9, target: id + 1000, state: 'testing', direction: 'up' })));
      expect(wrong.status).toBe('refused');
      expect(after.status).toBe('skipped');
    });
  });

  it('forwards along a chain of origins and relays changes to the other side only', async () => {
    await h.inTransaction(async (t) => {
      const hc = await server(t, 'HC');
      const sc2 = await server(t, 'SC2');
      const [pushed] = await receive(t, envelope('HC', 'push', { ref: 41, chain: 'H0:3', subject: 'Error', category: 'development' }));
      const id = Number(pushed.result.ref);
      expect((await read(t, id, ['origin_chain'])).origin_chain).toBe('H0:3/HC:41');
      await expect(t.env('help').model(REQ).call('forward', { ids: [id], support_server_id: sc2 })).rejects.toThrow(AccessError);
      await expect(t.env('support').model(REQ).call('forward', { ids: [id], support_server_id: hc })).rejects.toThrow(/circle/);
      await t.env('support').model(REQ).call('forward', { ids: [id], support_server_id: sc2 });
      let out = await queued(t);
      expect(out).toHaveLength(1);
      expect(out[0]).toMatchObject({ peer_id: sc2, kind: 'push', data: { ref: id, chain: 'H0:3/HC:41', subject: 'Error' } });
      // SC2 reviews: mirrored here and passed up to HC, not back to SC2.
      await receive(t, envelope('SC2', 'state', { ref: 500, target: id, state: 'reviewed', direction: 'up' }));
      out = await queued(t);
      expect(out.slice(1)).toEqual([expect.objectContaining({ peer_id: hc, kind: 'state', data: { ref: id, target: 41, state: 'reviewed', direction: 'up' } })]);
      // HC cancels: mirrored here and passed down to SC2, not back to HC.
      await receive(t, envelope('HC', 'state', { ref: 41, state: 'cancelled', direction: 'down' }));
      out = await queued(t);
      expect(out.slice(2)).toEqual([expect.objectContaining({ peer_id: sc2, kind: 'state', data: expect.objectContaining({ state: 'cancelled', direction: 'down' }) })]);
      expect((await read(t, id, ['state'])).state).toBe('cancelled');
    });
  });

  it('keeps peer passwords encrypted, unreadable, and reports the peer state on the configuration', async () => {
    await h.inTransaction(async (t) => {
      const sc = await server(t, 'SC');
      const [raw] = await t.su().cr('helpdesk_server').where({ id: sc }).select('password');
      expect(raw.password).toMatch(/^\$sync-aes256gcm\$/);
      expect(raw.password).not.toContain('pw-SC');
      const [row] = await t.env('manager').model('helpdesk.server').read([sc], ['password', 'sync_status', 'sync_pending_count']);
      expect(row).toMatchObject({ password: false, sync_status: 'ok', sync_pending_count: 0 });
      const id = await t.env('help').model(REQ).create({ subject: 'x', category: 'technical', support_server_id: sc });
      await signal(t, 'help', id, 'notify');
      const [after] = await t.env('manager').model('helpdesk.server').read([sc], ['sync_pending_count']);
      expect(after.sync_pending_count).toBe(1);
      const report = await t.env('manager').model('helpdesk.server').call('test_connection', { ids: [sc] });
      expect(report).toMatchObject({ ok: false, reason: 'unreachable' });
      await expect(t.env('support').model('helpdesk.server').call('test_connection', { ids: [sc] })).rejects.toThrow(AccessError);
    });
  });
});
