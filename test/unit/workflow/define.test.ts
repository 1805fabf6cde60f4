// Workflow definitions fail when they are loaded, not when a user sends a signal.
import { ValidationError } from '../../../src/errors';
import { defineWorkflow, type WorkflowSpec } from '../../../src/workflow/define';

const base = (): WorkflowSpec => ({
  model: 'x.thing', states: ['draft', 'done'], initial: 'draft',
  transitions: [{ from: ['draft'], to: 'done', signal: 'finish', groups: ['x.group_a'], guards: ['ok'], effects: ['log'] }],
  guards: { ok: async () => null },
  effects: { log: async () => undefined },
});

describe('defineWorkflow', () => {
  it('fills the defaults: the state field, and no groups, guards or effects', () => {
    const wf = defineWorkflow({ model: 'x.thing', states: ['a', 'b'], initial: 'a', transitions: [{ from: ['a'], to: 'b', signal: 'go' }] });
    expect(wf.field).toBe('state');
    expect(wf.transitions[0]).toEqual({ from: ['a'], to: 'b', signal: 'go', groups: [], guards: [], effects: [] });
  });

  it('accepts a well-formed definition unchanged', () => {
    const wf = defineWorkflow(base());
    expect(wf.transitions).toHaveLength(1);
    expect(Object.keys(wf.guards)).toEqual(['ok']);
  });

  it.each([
    ['an unknown initial state', (s: WorkflowSpec) => { s.initial = 'nowhere'; }, /initial state "nowhere"/],
    ['a state listed twice', (s: WorkflowSpec) => { s.states.push('draft'); }, /listed twice/],
    ['an unknown target state', (s: WorkflowSpec) => { s.transitions[0].to = 'gone'; }, /unknown state "gone"/],
    ['an unknown source state', (s: WorkflowSpec) => { s.transitions[0].from = ['gone']; }, /unknown state "gone"/],
    ['no source state', (s: WorkflowSpec) => { s.transitions[0].from = []; }, /no source state/],
    ['a guard without implementation', (s: WorkflowSpec) => { s.guards = {}; }, /guard "ok" is not implemented/],
    ['an effect without implementation', (s: WorkflowSpec) => { s.effects = {}; }, /effect "log" is not implemented/],
    ['a group that is not an external id', (s: WorkflowSpec) => { s.transitions[0].groups = ['Managers']; }, /not an external id/],
    ['a signal that is not a short word', (s: WorkflowSpec) => { s.transitions[0].signal = 'Do It'; }, /short lowercase word/],
    ['the same transition twice', (s: WorkflowSpec) => { s.transitions.push({ ...s.transitions[0] }); }, /duplicate transition/],
  ])('refuses %s', (_what, spoil, message) => {
    const spec = base();
    spoil(spec);
    expect(() => defineWorkflow(spec)).toThrow(ValidationError);
    expect(() => defineWorkflow(spec)).toThrow(message);
  });
});
