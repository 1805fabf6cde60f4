// The life of a service request (manual 2.1, DOMAIN.md): the help center files, notifies,
// cancels and closes; the support center reviews, develops and tests, and may close too.
import { defineWorkflow } from '../../src/workflow/define';
import { now } from '../helpdesk_general/dates';
import { GROUP_HELP_CENTER as HELP, GROUP_SUPPORT_CENTER as SUPPORT } from './groups';
import { MESSAGES } from './messages';
import { REQUEST_STATES } from './helpdesk_request';

/** States from which a request may still be closed or cancelled. */
export const OPEN_REQUEST_STATES = ['draft', 'notified', 'reviewed', 'development', 'testing'];

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
  // What each guard and effect reads of the request (the engine reads it once per signal).
  reads: {
    subjectAndCategory: ['subject', 'category'],
    problemsWithResources: ['problem_ids'],
    solutionLinked: ['solution_ids'],
    closeProblemsAndSolutions: ['problem_ids', 'solution_ids'],
  },
  guards: {
    subjectAndCategory: async (ctx) => {
      const r = await ctx.values();
      return r.subject && String(r.subject).trim() && r.category ? null : MESSAGES.subjectAndCategory;
    },
    problemsWithResources: async (ctx) => {
      const r = await ctx.values();
      const problems = (r.problem_ids as number[]) ?? [];
      if (!problems.length) return MESSAGES.problemNeeded;
      // A problem already closed (reused from an earlier request) needs nobody any more.
      const rows = await ctx.env.model('helpdesk.problem').read(problems, ['resource_ids', 'state']);
      const staffed = (p: Record<string, unknown>) => p.state === 'closed' || ((p.resource_ids as number[]) ?? []).length > 0;
      return rows.every(staffed) ? null : MESSAGES.resourcesNeeded;
    },
    solutionLinked: async (ctx) => {
      const r = await ctx.values();
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
    // closed or cancelled ignore the signal; the solutions' own cascade finds this request closed.
    closeProblemsAndSolutions: async (ctx) => {
      const r = await ctx.values();
      await ctx.cascade('helpdesk.problem', inIdOrder(r.problem_ids), 'close');
      await ctx.cascade('helpdesk.solution', inIdOrder(r.solution_ids), 'close');
    },
  },
});

/** Linked ids in id order, so cascades run in a stable order. */
export function inIdOrder(ids: unknown): number[] {
  return Array.isArray(ids) ? (ids as number[]).slice().sort((a, b) => a - b) : [];
}
