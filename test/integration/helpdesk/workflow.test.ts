// Requests, problems and solutions moving through their workflows on a real database: the
// reference, the readonly state, refusals in the user's language, the review-only problems,
// the read-only closed request and both cascades of the manual's section 6.
import { AccessError, MissingError, UserError, ValidationError } from '../../../src/errors';
import { BACKENDS } from '../../support/backends';
import { helpdeskDbForSuite, type Role, type Tx } from './support';

const REQ = 'helpdesk.request';

async function request(t: Tx, who: Role, subject = 'La impresora no imprime', extra: Record<string, unknown> = {}) {
  return t.env(who).model(REQ).create({ subject, category: 'technical', ...extra });
}
const state = async (t: Tx, model: string, id: number) => (await t.su().model(model).read([id], ['state']))[0].state;
const signal = (t: Tx, who: Role | 'admin', model: string, id: number, name: string, lang = 'en_US') =>
  t.env(who, { lang }).model(model).call('signal_workflow', { ids: [id], signal: name });

async function staffedProblem(t: Tx): Promise<number> {
  const resource = await t.env('support').model('helpdesk.resource').create({ name: 'Técnico externo', category: 'material', cost: 80 });
  return t.env('support').model('helpdesk.problem').create({
    name: 'Falta el controlador', request_category: 'technical', category: 'installation', resource_ids: [[6, 0, [resource]]],
  });
}

describe.each(BACKENDS)('helpdesk workflows on %s', (backend) => {
  const h = helpdeskDbForSuite(backend);

  it('numbers requests from the sequence and starts them in draft', async () => {
    await h.inTransaction(async (t) => {
      const a = await request(t, 'help');
      const b = await request(t, 'help');
      const rows = await t.env('help').model(REQ).read([a, b], ['name', 'state']);
      const year = new Date().getUTCFullYear();
      expect(rows.map((r) => r.name)).toEqual([`REQ/${year}/00001`, `REQ/${year}/00002`]);
      expect(rows.map((r) => r.state)).toEqual(['draft', 'draft']);
    });
  });

  it('never lets a client write the state, on create or on write', async () => {
    await h.inTransaction(async (t) => {
      const id = await request(t, 'help');
      await expect(t.env('help').model(REQ).write([id], { state: 'closed' })).rejects.toThrow(ValidationError);
      await expect(request(t, 'help', 'x', { state: 'closed' })).rejects.toThrow(ValidationError);
      await expect(t.env('support').model('helpdesk.solution').write([await t.env('help').model('helpdesk.solution')
        .create({ name: 's', date_deadline: '2030-01-01' })], { state: 'closed' })).rejects.toThrow(ValidationError);
      expect(await state(t, REQ, id)).toBe('draft');
    });
  });

  it('answers {id: result} and leaves the record alone when a signal does not apply', async () => {
    await h.inTransaction(async (t) => {
      const id = await request(t, 'help');
      expect(await signal(t, 'help', REQ, id, 'notify')).toEqual({ [id]: true });
      expect(await signal(t, 'help', REQ, id, 'notify')).toEqual({ [id]: false });
      expect(await signal(t, 'help', REQ, id, 'nonsense')).toEqual({ [id]: false });
      expect(await state(t, REQ, id)).toBe('notified');
    });
  });

  it('refuses the support center signals to the help center, and lets the administrator send them', async () => {
    await h.inTransaction(async (t) => {
      const id = await request(t, 'help');
      await signal(t, 'help', REQ, id, 'notify');
      await expect(signal(t, 'help', REQ, id, 'review')).rejects.toThrow(AccessError);
      await expect(signal(t, 'help', REQ, id, 'review', 'es_ES')).rejects.toThrow(/No tiene permiso/);
      await expect(signal(t, 'nobody', REQ, id, 'close')).rejects.toThrow(AccessError);
      expect(await state(t, REQ, id)).toBe('notified');
      expect(await signal(t, 'admin', REQ, id, 'review')).toEqual({ [id]: true });
    });
  });

  it('says what is missing in the user language when a guard refuses', async () => {
    await h.inTransaction(async (t) => {
      const id = await request(t, 'help');
      await expect(signal(t, 'help', REQ, id, 'close')).rejects.toThrow(new UserError('A solution must be linked before closing the request.'));
      await expect(signal(t, 'help', REQ, id, 'close', 'es_ES')).rejects.toThrow('Debe asociarse una solución antes de cerrar la solicitud.');
      await signal(t, 'help', REQ, id, 'notify');
      await signal(t, 'support', REQ, id, 'review');
      await expect(signal(t, 'support', REQ, id, 'develop', 'es_ES')).rejects.toThrow('Debe identificarse al menos un problema');
      const bare = await t.env('support').model('helpdesk.problem').create({ name: 'x', request_category: 'technical', category: 'performance' });
      await t.env('support').model(REQ).write([id], { problem_ids: [[4, bare]] });
      await expect(signal(t, 'support', REQ, id, 'develop')).rejects.toThrow('Resources must be assigned to every open problem');
      expect(await state(t, REQ, id)).toBe('reviewed');
    });
  });

  it('links problems only while the request is reviewed', async () => {
    await h.inTransaction(async (t) => {
      const id = await request(t, 'help');
      const problem = await staffedProblem(t);
      const link = (ids: number[]) => t.env('support').model(REQ).write([id], { problem_ids: [[6, 0, ids]] });
      await expect(link([problem])).rejects.toThrow(new UserError('Problems can only be linked to a request while it is reviewed.'));
      await expect(request(t, 'help', 'con problema', { problem_ids: [[6, 0, [problem]]] })).rejects.toThrow(UserError);
      await signal(t, 'help', REQ, id, 'notify');
      await signal(t, 'support', REQ, id, 'review');
      await link([problem]);
      await signal(t, 'support', REQ, id, 'develop');
      await link([problem]); // the same ids again (a client saving every field) is no change
      await expect(link([])).rejects.toThrow(UserError);
      // From the problem's side the request's rule holds too: it is no longer reviewed.
      await expect(t.env('support').model('helpdesk.problem').write([problem], { request_ids: [[5]] }))
        .rejects.toThrow(new UserError('Problems can only be linked to a request while it is reviewed.'));
    });
  });

  it('closes a request with its problems and solutions, and the solution closes its other requests', async () => {
    await h.inTransaction(async (t) => {
      const main = await request(t, 'help', 'La red se cae');
      const sibling = await request(t, 'help', 'La red va lenta');
      const dropped = await request(t, 'help', 'La red no existe');
      await signal(t, 'help', REQ, dropped, 'cancel');
      for (const s of ['notify']) await signal(t, 'help', REQ, main, s);
      await signal(t, 'support', REQ, main, 'review');
      const problem = await staffedProblem(t);
      const closedProblem = await t.env('support').model('helpdesk.problem')
        .create({ name: 'ya resuelto', request_category: 'technical', category: 'performance' });
      await signal(t, 'support', 'helpdesk.problem', closedProblem, 'close');
      await t.env('support').model(REQ).write([main], { problem_ids: [[6, 0, [problem, closedProblem]]] });
      await signal(t, 'support', REQ, main, 'develop');
      await signal(t, 'support', REQ, main, 'test');
      const solution = await t.env('help').model('helpdesk.solution').create({
        name: 'Cambiar el conmutador', date_deadline: '2030-01-01', request_ids: [[6, 0, [main, sibling, dropped]]],
      });
      expect(await signal(t, 'help', REQ, main, 'close')).toEqual({ [main]: true });
      expect(await state(t, REQ, main)).toBe('closed');
      expect(await state(t, 'helpdesk.problem', problem)).toBe('closed');
      expect(await state(t, 'helpdesk.solution', solution)).toBe('closed');
      expect(await state(t, REQ, sibling)).toBe('closed');
      expect(await state(t, REQ, dropped)).toBe('cancelled');
      const [row] = await t.su().model(REQ).read([main], ['date_closed']);
      expect(row.date_closed).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    });
  });

  it('keeps a closed request read-only, from the request and from the solutions', async () => {
    await h.inTransaction(async (t) => {
      const id = await request(t, 'help');
      const solution = await t.env('help').model('helpdesk.solution').create({ name: 's', date_deadline: '2030-01-01', request_ids: [[4, id]] });
      await signal(t, 'help', 'helpdesk.solution', solution, 'close');
      expect(await state(t, REQ, id)).toBe('closed');
      await expect(t.env('help').model(REQ).write([id], { subject: 'otro' })).rejects.toThrow(new UserError('A closed request cannot be changed.'));
      await expect(t.env('support').model(REQ).unlink([id])).rejects.toThrow(UserError);
      const other = await t.env('help').model('helpdesk.solution').create({ name: 'otra', date_deadline: '2030-01-01' });
      await expect(t.env('help').model('helpdesk.solution').write([other], { request_ids: [[4, id]] })).rejects.toThrow(UserError);
      for (const s of ['close', 'cancel', 'reset', 'notify']) expect(await signal(t, 'help', REQ, id, s)).toEqual({ [id]: false });
    });
  });

  it('cancels and resets requests and solutions', async () => {
    await h.inTransaction(async (t) => {
      const id = await request(t, 'help');
      await signal(t, 'help', REQ, id, 'notify');
      await signal(t, 'help', REQ, id, 'cancel');
      expect(await state(t, REQ, id)).toBe('cancelled');
      // The peer login does not see this request (it was not exchanged with a peer).
      await expect(signal(t, 'peer', REQ, id, 'reset')).rejects.toThrow(MissingError);
      await expect(signal(t, 'otherHelp', REQ, id, 'reset')).rejects.toThrow(MissingError);
      expect(await signal(t, 'help', REQ, 999999, 'reset')).toEqual({ 999999: false });
      await signal(t, 'help', REQ, id, 'reset');
      expect(await state(t, REQ, id)).toBe('draft');
      const solution = await t.env('help').model('helpdesk.solution').create({ name: 's', date_deadline: '2030-01-01' });
      expect(await signal(t, 'help', 'helpdesk.solution', solution, 'cancel')).toEqual({ [solution]: true });
      expect(await signal(t, 'help', 'helpdesk.solution', solution, 'close')).toEqual({ [solution]: false });
      expect(await signal(t, 'help', 'helpdesk.solution', solution, 'reset')).toEqual({ [solution]: true });
      await expect(signal(t, 'help', 'helpdesk.problem', await staffedProblem(t), 'close')).rejects.toThrow(AccessError);
    });
  });

  it('mirrors a peer state change past groups and guards', async () => {
    await h.inTransaction(async (t) => {
      const id = await request(t, 'help');
      const apply = (state: string) => t.env('help').model(REQ).call('_workflow_apply_state', { ids: [id], state, signal: '' });
      expect(await apply('reviewed')).toEqual({ [id]: true });
      expect(await state(t, REQ, id)).toBe('reviewed');
      expect(await apply('reviewed')).toEqual({ [id]: false });
      expect(await apply('closed')).toEqual({ [id]: true }); // no solution, and still closed
      await expect(apply('lost')).rejects.toThrow(UserError);
      expect(await state(t, REQ, id)).toBe('closed');
    });
  });

  it('lists the signals each user may send from a record', async () => {
    await h.inTransaction(async (t) => {
      const id = await request(t, 'help');
      await signal(t, 'help', REQ, id, 'notify');
      const signals = (who: Role) => t.env(who).model(REQ).call('workflow_signals', { ids: [id] });
      expect(await signals('help')).toEqual({ [id]: ['close', 'cancel'] });
      expect(await signals('support')).toEqual({ [id]: ['review', 'close', 'cancel'] });
    });
  });
});
