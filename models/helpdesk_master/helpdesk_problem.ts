// The requests a problem causes (the other side of helpdesk.request.problem_ids). Links may be
// made from either side, under the request's rules: only while that request is reviewed, and a
// problem's request category must stay that of its requests.
import { UserError } from '../../src/errors';
import { extendModel, many2many, type Env } from '../../src/orm/define';
import { l } from '../helpdesk_resources/i18n';
import { message } from './messages';
import { problemRequestsMatchCategory } from './problem-category-rule';
import { touchedIds } from './x2many-commands';

/** Requests whose link to these problems `commands` would add or remove must be under review. */
async function checkRequestLinks(env: Env, problemIds: number[], commands: unknown): Promise<void> {
  if (env.su || commands === undefined) return;
  const rows = problemIds.length
    ? await env.sudo().model('helpdesk.problem').read(problemIds, ['request_ids'])
    : [{ request_ids: [] as number[] }];
  const touched = new Set<number>();
  for (const row of rows) {
    const changed = touchedIds((row.request_ids as number[]) ?? [], commands);
    // Creating requests from here would bypass the request's own rules.
    if (changed === null) throw new UserError(message(env, 'problemsOnlyInReview'));
    for (const id of changed) touched.add(id);
  }
  if (!touched.size) return;
  const requests = await env.sudo().model('helpdesk.request').read([...touched], ['state']);
  if (requests.some((r) => r.state !== 'reviewed')) throw new UserError(message(env, 'problemsOnlyInReview'));
}

export default extendModel({
  extends: 'helpdesk.problem',
  fields: {
    request_ids: many2many('helpdesk.request', {
      string: l('Requests', 'Solicitudes'),
      relation: 'helpdesk_request_problem_rel', column1: 'problem_id', column2: 'request_id',
    }),
  },
  constraints: [problemRequestsMatchCategory],
  hooks: {
    beforeCreate: (env, vals) => checkRequestLinks(env, [], vals.request_ids),
    beforeWrite: (env, ids, vals) => checkRequestLinks(env, ids, vals.request_ids),
  },
});
