// The life of a service request (manual 2.1, DOMAIN.md): the help center files, notifies,
// cancels and closes; the support center reviews, develops and tests, and may close too.
import { defineWorkflow, type WorkflowContext } from '../../src/workflow/define';
import { now } from '../helpdesk_general/dates';
import { GROUP_HELP_CENTER as HELP, GROUP_SUPPORT_CENTER as SUPPORT } from './groups';
import { MESSAGES } from './messages';
import { REQUEST_STATES } from './helpdesk_request';

/** States from which a request may still be closed or cancelled. */
export const OPEN_REQUEST_STATES = ['draft', 'notified', 'reviewed', 'development', 'testing'];
const DONE = ['closed', 'cancelled'];

async function request(ctx: WorkflowContext, fields: string[]): Promise<Record<string, unknown>> {
  const [row] = await ctx.env.model('helpdesk.request').read([ctx.id], fields);
  return row ?? {};
}

export default defineWorkflow({
  model: 'helpdesk.request',
  states: REQUEST_STATES.map(([key]) => key),
  initial: 'draft',
  transitions: [
    { from: ['draft'], to: 'notified', signal: 'notify', groups: [HELP], guards: ['subjectAndCategory'] },
    { from: ['notified'], to: 'reviewed', signal: 'review', groups: [SUPPORT] },
    { from: ['reviewed'], to: 'development', signal: 'develop', groups: [SUPPORT], guards: ['problemsWithResources'] },
    { from: ['development'], to: 'testing', signal: 'test', groups: [SUPPORT], guards: ['problemsWithResources'] },
    // Back from testing when the test failed: the solvers' judgement, nothing to check.
    { from: ['testing'], to: 'development', signal: 'develop', groups: [SUPPORT] },
    {
      from: OPEN_REQUEST_STATES, to: 'closed', signal: 'close', groups: [HELP, SUPPORT],
      guards: ['solutionLinked'], effects: ['stampClosed', 'closeProblemsAndSolutions'],
    },
    { from: OPEN_REQUEST_STATES, to: 'cancelled', signal: 'cancel', groups: [HELP] },
    { from: ['cancelled'], to: 'draft', signal: 'reset', groups: [HELP] },
  ],
  guards: {
    subjectAndCategory: async (ctx) => {
      const r = await request(ctx, ['subject', 'category']);
      return r.subject && String(r.subject).trim() && r.category ? null : MESSAGES.subjectAndCategory;
    },
    problemsWithResources: async (ctx) => {
      const r = await request(ctx, ['problem_ids']);
      const problems = (r.problem_ids as number[]) ?? [];
      if (!problems.length) return MESSAGES.problemNeeded;
      // A problem already closed (reused from an earlier request) needs nobody any more.
      const rows = await ctx.env.model('helpdesk.problem').read(problems, ['resource_ids', 'state']);
      const staffed = (p: Record<string, unknown>) => p.state === 'closed' || ((p.resource_ids as number[]) ?? []).length > 0;
      return rows.every(staffed) ? null : MESSAGES.resourcesNeeded;
    },
    solutionLinked: async (ctx) => {
      const r = await request(ctx, ['solution_ids']);
      const ids = (r.solution_ids as number[]) ?? [];
      const usable = ids.length
        ? (await ctx.env.model('helpdesk.solution').read(ids, ['state'])).filter((s) => s.state !== 'cancelled')
        : [];
      return usable.length ? null : MESSAGES.solutionNeeded;
    },
  },
  effects: {
    stampClosed: (ctx) => ctx.write({ date_closed: now() }),
    // Manual section 6: closing a request closes its problems and solutions. Records already
    // closed or cancelled are skipped; the solutions' own cascade finds this request closed.
    closeProblemsAndSolutions: async (ctx) => {
      const r = await request({ ...ctx, env: ctx.env.sudo() }, ['problem_ids', 'solution_ids']);
      await ctx.cascade('helpdesk.problem', await openOnes(ctx, 'helpdesk.problem', r.problem_ids), 'close');
      await ctx.cascade('helpdesk.solution', await openOnes(ctx, 'helpdesk.solution', r.solution_ids), 'close');
    },
  },
});

/** The linked records still open, in id order (so cascades run in a stable order). */
export async function openOnes(ctx: WorkflowContext, model: string, ids: unknown): Promise<number[]> {
  const list = Array.isArray(ids) ? (ids as number[]) : [];
  if (!list.length) return [];
  const rows = await ctx.env.sudo().model(model).read(list, ['state']);
  return rows.filter((r) => !DONE.includes(String(r.state))).map((r) => Number(r.id)).sort((a, b) => a - b);
}
