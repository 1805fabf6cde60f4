// The manual's rule (table 4): a problem belongs to one kind of request. A problem may be linked
// to a request only when the problem's `request_category` is the request's `category`; checked
// from both sides after every write, so a mismatch from any x2many command links nothing.
import type { Constraint, Env } from '../../src/orm/define';
import { l } from '../helpdesk_resources/i18n';

const MISMATCH = l(
  "A problem can only be linked to requests of its own request category (the problem's request category must be the request's category).",
  'Un problema solo puede asociarse a solicitudes de su misma categoría (la categoría de solicitud del problema debe ser la categoría de la solicitud).',
);

/** Whether every (request, problem) link among these rows joins the same category. */
async function linksMatch(env: Env, requestIds: number[], problemIds: number[] | null): Promise<boolean> {
  const su = env.sudo();
  const requests = await su.model('helpdesk.request').read(requestIds, ['category', 'problem_ids']);
  const wanted = new Set(problemIds ?? requests.flatMap((r) => (r.problem_ids as number[]) ?? []));
  if (!wanted.size) return true;
  const problems = await su.model('helpdesk.problem').read([...wanted], ['request_category']);
  const categoryOf = new Map(problems.map((p) => [Number(p.id), p.request_category]));
  return requests.every((r) => ((r.problem_ids as number[]) ?? [])
    .filter((pid) => wanted.has(pid))
    .every((pid) => categoryOf.get(pid) === r.category));
}

/** On helpdesk.request: its problems are of its category (also when the category changes). */
export const requestProblemsMatchCategory: Constraint = {
  name: 'request_problems_match_category',
  fields: ['category', 'problem_ids'],
  check: async (env, ids) => (await linksMatch(env, ids, null) ? null : MISMATCH),
};

/** On helpdesk.problem: the requests it is linked to are of its request category. */
export const problemRequestsMatchCategory: Constraint = {
  name: 'problem_requests_match_category',
  fields: ['request_category', 'request_ids'],
  check: async (env, ids) => {
    const rows = await env.sudo().model('helpdesk.problem').read(ids, ['request_ids']);
    const requests = [...new Set(rows.flatMap((r) => (r.request_ids as number[]) ?? []))];
    return !requests.length || await linksMatch(env, requests, ids) ? null : MISMATCH;
  },
};
