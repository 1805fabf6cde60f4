// SQLite's trigram tables narrow like/ilike on a field with `trigramIndex`: the FTS5 query asks
// for the trigrams of the pattern's literal runs, lower-cased as the table's text is; the
// compiler adds it only where the test must hold, and keeps the exact test beside it.
import knexFactory from 'knex';
import { trigramQuery } from '../../../src/db/sqlite-trigrams';
import { applyDomain, type DomainContext, type DomainModel } from '../../../src/orm/domain';
import { PARTNER, parseCtx } from './models';

const lite = knexFactory({ client: 'better-sqlite3', useNullAsDefault: true });
const pg = knexFactory({ client: 'pg' });
const INDEXED: DomainModel = { ...PARTNER, fields: { ...PARTNER.fields, ref: { ...PARTNER.fields.ref, trigramIndex: true } } };

function sql(domain: unknown[], backend: 'sqlite' | 'pg' = 'sqlite') {
  const knex = backend === 'pg' ? pg : lite;
  const ctx: DomainContext = { ...parseCtx(), knex, backend, activeTest: false };
  return applyDomain(knex(INDEXED.table).select('id'), INDEXED, domain, ctx).toSQL();
}

describe('the FTS5 query of a LIKE pattern', () => {
  it('asks for every trigram of each literal run of 3 characters or more, lower-cased', () => {
    expect(trigramQuery('%Ñandú%')).toBe('"ñan" AND "and" AND "ndú"');
    expect(trigramQuery('%ab%cde%')).toBe('"cde"');
    expect(trigramQuery('%ab_de%')).toBeNull();
    expect(trigramQuery('%ab%')).toBeNull();
  });

  it('quotes what FTS5 would read as syntax, and escapes as LIKE does', () => {
    expect(trigramQuery('%a"b%')).toBe('"a""b"');
    expect(trigramQuery('%AND%')).toBe('"and"');
    // a backslash makes the next character literal: `\%` is a percent sign in the run
    expect(trigramQuery('%10\\%x%')).toBe('"10%" AND "0%x"');
  });

  it('asks for at most 16 trigrams of a long term', () => {
    expect(trigramQuery(`%${'abcdefghijklmnopqrstuvwxyz'}%`)!.split(' AND ')).toHaveLength(16);
  });
});

describe('like on a field with a trigram index', () => {
  it('is narrowed by the trigram table on SQLite, then tested exactly', () => {
    expect(sql([['ref', 'ilike', 'Abc']])).toEqual({
      sql: 'select `id` from `test_partner` where ("test_partner"."id" IN (SELECT rowid FROM "test_partner_ref_trgm" '
        + 'WHERE "test_partner_ref_trgm" MATCH ?) AND unicode_like("test_partner"."ref", ?, 1))',
      bindings: ['"abc"', '%Abc%'],
      method: 'select', options: {}, timeout: false, cancelOnTimeout: false, __knexQueryUid: expect.any(String),
    });
  });

  it('is the exact test alone under a NOT, for a short term, and on PostgreSQL', () => {
    expect(sql([['ref', 'not ilike', 'Abc']]).sql).toBe('select `id` from `test_partner` where NOT (unicode_like("test_partner"."ref", ?, 1))');
    expect(sql(['!', '|', ['ref', 'ilike', 'Abc'], ['name', '=', 'x']]).sql).not.toMatch(/MATCH/);
    expect(sql([['ref', 'ilike', 'ab']]).sql).toBe('select `id` from `test_partner` where unicode_like("test_partner"."ref", ?, 1)');
    expect(sql([['ref', 'ilike', 'Abc']], 'pg').sql).toBe('select "id" from "test_partner" where "test_partner"."ref" ILIKE ?');
  });
});
