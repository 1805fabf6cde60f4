// res.partner's name_search as a many2one widget calls it: one search (the company's name read
// through a join), one visibility check, one query for the display names; and on PostgreSQL,
// on ten thousand partners, a plan that never scans the whole table in a sub-plan.
import { callModelMethod } from '../../../src/orm/call-method';
import { BACKENDS } from '../../support/backends';
import { statementsOf } from '../../support/statements';
import { makeUser, openBaseDb, type BaseDb } from './support';

describe.each(BACKENDS)('partner name_search on %s', (backend) => {
  let base: BaseDb;
  let uid: number;
  let ann: number;
  beforeAll(async () => {
    base = await openBaseDb(backend);
    const su = base.env(1);
    const company = await su.model('res.partner').create({ name: 'Zylofon Ltd', is_company: true });
    ann = await su.model('res.partner').create({ name: 'Ann', parent_id: company });
    uid = await makeUser(base, 'clerk', ['base.group_user', 'base.group_partner_manager']);
  });
  afterAll(async () => { await base?.destroy(); });

  const queries = (fn: () => Promise<unknown>): Promise<string[]> => statementsOf(base.db.knex, fn);

  it('checks the found ids once and searches the company name through a join', async () => {
    const call = () => callModelMethod(base.env(uid), 'res.partner', 'name_search', ['Zylo'], { limit: 8 });
    expect(await call()).toEqual([[ann, 'Zylofon Ltd, Ann'], [expect.any(Number), 'Zylofon Ltd']]);
    // the caller's groups, ACLs and rules are loaded per environment: only partner queries count
    const sql = (await queries(call)).filter((q) => /from ["`]res_partner["`]/.test(q));
    // the same statement twice is the same check made twice (name_get's, then read's)
    expect(new Set(sql).size).toBe(sql.length);
    expect(sql.length).toBeLessThanOrEqual(3);
    expect(sql[0]).toMatch(backend === 'pg'
      ? /LEFT JOIN LATERAL \(SELECT \* FROM "res_partner" AS "_j1" WHERE "_j1"\."id" = "res_partner"\."parent_id" OFFSET 0\)/
      : /LEFT JOIN "res_partner" AS "_j1" ON "_j1"\."id" = "res_partner"\."parent_id"/);
    expect(sql[0]).not.toMatch(/IN \(SELECT/);
  });

  it('counts each partner once when the domain goes through the company', async () => {
    const env = base.env(uid);
    const domain = ['|', ['parent_id.name', 'ilike', 'zylo'], ['name', 'ilike', 'zylo']];
    const ids = await env.model('res.partner').search(domain);
    expect(ids).toHaveLength(2);
    expect(await env.model('res.partner').searchCount(domain)).toBe(2);
    expect(await env.model('res.partner').searchCount([['parent_id.name', 'not ilike', 'zylo']])).toBe(0);
  });
});

describe('partner name_search plan on pg with ten thousand partners', () => {
  let base: BaseDb;
  beforeAll(async () => {
    base = await openBaseDb('pg');
    const k = base.db.knex;
    const su = base.env(1);
    const companies: number[] = [];
    for (let i = 1; i <= 30; i++) companies.push(await su.model('res.partner').create({ name: `Empresa ${i}`, is_company: true }));
    const rows: Record<string, unknown>[] = [];
    for (let i = 1; i <= 270; i++) {
      rows.push({ name: `Contacto ${i} Pérez`, parent_id: companies[i % 30], email: `contacto${i}@empresa.example` });
    }
    for (let i = 0; i < 10_000; i++) rows.push({ name: `Partner ${i} ${(i * 7919 % 10007).toString(16)}`, email: `p${i}@example.com` });
    await k.batchInsert('res_partner', rows.map((r) => ({ active: true, is_company: false, notification_email_send: 'comment', ...r })), 1000);
    await k.raw('ANALYZE res_partner');
  });
  afterAll(async () => { await base?.destroy(); });

  /** The plan of the search query name_search sends, with its own bound values. */
  async function plan(name: string): Promise<{ found: unknown; plan: string }> {
    let search: { sql: string; bindings: unknown[] } | null = null;
    const listener = (q: { sql: string; bindings: unknown[] }) => { search ??= q; };
    base.db.knex.on('query', listener);
    let found: unknown;
    try {
      found = await callModelMethod(base.env(1), 'res.partner', 'name_search', [name], { limit: 8 });
    } finally {
      base.db.knex.removeListener('query', listener);
    }
    const q = search as unknown as { sql: string; bindings: unknown[] };
    expect(q.sql).toMatch(/^select "res_partner"\."id" from "res_partner"/);
    const res = await base.db.knex.raw(`EXPLAIN ${q.sql.replace(/\$\d+/g, '?')}`, q.bindings as never[]);
    return { found, plan: res.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n') };
  }

  it('reads the company through an index lookup and stops at the limit, scanning no table whole', async () => {
    const { found, plan: text } = await plan('contacto 1');
    expect((found as unknown[]).length).toBe(8);
    expect(text).not.toMatch(/SubPlan/);
    expect(text).not.toMatch(/Seq Scan/);
    expect(text).toMatch(/Limit/);
  });

  it('never computes the company names of every partner first, whatever the term', async () => {
    for (const term of ['Empresa 7', 'zzqq', 'example']) {
      const { plan: text } = await plan(term);
      // neither in a sub-plan nor as the hash side of a join (which cannot stop at the limit)
      expect(text).not.toMatch(/SubPlan|InitPlan|Hash/);
    }
  });
});
