// Module helpdesk_general: problems, tasks and the configurations of peer centers.
// DOMAIN.md has it depend on `mail` too; that dependency is added when the mail module lands.
import { defineModule } from '../../src/orm/define';
import helpdeskProblem from './helpdesk_problem';
import helpdeskTask from './helpdesk_task';
import helpdeskServer from './helpdesk_server';
import helpdeskResource from './helpdesk_resource';

export default defineModule({
  name: 'helpdesk_general',
  description: 'Support center problems, tasks and server configurations',
  depends: ['base', 'helpdesk_resources'],
  models: [helpdeskProblem, helpdeskTask, helpdeskServer],
  extensions: [helpdeskResource],
});
