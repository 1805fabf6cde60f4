// The engine over an in-memory store with the real helpdesk workflows: group checks, guards in
// the user's language, effects after the state is written, and cascades that stop by themselves.
import { AccessError, InternalError, UserError } from '../../../src/errors';
import { WorkflowEngine } from '../../../src/workflow/engine';
import { defineWorkflow } from '../../../src/workflow/define';
import requestWorkflow from '../../../models/helpdesk_master/helpdesk_request.workflow';
import problemWorkflow from '../../../models/helpdesk_master/helpdesk_problem.workflow';
import solutionWorkflow from '../../../models/helpdesk_master/helpdesk_solution.workflow';
import { fakeEnv, fakeStore, type FakeWorld } from './fake-env';

const HELP = 'helpdesk_master.group_help_center';
const SUPPORT = 'helpdesk_master.group_support_center';
const CLERK = 7;
const ANALYST = 8;
const STRANGER = 9;

function world(): FakeWorld {
  return {
    writes: [],
    groups: { [CLERK]: [HELP], [ANALYST]: [HELP, SUPPORT], [STRANGER]: [] },
    tables: {
      'helpdesk.request': {
        1: { state: 'draft', subject: 'Printer', category: 'technical', problem_ids: [], solution_ids: [] },
        2: { state: 'testing', subject: 'Slow', category: 'functional', problem_ids: [10, 11], solution_ids: [20] },
        3: { state: 'notified', subject: 'Same cause', category: 'functional', problem_ids: [11], solution_ids: [20] },
        4: { state: 'draft', subject: '', category: 'technical', problem_ids: [], solution_ids: [] },
        5: { state: 'reviewed', subject: 'No problems yet', category: 'technical', problem_ids: [], solution_ids: [] },
        6: { state: 'reviewed', subject: 'Unstaffed', category: 'technical', problem_ids: [12], solution_ids: [21] },
      },
      'helpdesk.problem': {
        10: { state: 'draft', resource_ids: [30] },
        11: { state: 'closed', resource_ids: [30] },
        12: { state: 'draft', resource_ids: [] },
      },
      'helpdesk.solution': {
        20: { state: 'draft', request_ids: [2, 3] },
        21: { state: 'cancelled', request_ids: [6] },
      },
    },
  };
}

function setup(w = world()) {
  const engine = new WorkflowEngine([requestWorkflow, problemWorkflow, solutionWorkflow], fakeStore(w));
  const state = (model: string, id: number) => w.tables[model][id].state;
  // The moves, as the state writes the store saw (what the ORM's write watchers hear of).
  const moves = () => w.writes.filter(([, , vals]) => 'state' in vals).map(([model, id, vals]) => `${model}#${id}->${String(vals.state)}`);
  return { w, engine, moves, state };
}

describe('workflow engine', () => {
  it('moves a record and writes the state as the caller', async () => {
    const { engine, w, state } = setup();
    const result = await engine.signal(fakeEnv(w, CLERK), 'helpdesk.request', [1], 'notify');
    expect(result.get(1)).toBe(true);
    expect(state('helpdesk.request', 1)).toBe('notified');
    expect(w.writes).toEqual([['helpdesk.request', 1, { state: 'notified' }, CLERK, false]]);
  });

  it('answers false and changes nothing for a signal that does not apply, or a missing record', async () => {
    const { engine, w } = setup();
    const result = await engine.signal(fakeEnv(w, ANALYST), 'helpdesk.request', [1, 999], 'review');
    expect([...result]).toEqual([[1, false], [999, false]]);
    expect(await engine.signal(fakeEnv(w, ANALYST), 'no.such.model', [1], 'review')).toEqual(new Map([[1, false]]));
    expect(w.writes).toEqual([]);
  });

  it('refuses a signal the caller may not send, in the caller language, and writes nothing', async () => {
    const { engine, w } = setup();
    const send = (lang: string) => engine.signal(fakeEnv(w, CLERK, { lang }), 'helpdesk.request', [3], 'review');
    await expect(send('en_US')).rejects.toThrow(AccessError);
    await expect(send('en_US')).rejects.toThrow(/not allowed to send "review"/);
    await expect(send('es_ES')).rejects.toThrow(/No tiene permiso para enviar "review"/);
    await expect(engine.signal(fakeEnv(w, STRANGER), 'helpdesk.request', [1], 'notify')).rejects.toThrow(AccessError);
    expect(w.writes).toEqual([]);
  });

  it('lets the superuser send any signal, as uid 1 or in sudo mode', async () => {
    const { engine, w, state } = setup();
    await engine.signal(fakeEnv(w, 1), 'helpdesk.request', [3], 'review');
    expect(state('helpdesk.request', 3)).toBe('reviewed');
    await engine.signal(fakeEnv(w, STRANGER, {}, true), 'helpdesk.request', [1], 'notify');
    expect(state('helpdesk.request', 1)).toBe('notified');
  });

  it('says what is missing when a guard refuses, in English or Spanish', async () => {
    const { engine, w, state } = setup();
    const close = (lang: string) => engine.signal(fakeEnv(w, CLERK, { lang }), 'helpdesk.request', [1], 'close');
    await expect(close('en_US')).rejects.toThrow(new UserError('A solution must be linked before closing the request.'));
    await expect(close('es_ES')).rejects.toThrow('Debe asociarse una solución antes de cerrar la solicitud.');
    await expect(engine.signal(fakeEnv(w, CLERK), 'helpdesk.request', [4], 'notify')).rejects.toThrow(/subject and the category/);
    const develop = (id: number) => engine.signal(fakeEnv(w, ANALYST), 'helpdesk.request', [id], 'develop');
    await expect(develop(5)).rejects.toThrow(/At least one problem/);
    await expect(develop(6)).rejects.toThrow(/Resources must be assigned/);
    expect(state('helpdesk.request', 1)).toBe('draft');
    expect(w.writes).toEqual([]);
  });

  it('does not count a cancelled solution as a solution', async () => {
    const { engine, w } = setup();
    w.tables['helpdesk.request'][6].state = 'testing';
    await expect(engine.signal(fakeEnv(w, ANALYST), 'helpdesk.request', [6], 'close')).rejects.toThrow(UserError);
  });

  it('closing a request closes its open problems and solutions, and the solution closes its other request', async () => {
    const { engine, w, state, moves } = setup();
    // Request 2 (testing) has problems 10 (draft) and 11 (already closed) and solution 20,
    // which also solves request 3. The help center may not close problems: the cascade may.
    const result = await engine.signal(fakeEnv(w, CLERK), 'helpdesk.request', [2], 'close');
    expect(result.get(2)).toBe(true);
    expect(state('helpdesk.request', 2)).toBe('closed');
    expect(state('helpdesk.problem', 10)).toBe('closed');
    expect(state('helpdesk.solution', 20)).toBe('closed');
    expect(state('helpdesk.request', 3)).toBe('closed');
    expect(w.tables['helpdesk.request'][2].date_closed).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    // Each record moved once, cause before consequence: no loop back into request 2, and
    // nothing done to problem 11, which was closed already.
    expect(moves()).toEqual([
      'helpdesk.request#2->closed', 'helpdesk.problem#10->closed',
      'helpdesk.solution#20->closed', 'helpdesk.request#3->closed',
    ]);
  });

  it('closing a solution closes its requests, skipping cancelled ones, and is idempotent', async () => {
    const { engine, w, state } = setup();
    w.tables['helpdesk.request'][3].state = 'cancelled';
    await engine.signal(fakeEnv(w, CLERK), 'helpdesk.solution', [20], 'close');
    expect(state('helpdesk.request', 2)).toBe('closed');
    expect(state('helpdesk.request', 3)).toBe('cancelled');
    const writes = w.writes.length;
    expect((await engine.signal(fakeEnv(w, CLERK), 'helpdesk.solution', [20], 'close')).get(20)).toBe(false);
    expect(w.writes.length).toBe(writes);
  });

  it('mirrors a state without groups or guards, running the effects that lead there', async () => {
    const { engine, w, state, moves } = setup();
    expect(await engine.applyState(fakeEnv(w, STRANGER), 'helpdesk.request', 3, 'closed', 'close')).toBe(true);
    expect(state('helpdesk.request', 3)).toBe('closed');
    expect(state('helpdesk.solution', 20)).toBe('closed');
    expect(moves()[0]).toBe('helpdesk.request#3->closed');
    expect(await engine.applyState(fakeEnv(w, STRANGER), 'helpdesk.request', 3, 'closed', 'close')).toBe(false);
    await expect(engine.applyState(fakeEnv(w, 1), 'helpdesk.request', 3, 'lost', 'x')).rejects.toThrow(UserError);
  });

  it('reads what the guards and effects of a signal declare once, as the system, and hands it to each', async () => {
    const w: FakeWorld = { writes: [], groups: {}, reads: [], tables: { 'x.doc': { 1: { state: 'a', title: 'T', tags: [3] } } } };
    const seen: unknown[] = [];
    const doc = defineWorkflow({
      model: 'x.doc', states: ['a', 'b'], initial: 'a',
      transitions: [{ from: ['a'], to: 'b', signal: 'go', guards: ['titled'], effects: ['tagged'] }, { from: ['b'], to: 'a', signal: 'back' }],
      reads: { titled: ['title'], tagged: ['tags'] },
      guards: { titled: async (ctx) => { seen.push(await ctx.values()); return null; } },
      effects: { tagged: async (ctx) => { seen.push(await ctx.values()); } },
    });
    const engine = new WorkflowEngine([doc], fakeStore(w));
    await engine.signal(fakeEnv(w, 5), 'x.doc', [1], 'go');
    expect(w.tables['x.doc'][1].state).toBe('b');
    expect(w.reads).toEqual([['x.doc', ['title', 'tags'], true]]);
    expect(seen).toEqual([{ id: 1, title: 'T', tags: [3] }, { id: 1, title: 'T', tags: [3] }]);
    // A transition without guards or effects reads nothing beyond the state.
    w.reads = [];
    await engine.signal(fakeEnv(w, 5), 'x.doc', [1], 'back');
    expect(w.reads).toEqual([]);
    expect(() => defineWorkflow({ model: 'x.doc', states: ['a'], initial: 'a', transitions: [], reads: { nobody: ['x'] } }))
      .toThrow('reads names "nobody", which is no guard or effect');
  });

  it('stops a workflow whose effects would signal each other forever', async () => {
    const w: FakeWorld = { writes: [], groups: {}, tables: { 'x.ping': { 1: { state: 'a' } } } };
    const pingPong = defineWorkflow({
      model: 'x.ping', states: ['a', 'b'], initial: 'a',
      transitions: [
        { from: ['a'], to: 'b', signal: 'flip', effects: ['again'] },
        { from: ['b'], to: 'a', signal: 'flip', effects: ['again'] },
      ],
      effects: { again: (ctx) => ctx.cascade('x.ping', [ctx.id], 'flip') },
    });
    const engine = new WorkflowEngine([pingPong], fakeStore(w));
    await expect(engine.signal(fakeEnv(w, 1), 'x.ping', [1], 'flip')).rejects.toThrow(InternalError);
  });
});
