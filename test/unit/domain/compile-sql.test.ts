// The SQL text the compiler writes for tricky domains, per backend, without a database.
import knexFactory from 'knex';
import { CallError } from '../../../src/errors';
import { applyDomain, type DomainContext, type DomainModel } from '../../../src/orm/domain';
import { PARTNER, parseCtx } from './models';

const pg = knexFactory({ client: 'pg' });
const lite = knexFactory({ client: 'better-sqlite3', useNullAsDefault: true });

function sql(domain: unknown[], over: Partial<DomainContext> = {}, model: DomainModel = PARTNER) {
  const backend = over.backend ?? 'pg';
  const knex = backend === 'pg' ? pg : lite;
  const ctx: DomainContext = { ...parseCtx(), knex, backend, ...over };
  const q = applyDomain(knex(model.table).select('id'), model, domain, ctx).toSQL();
  return { sql: q.sql, bindings: q.bindings };
}

const P = '"test_partner"';

describe('SQL text', () => {
  test('ilike is ILIKE on PostgreSQL and unicode_like on SQLite; the active filter follows', () => {
    expect(sql([['name', 'ilike', 'x']])).toEqual({
      sql: `select "id" from "test_partner" where (${P}."name" ILIKE ? AND ${P}."active" = ?)`,
      bindings: ['%x%', true],
    });
    expect(sql([['name', 'like', 'x']], { backend: 'sqlite' }).sql)
      .toBe(`select \`id\` from \`test_partner\` where (unicode_like(${P}."name", ?, 0) AND ${P}."active" = ?)`);
    expect(sql([['name', '=ilike', 'x%']], { backend: 'sqlite' }).sql).toContain(`unicode_like(${P}."name", ?, 1)`);
  });

  test('!= adds the NULL rows only with the Odoo setting', () => {
    expect(sql([['ref', '!=', 'a']], { activeTest: false }).sql).toBe(`select "id" from "test_partner" where ${P}."ref" <> ?`);
    expect(sql([['ref', '!=', 'a']], { activeTest: false, negativeOpsIncludeNull: true }).sql)
      .toBe(`select "id" from "test_partner" where (${P}."ref" <> ? OR ${P}."ref" IS NULL)`);
    expect(sql([['ref', 'not ilike', 'a']], { activeTest: false, negativeOpsIncludeNull: true }).sql)
      .toBe(`select "id" from "test_partner" where (NOT (${P}."ref" ILIKE ?) OR ${P}."ref" IS NULL)`);
  });

  test('in with False, not in, and empty lists', () => {
    const where = (d: unknown[]) => sql(d, { activeTest: false }).sql.replace('select "id" from "test_partner" where ', '');
    expect(where([['visits', 'in', [1, false, 2]]])).toBe(`(${P}."visits" IN (?, ?) OR ${P}."visits" IS NULL)`);
    expect(where([['visits', 'not in', [1]]])).toBe(`(NOT (${P}."visits" IN (?)) OR ${P}."visits" IS NULL)`);
    expect(where([['visits', 'not in', [1, false]]])).toBe(`(NOT (${P}."visits" IN (?)) AND NOT (${P}."visits" IS NULL))`);
    expect(where([['visits', 'in', []]])).toBe('1 = 0');
    expect(sql([['visits', 'not in', []]], { activeTest: false }).sql).toBe('select "id" from "test_partner"');
  });

  test('a non-text column is cast for like', () => {
    expect(sql([['visits', 'like', 3]])).toMatchObject({
      sql: expect.stringContaining(`CAST(${P}."visits" AS TEXT) LIKE ?`), bindings: ['%3%', true],
    });
  });

  test('a dotted path is a sub-select with the active filter of the target', () => {
    expect(sql([['category_id.name', '=', 'a']], { activeTest: true }).sql).toContain(
      `${P}."category_id" IN (SELECT "_s1"."id" FROM "test_category" AS "_s1" WHERE ("_s1"."name" = ? AND "_s1"."active" = ?))`,
    );
  });

  test('a many2one compared with a name searches the target without the active filter', () => {
    expect(sql([['category_id', 'ilike', 'a']], { activeTest: false }).sql).toBe(
      `select "id" from "test_partner" where ${P}."category_id" IN (SELECT "_s1"."id" FROM "test_category" AS "_s1" WHERE "_s1"."name" ILIKE ?)`,
    );
  });

  test('child_of is a recursive query that steps through active children', () => {
    const { sql: text, bindings } = sql([['category_id', 'child_of', [3, 4]]], { activeTest: false });
    expect(text).toBe(
      `select "id" from "test_partner" where ${P}."category_id" IN (WITH RECURSIVE "_t1"("id") AS (`
      + 'SELECT "_s2"."id" FROM "test_category" AS "_s2" WHERE "_s2"."id" IN (?, ?) UNION '
      + 'SELECT "_c3"."id" FROM "test_category" AS "_c3" JOIN "_t1" ON "_c3"."parent_id" = "_t1"."id"'
      + ') SELECT "_t1"."id" FROM "_t1")',
    );
    expect(bindings).toEqual([3, 4]);
    expect(sql([['category_id', 'parent_of', 3]]).sql).toContain(
      'JOIN "test_category" AS "_p4" ON "_p4"."id" = "_c3"."parent_id" WHERE "_p4"."active" = ?',
    );
  });

  test('x2many terms test the relation', () => {
    expect(sql([['tag_ids', '=', false]], { activeTest: false }).sql).toBe(
      `select "id" from "test_partner" where NOT (${P}."id" IN (SELECT "_l1"."partner_id" FROM "test_partner_tag_rel" AS "_l1" WHERE "_l1"."partner_id" IS NOT NULL))`,
    );
    expect(sql([['child_ids', 'in', [7]]], { activeTest: false }).sql).toBe(
      `select "id" from "test_partner" where ${P}."id" IN (SELECT "_l1"."parent_id" FROM "test_partner" AS "_l1" WHERE "_l1"."parent_id" IS NOT NULL AND "_l1"."id" IN (?))`,
    );
  });

  test('values are bound, never written into the SQL', () => {
    const evil = "'); DROP TABLE test_partner; --";
    for (const backend of ['pg', 'sqlite'] as const) {
      const { sql: text, bindings } = sql(['|', ['name', '=', evil], ['category_id', 'ilike', evil]], { backend });
      expect(text).not.toContain('DROP');
      expect(bindings).toEqual([evil, `%${evil}%`, true]);
    }
  });

  test('an alias qualifies every column of the main table', () => {
    const ctx: DomainContext = { ...parseCtx(), knex: pg, backend: 'pg' };
    const q = applyDomain(pg({ p: 'test_partner' }).select('p.id'), PARTNER, [['name', '=', 'a']], ctx, 'p').toSQL();
    expect(q.sql).toBe('select "p"."id" from "test_partner" as "p" where ("p"."name" = ? AND "p"."active" = ?)');
  });

  test('an empty domain adds nothing; a false one adds 1 = 0', () => {
    expect(sql([], { activeTest: false }).sql).toBe('select "id" from "test_partner"');
    expect(sql([[0, '=', 1]]).sql).toBe('select "id" from "test_partner" where 1 = 0');
  });

  test('identifiers outside [A-Za-z0-9_] are refused', () => {
    const bad: DomainModel = { ...PARTNER, table: 'test"partner' };
    expect(() => sql([['name', '=', 'a']], {}, bad)).toThrow(CallError);
    const ctx: DomainContext = { ...parseCtx(), knex: pg, backend: 'pg' };
    expect(() => applyDomain(pg('x').select('id'), PARTNER, [['name', '=', 'a']], ctx, 'a b')).toThrow(CallError);
  });
});

describe('long lists of ids', () => {
  const ids = Array.from({ length: 40000 }, (_, i) => i + 1);

  test('travel as one bound value', () => {
    const onPg = sql([['id', 'in', ids]], { activeTest: false });
    expect(onPg.sql).toBe(`select "id" from "test_partner" where ${P}."id" IN (SELECT unnest(CAST(? AS bigint[])))`);
    expect(onPg.bindings).toHaveLength(1);
    const onLite = sql([['tag_ids', 'in', ids]], { activeTest: false, backend: 'sqlite' });
    expect(onLite.sql).toContain('"_l1"."tag_id" IN (SELECT value FROM json_each(?))');
    expect(onLite.bindings).toEqual([JSON.stringify(ids)]);
  });

  test('short lists and non-integers stay plain parameters', () => {
    expect(sql([['id', 'in', [1, 2]]], { activeTest: false }).bindings).toEqual([1, 2]);
    const names = ids.slice(0, 600).map(String);
    expect(sql([['name', 'in', names]], { activeTest: false }).bindings).toHaveLength(600);
  });
});

describe('many2one paths as joins', () => {
  function joined(domain: unknown[], over: Partial<DomainContext> = {}) {
    const backend = over.backend ?? 'pg';
    const knex = backend === 'pg' ? pg : lite;
    const ctx: DomainContext = { ...parseCtx(), knex, backend, activeTest: false, ...over };
    return applyDomain(knex(PARTNER.table).select(`${PARTNER.table}.id`), PARTNER, domain, ctx, PARTNER.table, { joins: true }).toSQL().sql;
  }
  const lateral = (table: string, j: string, on: string) =>
    `LEFT JOIN LATERAL (SELECT * FROM "${table}" AS "${j}" WHERE "${j}"."id" = ${on} OFFSET 0) AS "${j}" ON TRUE`;

  test('one LEFT JOIN per path, shared by every leaf on it, chained for a.b.c', () => {
    expect(joined(['|', ['parent_id.name', 'ilike', 'x'], ['parent_id.ref', '=', 'y']])).toBe(
      `select "test_partner"."id" from "test_partner" ${lateral('test_partner', '_j1', `${P}."parent_id"`)}`
      + ' where (("_j1"."id" IS NOT NULL AND "_j1"."name" ILIKE ?) OR ("_j1"."id" IS NOT NULL AND "_j1"."ref" = ?))',
    );
    expect(joined([['parent_id.category_id.name', '=', 'x']])).toBe(
      `select "test_partner"."id" from "test_partner" ${lateral('test_partner', '_j1', `${P}."parent_id"`)}`
      + ` ${lateral('test_category', '_j2', '"_j1"."category_id"')}`
      + ' where ("_j1"."id" IS NOT NULL AND ("_j2"."id" IS NOT NULL AND "_j2"."name" = ?))',
    );
  });

  test('SQLite joins plainly (its planner looks the target up by rowid)', () => {
    expect(joined([['parent_id.name', '=', 'x']], { backend: 'sqlite' })).toBe(
      `select \`test_partner\`.\`id\` from \`test_partner\` LEFT JOIN "test_partner" AS "_j1" ON "_j1"."id" = ${P}."parent_id"`
      + ' where ("_j1"."id" IS NOT NULL AND "_j1"."name" = ?)',
    );
  });

  test('the target\'s active filter and record rules apply to the joined row', () => {
    const q = joined([['category_id.name', '=', 'x']], {
      activeTest: true, ruleDomain: (m) => (m === 'test.category' ? [['parent_id', '=', false]] : null),
    });
    expect(q).toContain(lateral('test_category', '_j1', '"test_partner"."category_id"'));
    expect(q).toContain('("_j1"."id" IS NOT NULL AND ("_j1"."name" = ? AND "_j1"."active" = ? AND "_j1"."parent_id" IS NULL))');
  });

  test('under a NOT the test stays a sub-query, and x2many paths never join', () => {
    const q = joined(['!', ['category_id.name', '=like', 'x%'], ['tag_ids.name', '=', 'y']]);
    expect(q).not.toContain('JOIN');
    expect(q).toContain(`NOT (${P}."category_id" IN (SELECT "_s1"."id" FROM "test_category" AS "_s1"`);
  });
});
