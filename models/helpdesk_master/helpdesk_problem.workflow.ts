// The life of a problem (manual 3.1): draft until the support center closes it, or until a
// request it causes is closed.
import { defineWorkflow } from '../../src/workflow/define';
import { GROUP_SUPPORT_CENTER as SUPPORT } from './groups';
import { PROBLEM_STATES } from '../helpdesk_general/helpdesk_problem';

export default defineWorkflow({
  model: 'helpdesk.problem',
  states: PROBLEM_STATES.map(([key]) => key),
  initial: 'draft',
  transitions: [
    { from: ['draft'], to: 'closed', signal: 'close', groups: [SUPPORT] },
  ],
});
