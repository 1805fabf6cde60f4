// res.partner's name_search as a many2one widget calls it: one search on one column, the stored
// complete name ("Company, Contact"), or the email, one query for the display names; and, on a
// table of two hundred thousand partners, plans on both backends that go through the trigram indexes of
// those two columns instead of reading the table in name order.
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

  it('checks the found ids once and matches the complete name or the email, with no join', async () => {
    const call = () => callModelMethod(base.env(uid), 'res.partner', 'name_search', ['Zylo'], { limit: 8 });
    expect(await call()).toEqual([[ann, 'Zylofon Ltd, Ann'], [expect.any(Number), 'Zylofon Ltd']]);
    // the caller's groups, ACLs and rules are loaded per environment: only partner queries count
    const sql = (await queries(call)).filter((q) => /from ["`]res_partner["`]/.test(q));
    // the same statement twice is the same check made twice (name_get's, then read's)
    expect(new Set(sql).size).toBe(sql.length);
    expect(sql.length).toBeLessThanOrEqual(3);
    expect(sql[0]).toMatch(/"res_partner"\."complete_name"/);
    expect(sql[0]).toMatch(/"res_partner"\."email"/);
    expect(sql[0]).not.toMatch(/JOIN/i);
    if (backend === 'sqlite') {
      // each narrowed by its trigram table, then tested exactly
      expect(sql[0]).toMatch(/"res_partner"\."id" IN \(SELECT rowid FROM "res_partner_complete_name_trgm" WHERE "res_partner_complete_name_trgm" MATCH \?\) AND unicode_like\("res_partner"\."complete_name"/);
      expect(sql[0]).toMatch(/"res_partner"\."id" IN \(SELECT rowid FROM "res_partner_email_trgm" WHERE "res_partner_email_trgm" MATCH \?\) AND unicode_like\("res_partner"\."email"/);
    }
  });

  it('finds a contact by its company\'s name, its own, a span of both, or its email; not by a third partner\'s', async () => {
    const su = base.env(1);
    const bob = await su.model('res.partner').create({ name: 'Bob Ñúñez', parent_id: ann, email: 'bob@quux.example' });
    try {
      const names = async (term: string) => (await callModelMethod(base.env(uid), 'res.partner', 'name_search', [term], { limit: 8 }) as [number, string][])
        .map(([, name]) => name);
      // Ann's company is Bob's company's company: Bob is named after Ann alone
      expect(await names('ann, bob')).toEqual(['Ann, Bob Ñúñez']);
      expect(await names('ÑÚÑ')).toEqual(['Ann, Bob Ñúñez']);
      expect(await names('QUUX.EX')).toEqual(['Ann, Bob Ñúñez']);
      expect(await names('Zylofon Ltd, Ann')).toEqual(['Zylofon Ltd, Ann']);
      expect(await names('b_b')).toEqual(['Ann, Bob Ñúñez']);
      expect(await names('nobody at all')).toEqual([]);
    } finally {
      await su.model('res.partner').unlink([bob]);
    }
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

/** Enough rows that PostgreSQL's planner prefers the trigram index to reading the table whole. */
const PARTNERS = 200_000;

describe.each(BACKENDS)('partner name_search plan on %s with two hundred thousand partners', (backend) => {
  let base: BaseDb;
  beforeAll(async () => {
    base = await openBaseDb(backend);
    const k = base.db.knex;
    const su = base.env(1);
    const companies: [number, string][] = [];
    for (let i = 1; i <= 30; i++) companies.push([await su.model('res.partner').create({ name: `Empresa ${i}`, is_company: true }), `Empresa ${i}`]);
    const rows: Record<string, unknown>[] = [];
    for (let i = 1; i <= 270; i++) {
      const [parent, company] = companies[i % 30];
      const name = `Contacto ${i} Pérez`;
      rows.push({ name, complete_name: `${company}, ${name}`, parent_id: parent, email: `contacto${i}@empresa.example` });
    }
    // written straight into the table, with the complete name the server would have stored
    for (let i = 0; i < PARTNERS; i++) {
      const name = `Partner ${i} ${(i * 7919 % 10007).toString(16)}`;
      rows.push({ name, complete_name: name, email: `p${i}@example.com` });
    }
    await k.batchInsert('res_partner', rows.map((r) => ({ active: true, is_company: false, notification_email_send: 'comment', ...r })), backend === 'pg' ? 1000 : 400);
    await k.raw(backend === 'pg' ? 'ANALYZE res_partner' : 'ANALYZE');
  });
  afterAll(async () => { await base?.destroy(); });

  /** The plan of the one query name_search sends (ids and complete names), with its own bound values. */
  async function plan(name: string): Promise<{ found: unknown; plan: string }> {
    let search: { sql: string; bindings: unknown[] } | null = null;
    const listener = (q: { sql: string; bindings: unknown[] }) => { if (/^select .res_partner.\..id., .res_partner.\..complete_name. from .res_partner. where/.test(q.sql)) search ??= q; };
    base.db.knex.on('query', listener);
    let found: unknown;
    try {
      found = await callModelMethod(base.env(1), 'res.partner', 'name_search', [name], { limit: 8 });
    } finally {
      base.db.knex.removeListener('query', listener);
    }
    const q = search as unknown as { sql: string; bindings: unknown[] };
    if (backend === 'pg') {
      const res = await base.db.knex.raw(`EXPLAIN ${q.sql.replace(/\$\d+/g, '?')}`, q.bindings as never[]);
      return { found, plan: res.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n') };
    }
    const rows = await base.db.knex.raw(`EXPLAIN QUERY PLAN ${q.sql}`, q.bindings as never[]) as { detail: string }[];
    return { found, plan: rows.map((r) => r.detail).join('\n') };
  }

  it('finds contacts through the trigram indexes of the complete name and the email, not in name order', async () => {
    const { found, plan: text } = await plan('contacto 1');
    expect((found as [number, string][]).map(([, n]) => n)).toEqual([
      'Empresa 2, Contacto 1 Pérez', 'Empresa 11, Contacto 10 Pérez', 'Empresa 11, Contacto 100 Pérez',
      'Empresa 12, Contacto 101 Pérez', 'Empresa 13, Contacto 102 Pérez', 'Empresa 14, Contacto 103 Pérez',
      'Empresa 15, Contacto 104 Pérez', 'Empresa 16, Contacto 105 Pérez',
    ]);
    if (backend === 'pg') {
      expect(text).toMatch(/Bitmap Index Scan on res_partner_complete_name_trgm_index/);
      expect(text).toMatch(/Bitmap Index Scan on res_partner_email_trgm_index/);
      expect(text).not.toMatch(/Seq Scan|SubPlan|Hash/);
    } else {
      expect(text).toMatch(/SCAN res_partner_complete_name_trgm VIRTUAL TABLE INDEX/);
      expect(text).toMatch(/SCAN res_partner_email_trgm VIRTUAL TABLE INDEX/);
      // the partners are looked up by id from what the trigram tables answer, not scanned
      expect(text).not.toMatch(/SCAN res_partner( |$)/m);
      expect(text).not.toMatch(/USING INDEX res_partner_name_index/);
    }
  });

  it('finds a company\'s contacts by the company\'s name, and a partner by its email, the same way', async () => {
    const byCompany = await plan('Empresa 7,');
    expect((byCompany.found as [number, string][]).map(([, n]) => n)).toEqual([
      'Empresa 7, Contacto 126 Pérez', 'Empresa 7, Contacto 156 Pérez', 'Empresa 7, Contacto 186 Pérez',
      'Empresa 7, Contacto 216 Pérez', 'Empresa 7, Contacto 246 Pérez', 'Empresa 7, Contacto 36 Pérez',
      'Empresa 7, Contacto 6 Pérez', 'Empresa 7, Contacto 66 Pérez',
    ]);
    const byEmail = await plan('p4711@example');
    expect((byEmail.found as [number, string][]).map(([, n]) => n)).toEqual([`Partner 4711 ${(4711 * 7919 % 10007).toString(16)}`]);
    for (const { plan: text } of [byCompany, byEmail]) {
      expect(text).toMatch(backend === 'pg' ? /Bitmap Index Scan on res_partner_complete_name_trgm_index/ : /SCAN res_partner_complete_name_trgm VIRTUAL TABLE INDEX/);
      expect(text).not.toMatch(backend === 'pg' ? /Seq Scan|SubPlan|Hash/ : /SCAN res_partner( |$)/m);
    }
  });
});
