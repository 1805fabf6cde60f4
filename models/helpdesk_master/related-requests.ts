// Suggests earlier requests similar to one request, for the "Incidentes relacionados" tab: text
// similarity of subject and description through the backend's own full-text search (SQLite
// FTS5 table kept by triggers, PostgreSQL tsvector index), plus problems the two share.
import { CallError, MissingError } from '../../src/errors';
import { Double, newStruct, type RpcStruct } from '../../src/values';
import type { Env } from '../../src/orm/define';
import { searchTerms } from './search-terms';

const DEFAULT_LIMIT = 5;
/** One shared problem weighs as much as the best text match. */
const SHARED_PROBLEM_WEIGHT = 1;

type Cr = Env['cr'];

/**
 * The text PostgreSQL indexes for a request: a SQL function that the migrations define
 * (migrations/request-text.ts) and build the index on, so searching with it uses the index.
 */
const PG_REQUEST_DOCUMENT = 'helpdesk_request_document(subject, description)';

function isPg(cr: Cr): boolean {
  const client = String((cr.client as { config?: { client?: unknown } }).config?.client ?? '');
  return ['pg', 'postgres', 'postgresql'].includes(client);
}

/** Text rank of each matching request (higher is closer), the request itself excluded. */
async function textScores(cr: Cr, id: number, terms: string[], before: string): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (!terms.length) return out;
  let rows: { id: number | string; rank: number | string }[];
  if (isPg(cr)) {
    const doc = PG_REQUEST_DOCUMENT;
    const query = "to_tsquery('simple', ?)";
    const q = terms.join(' | ');
    rows = (await cr.raw(
      `SELECT id, ts_rank(${doc}, ${query}) AS rank FROM helpdesk_request
       WHERE ${doc} @@ ${query} AND id <> ? AND date <= ?`, [q, q, id, before],
    )).rows;
  } else {
    // bm25() is lower for better matches: negate it so that higher is closer on both backends.
    rows = await cr.raw(
      `SELECT f.rowid AS id, -bm25(helpdesk_request_fts) AS rank FROM helpdesk_request_fts f
       JOIN helpdesk_request r ON r.id = f.rowid
       WHERE helpdesk_request_fts MATCH ? AND f.rowid <> ? AND r.date <= ?`,
      [terms.map((t) => `"${t}"`).join(' OR '), id, before],
    );
  }
  const best = Math.max(...rows.map((r) => Number(r.rank)), 0);
  for (const r of rows) out.set(Number(r.id), best > 0 ? Number(r.rank) / best : 0);
  return out;
}

async function sharedProblems(cr: Cr, id: number, before: string): Promise<Map<number, number>> {
  const rows: { id: number | string; n: number | string }[] = await cr('helpdesk_request_problem_rel as a')
    .join('helpdesk_request_problem_rel as b', 'a.problem_id', 'b.problem_id')
    .join('helpdesk_request as r', 'r.id', 'b.request_id')
    .where('a.request_id', id).andWhere('b.request_id', '<>', id).andWhere('r.date', '<=', before)
    .groupBy('b.request_id').select('b.request_id as id').count('* as n');
  return new Map(rows.map((r) => [Number(r.id), Number(r.n)]));
}

export async function suggestRelated(env: Env, idArg: unknown, limitArg: unknown): Promise<RpcStruct[]> {
  const id = Array.isArray(idArg) && idArg.length === 1 ? idArg[0] : idArg;
  if (!Number.isInteger(id)) throw new CallError('suggest_related expects one request id', 'TypeError');
  const limit = Number.isInteger(limitArg) && (limitArg as number) > 0 ? (limitArg as number) : DEFAULT_LIMIT;
  // Read as the caller: a request the caller cannot see gives the usual access error.
  const [self] = await env.model('helpdesk.request').read([id as number], ['subject', 'description', 'date']);
  if (!self) throw new MissingError();
  const before = String(self.date || '9999-12-31 23:59:59');
  const terms = searchTerms(`${self.subject || ''} ${self.description || ''}`);
  const text = await textScores(env.cr, id as number, terms, before);
  const shared = await sharedProblems(env.cr, id as number, before);
  const scores = new Map<number, number>();
  for (const [rid, s] of text) scores.set(rid, s);
  for (const [rid, n] of shared) scores.set(rid, (scores.get(rid) ?? 0) + n * SHARED_PROBLEM_WEIGHT);
  // Only what the caller may see: the search applies the record rules.
  const visible = new Set(await env.model('helpdesk.request').search([['id', 'in', [...scores.keys()]]]));
  const ranked = [...scores].filter(([rid]) => visible.has(rid))
    .sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, limit);
  if (!ranked.length) return [];
  const rows = await env.model('helpdesk.request').read(ranked.map(([rid]) => rid), ['name', 'subject', 'state']);
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return ranked.map(([rid, score]) => {
    const r = byId.get(rid);
    const out = newStruct();
    out.id = rid;
    out.name = (r?.name as string) ?? false;
    out.subject = (r?.subject as string) ?? false;
    out.state = (r?.state as string) ?? false;
    out.score = new Double(Math.round(score * 1000) / 1000);
    return out;
  });
}
