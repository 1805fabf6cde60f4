// helpdesk.resource (Recurso): people, material or money assigned to problems. A person needs a
// salary (personal data: only managers see it); material and financial resources need a cost.
import { char, defineModel, float, selection, type Constraint } from '../../src/orm/define';
import { choices, l } from './i18n';

export const RESOURCE_CATEGORIES = choices([
  ['human', 'Human resources (HR)', 'Recursos humanos (RRHH)'],
  ['material', 'Material resources', 'Recursos materiales'],
  ['financial', 'Financial resources', 'Recursos financieros'],
]);

/** Salary is personal data (DOMAIN.md): the field is hidden from everyone else. */
export const SALARY_GROUPS = ['helpdesk_master.group_manager'];

const amountForCategory: Constraint = {
  name: 'amount_for_category',
  fields: ['category', 'salary', 'cost'],
  // Read as the system: a support user creating material resources cannot see salaries at all.
  check: async (env, ids) => {
    const rows = await env.sudo().model('helpdesk.resource').read(ids, ['category', 'salary', 'cost']);
    for (const r of rows) {
      if (r.category === 'human' && !(Number(r.salary) > 0)) {
        return l('A human resource needs a salary.', 'Un recurso humano necesita un salario.');
      }
      if (r.category !== 'human' && !(Number(r.cost) > 0)) {
        return l('A material or financial resource needs a cost.',
          'Un recurso material o financiero necesita un costo.');
      }
    }
    return null;
  },
};

export default defineModel({
  name: 'helpdesk.resource',
  description: l('Resource', 'Recurso'),
  order: 'name, id',
  fields: {
    name: char({ string: l('Description', 'Descripción'), required: true }),
    category: selection(RESOURCE_CATEGORIES, { string: l('Category', 'Categoría'), required: true, default: 'material' }),
    salary: float({ string: l('Salary', 'Salario'), groups: SALARY_GROUPS, digits: [16, 2] }),
    cost: float({ string: l('Cost', 'Costo'), digits: [16, 2] }),
  },
  constraints: [amountForCategory],
});
