// The demonstration database: requests in every state that hold together (a closed request
// has its solution and problems closed, one in development has staffed problems), and demo
// users of each role who can work on them.
import { BACKENDS } from '../../support/backends';
import { helpdeskDbForSuite } from './support';

const STATES = ['draft', 'notified', 'reviewed', 'development', 'testing', 'cancelled', 'closed'];

describe.each(BACKENDS)('helpdesk demo data on %s', (backend) => {
  const h = helpdeskDbForSuite(backend, { demo: true });

  it('has requests in every state, each with a reference', async () => {
    await h.inTransaction(async (t) => {
      const rows = await t.su().model('helpdesk.request').searchRead([], ['name', 'state', 'subject']);
      expect(new Set(rows.map((r) => r.state))).toEqual(new Set(STATES));
      for (const r of rows) expect(r.name).toMatch(/^REQ\/\d{4}\/\d{5}$/);
    });
  });

  it('keeps the manual pre- and postconditions in the demo records', async () => {
    await h.inTransaction(async (t) => {
      const su = t.su();
      const closed = await t.xmlid('helpdesk_master.demo_request_closed');
      const [req] = await su.model('helpdesk.request').read([closed], ['problem_ids', 'solution_ids', 'date_closed']);
      expect(req.date_closed).toBeTruthy();
      const states = async (model: string, ids: unknown) => (await su.model(model).read(ids as number[], ['state'])).map((r) => r.state);
      expect(await states('helpdesk.problem', req.problem_ids)).toEqual(['closed']);
      expect(await states('helpdesk.solution', req.solution_ids)).toEqual(['closed']);
      const dev = await t.xmlid('helpdesk_master.demo_request_development');
      const [d] = await su.model('helpdesk.request').read([dev], ['problem_ids']);
      const problems = await su.model('helpdesk.problem').read(d.problem_ids as number[], ['resource_ids']);
      expect(problems.length).toBeGreaterThan(0);
      for (const p of problems) expect((p.resource_ids as number[]).length).toBeGreaterThan(0);
    });
  });

  it('lets the demo help center and support center carry a demo request on', async () => {
    await h.inTransaction(async (t) => {
      const login = async (name: string) => Number((await t.su().model('res.users').search([['login', '=', name]]))[0]);
      const help = await login('ayuda');
      const support = await login('soporte');
      const notified = await t.xmlid('helpdesk_master.demo_request_notified');
      const env = (uid: number) => t.su().withUser(uid);
      expect(await env(support).model('helpdesk.request').call('signal_workflow', { ids: [notified], signal: 'review' }))
        .toEqual({ [notified]: true });
      const draft = await t.xmlid('helpdesk_master.demo_request_draft');
      expect(await env(help).model('helpdesk.request').call('signal_workflow', { ids: [draft], signal: 'notify' }))
        .toEqual({ [draft]: true });
      const related = await env(help).model('helpdesk.request').call('suggest_related', { id: await t.xmlid('helpdesk_master.demo_request_reviewed') });
      expect((related as { id: number }[]).map((r) => r.id)).toContain(await t.xmlid('helpdesk_master.demo_request_closed'));
    });
  });
});
