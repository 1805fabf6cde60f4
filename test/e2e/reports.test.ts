// PDF reports through the report service, on SQLite and PostgreSQL, read back with pdftotext as
// a person would read them: references, subjects, labels in the reader's language, accents, only
// what the reader may see; the 7.0 job path and render_report give the same document; refusals
// and wrong calls give the protocol's faults. The web session's download route gives the same bytes.
import { BACKENDS } from '../support/backends';
import { pdfPages, pdfText } from '../support/pdf-text';
import { JsonClient } from './support/json-client';
import { client } from './support/npm-client';
import { expectPythonPasses } from './support/python';
import { DESCRIPTION, PERSON, seedReportData, SUBJECT, TASK, type ReportData } from './support/report-data';
import { startTestServer, type TestServer } from './support/server';

type Login = 'ayuda' | 'soporte' | 'responsable';

describe.each(BACKENDS)('PDF reports on %s', (backend) => {
  let t: TestServer;
  let d: ReportData;
  let rpc: ReturnType<typeof client>;

  beforeAll(async () => {
    t = await startTestServer(backend, { demo: true });
    rpc = client(t.port);
    d = await seedReportData(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const render = async (login: Login, name: string, ids: number[], opts: { lang?: string; datas?: object; path?: string; tz?: string } = {}) => {
    const answer = await rpc.call(`${opts.path ?? '/xmlrpc/2'}/report`, 'render_report', t.db, d.uids[login], login, name, ids,
      opts.datas ?? {}, { lang: opts.lang ?? 'es_ES', ...(opts.tz ? { tz: opts.tz } : {}) }) as { state: boolean; result: string; format: string };
    expect(answer.format).toBe('pdf');
    expect(answer.state).toBe(true);
    return Buffer.from(answer.result, 'base64');
  };
  const text = async (login: Login, name: string, ids: number[], opts: { lang?: string; datas?: object; tz?: string } = {}) =>
    pdfText(await render(login, name, ids, opts));

  it('lists what can be printed for a model, as ir.actions.report.xml and as ir.actions.report', async () => {
    const names = { es_ES: ['Estadísticas de soporte', 'Listado de solicitudes', 'Solicitud de servicio'],
      en_US: ['Request list', 'Service request', 'Support statistics'] };
    for (const model of ['ir.actions.report.xml', 'ir.actions.report']) {
      for (const [lang, expected] of Object.entries(names)) {
        const rows = await rpc.call('/xmlrpc/2/object', 'execute_kw', t.db, d.uids.ayuda, 'ayuda', model, 'search_read',
          [[['model', '=', 'helpdesk.request']]], { fields: ['name', 'model', 'report_name', 'report_type'], context: { lang } }) as Record<string, unknown>[];
        expect(rows.map((r) => r.report_name).sort()).toEqual(['helpdesk.request', 'helpdesk.request.list', 'helpdesk.request.statistics']);
        expect(rows.every((r) => r.report_type === 'pdf' && r.model === 'helpdesk.request')).toBe(true);
        expect(rows.map((r) => r.name).sort()).toEqual(expected);
      }
    }
  });

  it('prints a request in Spanish with its reference, subject, labels and accents intact', async () => {
    const out = await text('ayuda', 'helpdesk.request', [d.request]);
    expect(out).toContain(`Solicitud de servicio ${d.reference}`);
    expect(out).toContain(SUBJECT);
    expect(out).toContain(DESCRIPTION);
    expect(out).toMatch(/Estado\s+Revisada/);
    expect(out).toContain('Asistencia técnica');
    expect(out).toContain('Ñandú Logística S.A.');
    expect(out).toContain(TASK);
    expect(out).toContain(PERSON);
    expect(out).toContain('Actualizar el controlador térmico');
    expect(out).toContain('Historial de mensajes');
    expect(out).toContain('confirmó que el problema sigue ocurriendo');
  });

  it('prints the same request in English for an English reader', async () => {
    const out = await text('ayuda', 'helpdesk.request', [d.request], { lang: 'en_US' });
    expect(out).toContain(`Service request ${d.reference}`);
    expect(out).toMatch(/State\s+Reviewed/);
    expect(out).toContain('Technical assistance');
    expect(out).not.toContain('Revisada');
    expect(out).toContain(SUBJECT);
  });

  it("prints the request's date in the reader's timezone", async () => {
    const [row] = await rpc.call('/xmlrpc/2/object', 'execute_kw', t.db, d.uids.ayuda, 'ayuda', 'helpdesk.request', 'read',
      [[d.request], ['date']]) as { date: string }[];
    const at = new Date(`${row.date.replace(' ', 'T')}Z`);
    const hhmm = (tz: string) => new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
    // Tokyo is nine hours ahead of UTC all year, so the two prints differ whatever the hour.
    const utc = await text('ayuda', 'helpdesk.request', [d.request], { lang: 'en_US', tz: 'UTC' });
    const tokyo = await text('ayuda', 'helpdesk.request', [d.request], { lang: 'en_US', tz: 'Asia/Tokyo' });
    expect(utc).toContain(hhmm('UTC'));
    expect(tokyo).toContain(hhmm('Asia/Tokyo'));
    expect(tokyo).not.toContain(`${hhmm('UTC')}\n`);
  });

  it('prints salaries for managers only', async () => {
    const manager = await text('responsable', 'helpdesk.request', [d.request]);
    expect(manager).toContain('Salario');
    expect(manager).toContain('2.500,50');
    for (const login of ['ayuda', 'soporte'] as const) {
      const out = await text(login, 'helpdesk.request', [d.request]);
      expect(out).toContain(PERSON);
      expect(out).not.toContain('Salario');
      expect(out).not.toContain('2.500,50');
      expect(out).not.toContain('2500');
    }
  });

  it('prints several requests in one PDF, each from a page of its own', async () => {
    const pdf = await render('ayuda', 'helpdesk.request', [d.request, d.secondRequest]);
    const pages = await pdfPages(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(await pdfText(pdf, { first: 1, last: 1 })).toContain(SUBJECT);
    const rest = await pdfText(pdf, { first: 2, last: pages });
    expect(rest).toContain('Acceso lento al módulo de facturación');
  });

  it('prints a solution with the requests it solves', async () => {
    const out = await text('ayuda', 'helpdesk.solution', [d.solution]);
    expect(out).toContain('Solución: Actualizar el controlador térmico');
    expect(out).toContain('Instalación del controlador versión 2.1');
    expect(out).toContain(d.reference);
    expect(out).toContain('Borrador');
  });

  it('lists the requests a domain finds among those the reader may read', async () => {
    const help = await text('ayuda', 'helpdesk.request.list', [], { datas: { domain: [['category', '=', 'technical']] } });
    expect(help).toContain('Listado de solicitudes');
    expect(help).toContain(d.reference);
    expect(help).not.toContain('Acceso lento al módulo de facturación');
    expect(help).not.toContain('Solicitud de otro centro');
    const support = await text('soporte', 'helpdesk.request.list', [], { datas: { domain: [['category', '=', 'technical']] } });
    expect(support).toContain('Solicitud de otro centro');
  });

  it('prints the statistics with their tables and charts in the reader\'s language', async () => {
    const es = await text('responsable', 'helpdesk.request.statistics', [d.request, d.secondRequest, d.otherCenterRequest]);
    expect(es).toContain('Estadísticas de soporte');
    expect(es).toContain('Solicitudes listadas: 3');
    expect(es).toContain('Solicitudes por estado y categoría');
    expect(es).toMatch(/Revisada\s+1\s+0\s+0\s+1/);
    expect(es).toContain('Solicitudes abiertas y cerradas por mes');
    // Every request the manager may read, the demo's closed one among them: closing times are figures.
    const all = await text('responsable', 'helpdesk.request.statistics', []);
    expect(all).toMatch(/Tiempo medio de\s+cierre\s+\d+(,\d)? (días|horas)/);
    expect(all).toMatch(/Percentil 90 del\s+tiempo de\s+cierre\s+\d+(,\d)? (días|horas)/);
    const en = await text('responsable', 'helpdesk.request.statistics', [d.request], { lang: 'en_US' });
    expect(en).toContain('Requests by state and category');
    expect(en).toContain('Reviewed');
  });

  it('gives the same document through report and report_get on the 7.0 path as through render_report', async () => {
    const direct = await render('ayuda', 'helpdesk.request', [d.request], { path: '/xmlrpc' });
    const id = await rpc.call('/xmlrpc/report', 'report', t.db, d.uids.ayuda, 'ayuda', 'helpdesk.request', [d.request],
      { model: 'helpdesk.request', id: d.request, ids: [d.request], report_type: 'pdf' }, { lang: 'es_ES' }) as number;
    expect(typeof id).toBe('number');
    let answer: { state: boolean; result?: string; format?: string } = { state: false };
    for (let i = 0; i < 200 && !answer.state; i++) {
      answer = await rpc.call('/xmlrpc/report', 'report_get', t.db, d.uids.ayuda, 'ayuda', id) as typeof answer;
      if (!answer.state) await new Promise((r) => setTimeout(r, 50));
    }
    expect(answer.format).toBe('pdf');
    expect(Buffer.from(answer.result ?? '', 'base64').equals(direct)).toBe(true);
    // Handed over once: the id is then unknown.
    const again = await rpc.fault('/xmlrpc/report', 'report_get', t.db, d.uids.ayuda, 'ayuda', id);
    expect(again.faultCode).toBe('ReportNotFound');
  });

  it('refuses a record the reader may not read with the access fault of each path', async () => {
    const args = [t.db, d.uids.ayuda, 'ayuda', 'helpdesk.request', [d.request, d.otherCenterRequest], {}, {}];
    const odoo = await rpc.fault('/xmlrpc/2/report', 'render_report', ...args);
    expect(odoo.faultCode).toBe(4);
    expect(odoo.faultString).toContain('security restrictions');
    const legacy = await rpc.fault('/xmlrpc/report', 'report', ...args);
    expect(legacy.faultCode).toMatch(/^warning -- AccessError\n\n.*security restrictions/s);
    const v7 = await rpc.fault('/openerp/xmlrpc/1/report', 'render_report', ...args);
    expect(v7.faultCode).toBe(2);
  });

  it('answers unknown reports, bad ids, wrong passwords and other users\' jobs with faults', async () => {
    const unknown = await rpc.fault('/xmlrpc/report', 'render_report', t.db, d.uids.ayuda, 'ayuda', 'no.such.report', [d.request]);
    expect(unknown.faultCode).toMatch(/^warning -- Report Error\n\nReport no\.such\.report is not available/);
    const badIds = await rpc.fault('/xmlrpc/2/report', 'render_report', t.db, d.uids.ayuda, 'ayuda', 'helpdesk.request', ['x']);
    expect(badIds.faultString).toMatch(/ValueError: Invalid record id 'x'/);
    const missing = await rpc.fault('/xmlrpc/2/report', 'render_report', t.db, d.uids.ayuda, 'ayuda', 'helpdesk.request', [999999]);
    expect(missing.faultString).toContain('Record does not exist');
    const wrong = await rpc.fault('/xmlrpc/report', 'report', t.db, d.uids.ayuda, 'wrong', 'helpdesk.request', [d.request]);
    expect(wrong.faultCode).toBe('AccessDenied');
    const id = await rpc.call('/xmlrpc/2/report', 'report', t.db, d.uids.ayuda, 'ayuda', 'helpdesk.request', [d.request]);
    const stranger = await rpc.fault('/xmlrpc/2/report', 'report_get', t.db, d.uids.soporte, 'soporte', id);
    expect(stranger.faultCode).toBe(3);
    const never = await rpc.fault('/xmlrpc/report', 'report_get', t.db, d.uids.ayuda, 'ayuda', 424242);
    expect(never.faultCode).toBe('ReportNotFound');
    // The server keeps serving.
    expect(await rpc.call('/xmlrpc/2/common', 'version')).toMatchObject({ server_version: '7.0' });
  });

  it('serves Python xmlrpc.client scripts the same reports and faults', async () => {
    await expectPythonPasses(['test_reports'], {
      url: t.url, db: t.db, login: 'ayuda', password: 'ayuda',
      env: { REPORT_REQUEST_ID: String(d.request), REPORT_REFERENCE: d.reference, REPORT_OTHER_ID: String(d.otherCenterRequest) },
    });
  });

  describe('over HTTP with the web session', () => {
    const session = async (login: Login) => {
      const web = new JsonClient(t.url);
      await web.call('/web/session/authenticate', { db: t.db, login, password: login });
      expect(web.cookie).toBeTruthy();
      return web;
    };
    const get = (path: string, cookie?: string | null) => fetch(`${t.url}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
    const context = encodeURIComponent(JSON.stringify({ lang: 'es_ES' }));

    it('serves /report/pdf/<report_name>/<ids> with the same bytes as the report service', async () => {
      const web = await session('ayuda');
      const res = await get(`/report/pdf/helpdesk.request/${d.request},${d.secondRequest}?context=${context}`, web.cookie);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const pdf = Buffer.from(await res.arrayBuffer());
      expect(pdf.equals(await render('ayuda', 'helpdesk.request', [d.request, d.secondRequest]))).toBe(true);
      expect(await pdfText(pdf)).toContain(SUBJECT);
    });

    it('serves /report/html/... as a page showing that PDF', async () => {
      const web = await session('ayuda');
      const res = await get(`/report/html/helpdesk.request/${d.request}`, web.cookie);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain(`data="/report/pdf/helpdesk.request/${d.request}"`);
    });

    it('refuses without a session, on a refused record, on bad ids and on an unknown report', async () => {
      expect((await get(`/report/pdf/helpdesk.request/${d.request}`)).status).toBe(401);
      const web = await session('ayuda');
      const refused = await get(`/report/pdf/helpdesk.request/${d.otherCenterRequest}`, web.cookie);
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain('security restrictions');
      expect((await get('/report/pdf/helpdesk.request/1;DROP', web.cookie)).status).toBe(400);
      expect((await get(`/report/pdf/no.such.report/${d.request}`, web.cookie)).status).toBe(400);
    });
  });
});
