// The manual's flow across real servers: a help center (HC) notifies requests to a support center
// (SC), which reviews, develops, tests and closes them, or forwards one to a third center (SC2).
// Every change is made over XML-RPC by the center's own staff and mirrored by the sync senders.
import { BACKENDS } from '../../support/backends';
import { link, settle, startCenter, type Center } from './support/centers';

const REQ = 'helpdesk.request';
type Row = Record<string, unknown>;

async function readReq(c: Center, id: number, fields: string[]): Promise<Row> {
  return ((await c.as('admin')(REQ, 'read', [[id], fields])) as Row[])[0];
}
async function byOrigin(c: Center, ref: number): Promise<number> {
  const ids = (await c.as('admin')(REQ, 'search', [[['origin_ref', '=', String(ref)]]])) as number[];
  expect(ids).toHaveLength(1);
  return ids[0];
}
const signal = (c: Center, who: 'ayuda' | 'soporte' | 'admin', id: number, name: string) =>
  c.as(who)(REQ, 'signal_workflow', [[id], name]);

async function notifiedRequest(hc: Center, server: number, subject: string): Promise<number> {
  const id = (await hc.as('ayuda')(REQ, 'create', [{ subject, category: 'technical', support_server_id: server }])) as number;
  await signal(hc, 'ayuda', id, 'notify');
  return id;
}

/** A solution linked to the request, made by `who` at center `c`. */
async function solve(c: Center, who: 'ayuda' | 'soporte', id: number): Promise<void> {
  const sol = await c.as(who)('helpdesk.solution', 'create', [{ name: 'Reinstalar el controlador', date_deadline: '2030-01-01' }]);
  await c.as(who)(REQ, 'write', [[id], { solution_ids: [[4, sol]] }]);
}

async function staffed(sc: Center, id: number): Promise<void> {
  const res = await sc.as('soporte')('helpdesk.resource', 'create', [{ name: 'Técnico', category: 'material', cost: 50 }]);
  const problem = await sc.as('soporte')('helpdesk.problem', 'create', [{
    name: 'Controlador dañado', request_category: 'technical', category: 'installation', resource_ids: [[6, 0, [res]]],
  }]);
  await sc.as('soporte')(REQ, 'write', [[id], { problem_ids: [[4, problem]] }]);
}

async function trackedStates(c: Center, id: number): Promise<string[]> {
  const msgs = (await c.as('admin')('mail.message', 'search_read', [[['model', '=', REQ], ['res_id', '=', id]]],
    { fields: ['body'], order: 'id' })) as Row[];
  return msgs.map((m) => String(m.body)).filter((b) => b.includes('→')).map((b) => b.replace(/<[^>]+>/g, '').replace(/^.*: /, ''));
}

describe.each(BACKENDS)('support centers talking over XML-RPC on %s', (backend) => {
  let hc: Center;
  let sc: Center;
  let sc2: Center;
  let hcToSc: number;
  let scToSc2: number;

  beforeAll(async () => {
    [hc, sc, sc2] = [await startCenter(backend, 'HC'), await startCenter(backend, 'SC'), await startCenter(backend, 'SC2')];
    hcToSc = await link(hc, sc);
    await link(sc, hc);
    scToSc2 = await link(sc, sc2);
    await link(sc2, sc);
  });
  afterAll(async () => {
    for (const c of [hc, sc, sc2]) await c?.stop();
  });

  it('checks a configuration and says what is wrong with it', async () => {
    expect(await hc.as('admin')('helpdesk.server', 'test_connection', [[hcToSc]])).toMatchObject({ ok: true, reason: 'ok', remote_code: 'SC' });
    const bad = async (vals: Row) => {
      const id = await hc.as('admin')('helpdesk.server', 'create', [{
        company_id: 1, code: `X${Object.keys(vals)[0]}`, url: sc.url, database: sc.db, login: 'peer', password: sc.password('peer'), ...vals,
      }]);
      return hc.as('admin')('helpdesk.server', 'test_connection', [[id]]);
    };
    expect(await bad({ url: 'http://127.0.0.1:9' })).toMatchObject({ ok: false, reason: 'unreachable' });
    expect(await bad({ database: 'nosuchdb' })).toMatchObject({ ok: false, reason: 'database' });
    expect(await bad({ password: 'wrong' })).toMatchObject({ ok: false, reason: 'login' });
    expect(await bad({ login: 'ayuda', password: sc.password('ayuda') })).toMatchObject({ ok: false, reason: 'rights' });
    // The password never comes back, whoever asks.
    expect(await hc.as('admin')('helpdesk.server', 'read', [[hcToSc], ['password']])).toEqual([{ id: hcToSc, password: false }]);
  });

  it('mirrors the support center work on the help center, attachments included, until it is closed', async () => {
    const id = (await hc.as('ayuda')(REQ, 'create', [{ subject: 'La impresora no imprime', description: 'Error E-42', category: 'technical', support_server_id: hcToSc }])) as number;
    const file = Buffer.from('%PDF-1.4 informe').toString('base64');
    await hc.as('ayuda')('ir.attachment', 'create', [{ name: 'informe.pdf', datas: file, res_model: REQ, res_id: id }]);
    await signal(hc, 'ayuda', id, 'notify');
    await settle([hc, sc]);

    const remote = await byOrigin(sc, id);
    expect(await readReq(sc, remote, ['state', 'subject', 'description', 'origin_chain'])).toMatchObject({
      state: 'notified', subject: 'La impresora no imprime', description: 'Error E-42', origin_chain: `HC:${id}`,
    });
    expect((await readReq(hc, id, ['remote_ref'])).remote_ref).toBe(String(remote));
    const files = (await sc.as('admin')('ir.attachment', 'search_read', [[['res_model', '=', REQ], ['res_id', '=', remote]]], { fields: ['name', 'datas'] })) as Row[];
    expect(files).toEqual([expect.objectContaining({ name: 'informe.pdf', datas: file })]);

    // The help center shows the support center's states; it cannot make them itself.
    await expect(signal(hc, 'admin', id, 'review')).rejects.toMatchObject({ faultString: expect.stringMatching(/another support center/) });
    await signal(sc, 'soporte', remote, 'review');
    await settle([hc, sc]);
    expect((await readReq(hc, id, ['state'])).state).toBe('reviewed');

    await staffed(sc, remote);
    await signal(sc, 'soporte', remote, 'develop');
    await signal(sc, 'soporte', remote, 'test');
    await solve(sc, 'soporte', remote);
    await signal(sc, 'soporte', remote, 'close');
    await settle([hc, sc]);
    expect(await readReq(hc, id, ['state'])).toMatchObject({ state: 'closed' });
    expect(await trackedStates(hc, id)).toEqual([
      'Draft → Notified', 'Notified → Reviewed', 'Reviewed → Development', 'Development → Testing', 'Testing → Closed',
    ]);
    // Nothing bounced back: the support center sent four changes and received none.
    expect(await trackedStates(sc, remote)).toEqual([
      'Notified → Reviewed', 'Reviewed → Development', 'Development → Testing', 'Testing → Closed',
    ]);
  });

  it('mirrors the help center cancel on the support center, and a new notify after a reset', async () => {
    const id = await notifiedRequest(hc, hcToSc, 'Ya no hace falta');
    await settle([hc, sc]);
    const remote = await byOrigin(sc, id);
    await signal(hc, 'ayuda', id, 'cancel');
    await settle([hc, sc]);
    expect((await readReq(sc, remote, ['state'])).state).toBe('cancelled');
    await signal(hc, 'ayuda', id, 'reset');
    await hc.as('ayuda')(REQ, 'write', [[id], { subject: 'Hace falta otra vez' }]);
    await signal(hc, 'ayuda', id, 'notify');
    await settle([hc, sc]);
    expect(await readReq(sc, remote, ['state', 'subject'])).toMatchObject({ state: 'notified', subject: 'Hace falta otra vez' });
    expect(await byOrigin(sc, id)).toBe(remote);
  });

  it('mirrors a close made by the help center on the support center', async () => {
    const id = await notifiedRequest(hc, hcToSc, 'Se resolvió solo');
    await settle([hc, sc]);
    const remote = await byOrigin(sc, id);
    await signal(sc, 'soporte', remote, 'review');
    await settle([hc, sc]);
    await solve(hc, 'ayuda', id);
    await signal(hc, 'ayuda', id, 'close');
    await settle([hc, sc]);
    expect((await readReq(sc, remote, ['state'])).state).toBe('closed');
    expect((await readReq(hc, id, ['state'])).state).toBe('closed');
    expect(await trackedStates(hc, id)).toEqual(['Draft → Notified', 'Notified → Reviewed', 'Reviewed → Closed']);
  });

  it('forwards to a third center, keeps the chain of origins, and relays both ways', async () => {
    const id = await notifiedRequest(hc, hcToSc, 'Fallo en el módulo de nóminas');
    await settle([hc, sc]);
    const atSc = await byOrigin(sc, id);
    await sc.as('soporte')(REQ, 'forward', [[atSc], scToSc2]);
    await settle([hc, sc, sc2]);
    const atSc2 = await byOrigin(sc2, atSc);
    expect(await readReq(sc2, atSc2, ['state', 'origin_chain'])).toMatchObject({ state: 'notified', origin_chain: `HC:${id}/SC:${atSc}` });

    await signal(sc2, 'soporte', atSc2, 'review');
    await settle([hc, sc, sc2]);
    expect((await readReq(sc, atSc, ['state'])).state).toBe('reviewed');
    expect((await readReq(hc, id, ['state'])).state).toBe('reviewed');

    await signal(hc, 'ayuda', id, 'cancel');
    await settle([hc, sc, sc2]);
    expect((await readReq(sc, atSc, ['state'])).state).toBe('cancelled');
    expect((await readReq(sc2, atSc2, ['state'])).state).toBe('cancelled');
    // Each center saw each change once.
    expect(await trackedStates(sc2, atSc2)).toEqual(['Notified → Reviewed', 'Reviewed → Cancelled']);
    expect(await trackedStates(hc, id)).toEqual(['Draft → Notified', 'Notified → Reviewed', 'Reviewed → Cancelled']);
  });

  it('shows each peer state on its server configuration', async () => {
    const [row] = (await hc.as('admin')('helpdesk.server', 'read', [[hcToSc],
      ['sync_status', 'sync_last_success', 'sync_pending_count', 'sync_failed_count']])) as Row[];
    expect(row).toMatchObject({ sync_status: 'ok', sync_pending_count: 0, sync_failed_count: 0 });
    expect(row.sync_last_success).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('never writes a peer password in a log', () => {
    for (const c of [hc, sc, sc2]) {
      const logs = c.logs.join('\n');
      expect(logs).toContain(c.db);
      for (const other of [hc, sc, sc2]) expect(logs).not.toContain(other.password('peer'));
    }
  });
});
