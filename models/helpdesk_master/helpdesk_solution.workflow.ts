// The life of a solution (manual 4.1): draft, cancelled (and back), closed. Closing it closes
// the requests it solves (manual section 6).
import { defineWorkflow } from '../../src/workflow/define';
import { GROUP_HELP_CENTER as HELP } from './groups';
import { SOLUTION_STATES } from './helpdesk_solution';
import { inIdOrder } from './helpdesk_request.workflow';

export default defineWorkflow({
  model: 'helpdesk.solution',
  states: SOLUTION_STATES.map(([key]) => key),
  initial: 'draft',
  transitions: [
    { from: ['draft'], to: 'closed', signal: 'close', groups: [HELP], effects: ['closeRequests'] },
    { from: ['draft'], to: 'cancelled', signal: 'cancel', groups: [HELP] },
    { from: ['cancelled'], to: 'draft', signal: 'reset', groups: [HELP] },
  ],
  reads: { closeRequests: ['request_ids'] },
  effects: {
    // Requests already closed or cancelled ignore the signal.
    closeRequests: async (ctx) => {
      await ctx.cascade('helpdesk.request', inIdOrder((await ctx.values()).request_ids), 'close');
    },
  },
});
