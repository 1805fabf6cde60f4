// Module helpdesk_general: problems, tasks and the configurations of peer centers.
// Problems are mail threads: their status changes are posted and mailed to their followers.
import { defineModule } from '../../src/orm/define';
import helpdeskProblem from './helpdesk_problem';
import helpdeskTask from './helpdesk_task';
import helpdeskServer from './helpdesk_server';
import helpdeskResource from './helpdesk_resource';
import { mailThread } from '../../src/mail/define';

export default defineModule({
  name: 'helpdesk_general',
  description: 'Support center problems, tasks and server configurations',
  depends: ['base', 'helpdesk_resources', 'mail'],
  models: [helpdeskProblem, helpdeskTask, helpdeskServer],
  extensions: [helpdeskResource, mailThread('helpdesk.problem', { track: ['state'] })],
});
