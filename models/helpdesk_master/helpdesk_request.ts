// helpdesk.request (Solicitud de servicio): an incident filed by a help center and followed
// through its states. The reference comes from a sequence; a closed request is read-only and
// its problems may only change while it is being reviewed.
import {
  char, datetime, defineModel, many2many, many2one, selection, text,
} from '../../src/orm/define';
import { UserError } from '../../src/errors';
import type { Env } from '../../src/orm/define';
import { choices, l } from '../helpdesk_resources/i18n';
import { REQUEST_CATEGORIES } from '../helpdesk_general/categories';
import { now } from '../helpdesk_general/dates';
import { linkedAfter, sameIds } from './x2many-commands';
import { suggestRelated } from './related-requests';
import { message } from './messages';
import { userCompany } from '../base/company-default';
import { requestProblemsMatchCategory } from './problem-category-rule';

export const REQUEST_STATES = choices([
  ['draft', 'Draft', 'Borrador'],
  ['notified', 'Notified', 'Notificada'],
  ['reviewed', 'Reviewed', 'Revisada'],
  ['development', 'Development', 'Desarrollo'],
  ['testing', 'Testing', 'Prueba'],
  ['cancelled', 'Cancelled', 'Cancelada'],
  ['closed', 'Closed', 'Cerrada'],
]);

export const PRIORITIES = choices([
  ['0', 'Low', 'Baja'],
  ['1', 'Normal', 'Normal'],
  ['2', 'High', 'Alta'],
  ['3', 'Urgent', 'Urgente'],
]);

/** Fields only the workflow writes; they may still change as a request closes. */
const WORKFLOW_FIELDS = new Set(['state', 'date_closed']);

async function nextReference(env: Env): Promise<string> {
  const ref = await env.sudo().model('ir.sequence').call('next_by_code', { sequence_code: 'helpdesk.request' });
  return typeof ref === 'string' && ref ? ref : '/';
}

async function checkWritable(env: Env, ids: number[], vals: Record<string, unknown>): Promise<void> {
  if (env.su) return;
  const userFields = Object.keys(vals).some((k) => !WORKFLOW_FIELDS.has(k));
  const linksProblems = 'problem_ids' in vals;
  // The workflow's own writes (state, closing date) need nothing read here.
  if (!userFields && !linksProblems) return;
  const rows = await env.sudo().model('helpdesk.request').read(ids, linksProblems ? ['state', 'problem_ids'] : ['state']);
  if (userFields && rows.some((r) => r.state === 'closed')) {
    throw new UserError(message(env, 'closedReadOnly'));
  }
  if (!linksProblems) return;
  for (const r of rows) {
    const current = (r.problem_ids as number[]) ?? [];
    const after = linkedAfter(current, vals.problem_ids);
    if (r.state !== 'reviewed' && (after === null || !sameIds(current, after))) {
      throw new UserError(message(env, 'problemsOnlyInReview'));
    }
  }
}

export default defineModel({
  name: 'helpdesk.request',
  description: l('Service request', 'Solicitud de servicio'),
  order: 'date desc, id desc',
  fields: {
    name: char({ string: l('Reference', 'Referencia'), readonly: true, copy: false }),
    subject: char({ string: l('Subject', 'Asunto'), required: true }),
    description: text({ string: l('Description', 'Descripción') }),
    date: datetime({ string: l('Date', 'Fecha'), default: now, copy: false }),
    date_closed: datetime({ string: l('Closed on', 'Fecha de cierre'), readonly: true, copy: false }),
    category: selection(REQUEST_CATEGORIES, { string: l('Category', 'Categoría'), required: true }),
    state: selection(REQUEST_STATES, { string: l('State', 'Estado'), readonly: true, default: 'draft', copy: false }),
    priority: selection(PRIORITIES, { string: l('Priority', 'Prioridad'), default: '1' }),
    partner_id: many2one('res.partner', { string: l('Requester', 'Solicitante') }),
    user_id: many2one('res.users', { string: l('Responsible', 'Responsable'), default: (env: Env) => env.uid }),
    company_id: many2one('res.company', { string: l('Center', 'Centro'), default: userCompany }),
    problem_ids: many2many('helpdesk.problem', {
      string: l('Problems', 'Problemas'),
      relation: 'helpdesk_request_problem_rel', column1: 'request_id', column2: 'problem_id',
    }),
    related_request_ids: many2many('helpdesk.request', {
      string: l('Related incidents', 'Incidentes relacionados'),
      relation: 'helpdesk_request_related_rel', column1: 'request_id', column2: 'related_id',
    }),
    solution_ids: many2many('helpdesk.solution', {
      string: l('Solutions', 'Soluciones'),
      relation: 'helpdesk_request_solution_rel', column1: 'request_id', column2: 'solution_id',
    }),
    origin_server_id: many2one('helpdesk.server', { string: l('Origin center', 'Centro de origen'), copy: false }),
    origin_ref: char({ string: l('Origin reference', 'Referencia de origen'), copy: false }),
    support_server_id: many2one('helpdesk.server', { string: l('Support center', 'Centro de soporte') }),
    remote_ref: char({ string: l('Remote reference', 'Referencia remota'), copy: false }),
  },
  constraints: [requestProblemsMatchCategory],
  methods: {
    suggest_related: {
      params: ['id', 'limit', 'context'],
      fn: (env, args) => suggestRelated(env, args.id, args.limit),
    },
  },
  hooks: {
    beforeCreate: async (env, vals) => {
      // A new request is a draft: problems come later, in review (data loading may set both).
      const problems = linkedAfter([], vals.problem_ids ?? []);
      if (!env.su && (problems === null || problems.length)) throw new UserError(message(env, 'problemsOnlyInReview'));
      vals.name = await nextReference(env);
    },
    beforeWrite: checkWritable,
    beforeUnlink: async (env, ids) => {
      if (env.su) return;
      const rows = await env.sudo().model('helpdesk.request').read(ids, ['state']);
      if (rows.some((r) => r.state === 'closed')) throw new UserError(message(env, 'closedReadOnly'));
    },
  },
});
