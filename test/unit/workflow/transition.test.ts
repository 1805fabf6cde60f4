// The request, problem and solution machines against DOMAIN.md's transition tables: for every
// state, every signal and every role, the pure transition says what the user will see.
import { transition, type TransitionFacts } from '../../../src/workflow/transition';
import requestWorkflow from '../../../models/helpdesk_master/helpdesk_request.workflow';
import problemWorkflow from '../../../models/helpdesk_master/helpdesk_problem.workflow';
import solutionWorkflow from '../../../models/helpdesk_master/helpdesk_solution.workflow';
import type { WorkflowDef } from '../../../src/workflow/define';

const HELP = 'helpdesk_master.group_help_center';
const SUPPORT = 'helpdesk_master.group_support_center';
const MANAGER = 'helpdesk_master.group_manager';
const PEER = 'helpdesk_master.group_peer';

type Role = 'help' | 'support' | 'manager' | 'peer' | 'nobody' | 'superuser';
/** Groups as the user has them, implied ones included: support implies help, manager support. */
const ROLE_GROUPS: Record<Role, string[]> = {
  help: [HELP], support: [HELP, SUPPORT], manager: [HELP, SUPPORT, MANAGER], peer: [PEER], nobody: [], superuser: [],
};
const ROLES = Object.keys(ROLE_GROUPS) as Role[];

/** A row of DOMAIN.md: who may send it (by the role that is named there) and its guard. */
interface SpecRow { from: string[]; to: string; signal: string; who: 'help' | 'support' | 'help or support'; guard?: string }

const OPEN = ['draft', 'notified', 'reviewed', 'development', 'testing'];
const REQUEST_TABLE: SpecRow[] = [
  { from: ['draft'], to: 'notified', signal: 'notify', who: 'help', guard: 'subjectAndCategory' },
  { from: ['notified'], to: 'reviewed', signal: 'review', who: 'support' },
  { from: ['reviewed'], to: 'development', signal: 'develop', who: 'support', guard: 'problemsWithResources' },
  { from: ['development'], to: 'testing', signal: 'test', who: 'support', guard: 'problemsWithResources' },
  { from: ['testing'], to: 'development', signal: 'develop', who: 'support' },
  { from: OPEN, to: 'closed', signal: 'close', who: 'help or support', guard: 'solutionLinked' },
  { from: OPEN, to: 'cancelled', signal: 'cancel', who: 'help' },
  { from: ['cancelled'], to: 'draft', signal: 'reset', who: 'help' },
];
const PROBLEM_TABLE: SpecRow[] = [{ from: ['draft'], to: 'closed', signal: 'close', who: 'support' }];
const SOLUTION_TABLE: SpecRow[] = [
  { from: ['draft'], to: 'closed', signal: 'close', who: 'help' },
  { from: ['draft'], to: 'cancelled', signal: 'cancel', who: 'help' },
  { from: ['cancelled'], to: 'draft', signal: 'reset', who: 'help' },
];

function mayAct(role: Role, who: SpecRow['who']): boolean {
  if (role === 'superuser') return true;
  const groups = ROLE_GROUPS[role];
  return who === 'support' ? groups.includes(SUPPORT) : groups.includes(HELP) || groups.includes(SUPPORT);
}

function facts(role: Role, failing: string[] = []): TransitionFacts {
  const guards: Record<string, string | null> = {};
  for (const g of ['subjectAndCategory', 'problemsWithResources', 'solutionLinked']) {
    guards[g] = failing.includes(g) ? `missing ${g}` : null;
  }
  return { groups: new Set(ROLE_GROUPS[role]), superuser: role === 'superuser', guards };
}

function cases(wf: WorkflowDef, table: SpecRow[]) {
  const signals = [...new Set([...table.map((r) => r.signal), 'fly'])];
  const out: [string, string, Role, SpecRow | undefined][] = [];
  for (const state of wf.states) {
    for (const signal of signals) {
      for (const role of ROLES) out.push([state, signal, role, table.find((r) => r.signal === signal && r.from.includes(state))]);
    }
  }
  return out;
}

describe.each([
  ['helpdesk.request', requestWorkflow, REQUEST_TABLE],
  ['helpdesk.problem', problemWorkflow, PROBLEM_TABLE],
  ['helpdesk.solution', solutionWorkflow, SOLUTION_TABLE],
] as [string, WorkflowDef, SpecRow[]][])('%s transitions', (model, wf, table) => {
  it('has exactly the states of DOMAIN.md, starting in draft', () => {
    const expected = {
      'helpdesk.request': ['draft', 'notified', 'reviewed', 'development', 'testing', 'cancelled', 'closed'],
      'helpdesk.problem': ['draft', 'closed'],
      'helpdesk.solution': ['draft', 'cancelled', 'closed'],
    }[model];
    expect([...wf.states].sort()).toEqual([...expected!].sort());
    expect(wf.initial).toBe('draft');
  });

  it.each(cases(wf, table))('from %s, signal %s sent by %s', (state, signal, role, row) => {
    const result = transition(wf, state, signal, facts(role));
    if (!row) {
      expect(result).toEqual({ outcome: 'ignored', state });
    } else if (!mayAct(role, row.who)) {
      expect(result.outcome).toBe('forbidden');
    } else {
      expect(result).toMatchObject({ outcome: 'moved', from: state, to: row.to });
    }
  });

  const guarded = table.filter((r) => r.guard);
  if (guarded.length) {
    it.each(guarded.flatMap((r) => r.from.map((from) => [from, r.signal, r] as const)))(
      'from %s, signal %s is refused while its guard fails', (from, signal, row) => {
        const role: Role = row.who === 'support' ? 'support' : 'help';
        const result = transition(wf, from, signal, facts(role, [row.guard!]));
        expect(result).toEqual({ outcome: 'blocked', state: from, guard: row.guard, message: `missing ${row.guard}` });
        // The guard also binds the superuser: it is about the record, not about who asks.
        expect(transition(wf, from, signal, facts('superuser', [row.guard!])).outcome).toBe('blocked');
      });
  }
});

describe('transition details', () => {
  it('goes back from testing to development without checking resources again', () => {
    const result = transition(requestWorkflow, 'testing', 'develop', facts('support', ['problemsWithResources']));
    expect(result).toMatchObject({ outcome: 'moved', to: 'development' });
  });

  it('runs the closing effects only when a request closes', () => {
    const closed = transition(requestWorkflow, 'testing', 'close', facts('help'));
    expect(closed).toMatchObject({ effects: ['stampClosed', 'closeProblemsAndSolutions'] });
    const cancelled = transition(requestWorkflow, 'testing', 'cancel', facts('help'));
    expect(cancelled).toMatchObject({ effects: [] });
    expect(transition(solutionWorkflow, 'draft', 'close', facts('help'))).toMatchObject({ effects: ['closeRequests'] });
  });

  it('names the groups that could have sent a forbidden signal', () => {
    expect(transition(requestWorkflow, 'notified', 'review', facts('help')))
      .toEqual({ outcome: 'forbidden', state: 'notified', groups: [SUPPORT] });
  });

  it('treats a guard nobody evaluated as failing', () => {
    const result = transition(requestWorkflow, 'draft', 'notify', { groups: new Set([HELP]), superuser: false, guards: {} });
    expect(result).toMatchObject({ outcome: 'blocked', guard: 'subjectAndCategory' });
  });

  it('checks groups before guards, so a refused user learns nothing about the record', () => {
    expect(transition(requestWorkflow, 'reviewed', 'develop', facts('help', ['problemsWithResources'])).outcome)
      .toBe('forbidden');
  });
});
