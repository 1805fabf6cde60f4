// helpdesk.solution (Solución): how requests were (or will be) solved, kept for reuse. Its
// "Incidentes" tab is the other side of helpdesk.request.solution_ids.
import {
  boolean, char, date, datetime, defineModel, many2many, many2one, selection, text,
} from '../../src/orm/define';
import { UserError } from '../../src/errors';
import type { Env } from '../../src/orm/define';
import { choices, l } from '../helpdesk_resources/i18n';
import { now } from '../helpdesk_general/dates';
import { touchedIds } from './x2many-commands';
import { message } from './messages';

export const SOLUTION_STATES = choices([
  ['draft', 'Draft', 'Borrador'],
  ['cancelled', 'Cancelled', 'Cancelada'],
  ['closed', 'Closed', 'Cerrada'],
]);

/** Linking a solution changes its requests too: a closed request must stay as it is. */
async function checkRequestLinks(env: Env, ids: number[], commands: unknown): Promise<void> {
  if (env.su || commands === undefined) return;
  const rows = ids.length ? await env.sudo().model('helpdesk.solution').read(ids, ['request_ids']) : [];
  const touched = new Set<number>();
  for (const current of rows.length ? rows.map((r) => (r.request_ids as number[]) ?? []) : [[]]) {
    const t = touchedIds(current, commands);
    // Commands that create requests from here make new, open requests: nothing closed is touched.
    for (const id of t ?? []) touched.add(id);
  }
  if (!touched.size) return;
  const states = await env.sudo().model('helpdesk.request').read([...touched], ['state']);
  if (states.some((r) => r.state === 'closed')) throw new UserError(message(env, 'closedSolutionRequests'));
}

export default defineModel({
  name: 'helpdesk.solution',
  description: l('Solution', 'Solución'),
  order: 'date desc, id desc',
  fields: {
    name: char({ string: l('Name', 'Nombre'), required: true }),
    user_id: many2one('res.users', {
      string: l('Responsible', 'Responsable'), required: true, default: (env: Env) => env.uid,
    }),
    date: datetime({ string: l('Created on', 'Fecha de creación'), required: true, default: now }),
    date_deadline: date({ string: l('Deadline', 'Fecha límite'), required: true }),
    description: text({ string: l('Description', 'Descripción') }),
    request_ids: many2many('helpdesk.request', {
      string: l('Incidents', 'Incidentes'),
      relation: 'helpdesk_request_solution_rel', column1: 'solution_id', column2: 'request_id',
    }),
    partner_id: many2one('res.partner', { string: l('Associate', 'Asociado') }),
    notify_partner: boolean({ string: l('Keep the associate informed', 'Mantener informado al asociado') }),
    state: selection(SOLUTION_STATES, { string: l('State', 'Estado'), readonly: true, default: 'draft', copy: false }),
  },
  hooks: {
    beforeCreate: (env, vals) => checkRequestLinks(env, [], vals.request_ids),
    beforeWrite: (env, ids, vals) => checkRequestLinks(env, ids, vals.request_ids),
  },
});
