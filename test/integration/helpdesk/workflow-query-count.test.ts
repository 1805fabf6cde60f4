// How many statements one workflow signal costs: the record is read once per signal and handed
// to guards and effects, so a close or a plain transition does not re-read the same request.
import { BACKENDS } from '../../support/backends';
import { statementsOf } from '../../support/statements';
import { helpdeskDbForSuite, type Role, type Tx } from './support';

const REQ = 'helpdesk.request';

async function request(t: Tx, who: Role, subject = 'La impresora no imprime') {
  return t.env(who).model(REQ).create({ subject, category: 'technical' });
}
const state = async (t: Tx, model: string, id: number) => (await t.su().model(model).read([id], ['state']))[0].state;
const signal = (t: Tx, who: Role, model: string, id: number, name: string) =>
  t.env(who).model(model).call('signal_workflow', { ids: [id], signal: name });

describe.each(BACKENDS)('statements of a workflow signal on %s', (backend) => {
  const h = helpdeskDbForSuite(backend);

  const statements = async (fn: () => Promise<unknown>): Promise<number> => (await statementsOf(h.db.knex, fn)).length;

  const trackingBodies = async (t: Tx, model: string, id: number) =>
    (await t.su().model('mail.message').searchRead([['model', '=', model], ['res_id', '=', id]], ['body']))
      .map((m) => String(m.body)).filter((b) => b.includes('→'));

  it('cancels a request in at most 17 statements (20 when guards, hooks and tracking each read it)', async () => {
    await h.inTransaction(async (t) => {
      const id = await request(t, 'help');
      await t.env('help').model(REQ).read([id], ['state']);
      expect(await statements(() => signal(t, 'help', REQ, id, 'cancel'))).toBeLessThanOrEqual(17);
      expect(await state(t, REQ, id)).toBe('cancelled');
      expect(await trackingBodies(t, REQ, id)).toEqual(['<p>State: Draft → Cancelled</p>']);
    });
  });

  it('closes a request and its solution in at most 44 statements (53 when each step read the request again)', async () => {
    await h.inTransaction(async (t) => {
      const id = await request(t, 'help');
      await signal(t, 'help', REQ, id, 'notify');
      const solution = await t.env('help').model('helpdesk.solution').create({
        name: 'Cambiar el conmutador', date_deadline: '2030-01-01', request_ids: [[6, 0, [id]]],
      });
      await t.env('help').model(REQ).read([id], ['state']);
      expect(await statements(() => signal(t, 'help', REQ, id, 'close'))).toBeLessThanOrEqual(44);
      expect(await state(t, REQ, id)).toBe('closed');
      expect(await state(t, 'helpdesk.solution', solution)).toBe('closed');
      const [row] = await t.su().model(REQ).read([id], ['date_closed']);
      expect(row.date_closed).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      expect(await trackingBodies(t, REQ, id)).toEqual(expect.arrayContaining(['<p>State: Notified → Closed</p>']));
    });
  });

  it('still refuses a close without a solution and leaves the request as it was', async () => {
    await h.inTransaction(async (t) => {
      const id = await request(t, 'help');
      await t.env('help').model(REQ).read([id], ['state']);
      await expect(signal(t, 'help', REQ, id, 'close')).rejects.toThrow('A solution must be linked before closing the request.');
      expect(await state(t, REQ, id)).toBe('draft');
    });
  });
});
