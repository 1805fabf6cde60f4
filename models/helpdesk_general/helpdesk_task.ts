// helpdesk.task (Tarea): work planned for one or several problems.
import { defineModel, many2many, selection, text } from '../../src/orm/define';
import { choices, l } from '../helpdesk_resources/i18n';

export const TASK_STATES = choices([
  ['open', 'Open', 'Abierta'],
  ['done', 'Done', 'Terminada'],
]);

export default defineModel({
  name: 'helpdesk.task',
  description: l('Task', 'Tarea'),
  fields: {
    name: text({ string: l('Description', 'Descripción'), required: true }),
    problem_ids: many2many('helpdesk.problem', {
      string: l('Problems', 'Problemas'),
      relation: 'helpdesk_problem_task_rel', column1: 'task_id', column2: 'problem_id',
    }),
    state: selection(TASK_STATES, { string: l('State', 'Estado'), required: true, default: 'open', copy: false }),
  },
});
