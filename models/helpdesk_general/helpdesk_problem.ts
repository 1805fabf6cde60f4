// helpdesk.problem (Problema): the cause behind one or many incidents, with the tasks planned
// and the resources assigned to solve it. Its category must belong to its request category.
import {
  date, defineModel, many2many, selection, text, type Constraint,
} from '../../src/orm/define';
import { choices, l } from '../helpdesk_resources/i18n';
import { PROBLEM_CATEGORIES, REQUEST_CATEGORIES, problemCategoryFits } from './categories';
import { today } from './dates';
import { onchangeRequestCategory } from './problem-onchange';

export const PROBLEM_STATES = choices([
  ['draft', 'Draft', 'Borrador'],
  ['closed', 'Closed', 'Cerrada'],
]);

const categoryMatchesRequestCategory: Constraint = {
  name: 'category_matches_request_category',
  fields: ['request_category', 'category'],
  check: async (env, ids) => {
    const rows = await env.sudo().model('helpdesk.problem').read(ids, ['request_category', 'category']);
    const bad = rows.find((r) => !problemCategoryFits(r.request_category, r.category));
    return bad ? l('The category of the problem does not belong to its request category.',
      'La categoría del problema no corresponde a la categoría de la solicitud.') : null;
  },
};

export default defineModel({
  name: 'helpdesk.problem',
  description: l('Problem', 'Problema'),
  order: 'date desc, id desc',
  fields: {
    name: text({ string: l('Description', 'Descripción'), required: true }),
    date: date({ string: l('Date', 'Fecha'), required: true, default: today }),
    request_category: selection(REQUEST_CATEGORIES, {
      string: l('Request category', 'Categoría de la solicitud'), required: true, default: 'technical',
    }),
    category: selection(PROBLEM_CATEGORIES, { string: l('Category', 'Categoría'), required: true }),
    state: selection(PROBLEM_STATES, { string: l('State', 'Estado'), readonly: true, default: 'draft', copy: false }),
    task_ids: many2many('helpdesk.task', {
      string: l('Tasks', 'Tareas'),
      relation: 'helpdesk_problem_task_rel', column1: 'problem_id', column2: 'task_id',
    }),
    resource_ids: many2many('helpdesk.resource', {
      string: l('Resources', 'Recursos'),
      relation: 'helpdesk_problem_resource_rel', column1: 'problem_id', column2: 'resource_id',
    }),
  },
  constraints: [categoryMatchesRequestCategory],
  methods: {
    onchange_request_category: {
      params: ['ids', 'request_category', 'category', 'context'],
      fn: async (_env, a) => onchangeRequestCategory(a.request_category, a.category),
    },
  },
});
