// For hundreds of random domains over random data, the SQL the compiler writes selects exactly
// the records the in-memory reference evaluation selects: on SQLite and on PostgreSQL, with
// 7.0's and Odoo's NULL handling, with and without active_test and record rules; and counting
// the rows of the compiled query gives as many as it selects (search_count counts rows). Each
// domain is compiled twice: with sub-queries only, and with many2one paths as LEFT JOINs.
import { applyDomain, evaluateDomain, type DomainContext, type InMemoryData } from '../../../src/orm/domain';
import { BACKENDS, createScratchDb, type ScratchDb } from '../../support/backends';
import { PARTNER } from '../../unit/domain/models';
import { makeData, makeDomain, rng } from './random-domains';
import { createSchema, dbCtx, loadData } from './schema';

const DATASETS = [101, 202, 303];
const DOMAINS_PER_DATASET = 300;

const RULES: Record<string, unknown[]> = {
  'test.tag': ['|', ['color', '=', false], ['color', '<', 4]],
  'test.category': ['|', ['parent_id', '=', false], ['parent_id.name', '!=', 'beta']],
};

interface Mismatch { domain: unknown[]; ctx: string; sql: number[]; memory: number[]; culprits: unknown[] }

const T = PARTNER.table;

async function both(db: ScratchDb, domain: unknown[], ctx: DomainContext, data: InMemoryData, joins: boolean) {
  const memory = evaluateDomain(domain, PARTNER, ctx, data);
  const qb = applyDomain(db.knex(T).select(`${T}.id`).orderBy(`${T}.id`), PARTNER, domain, ctx, T, { joins });
  const sql = (await qb).map((row: { id: number }) => Number(row.id));
  return { memory, sql, same: JSON.stringify(sql) === JSON.stringify(memory) };
}

/** search_count counts rows: the compiled WHERE (and its joins) must never yield a record twice. */
async function rowCount(db: ScratchDb, domain: unknown[], ctx: DomainContext, joins: boolean): Promise<number> {
  const row = await applyDomain(db.knex(T), PARTNER, domain, ctx, T, { joins }).count({ n: '*' }).first();
  return Number((row as { n: unknown }).n);
}

describe.each(BACKENDS)('random domains: SQL equals the in-memory evaluation (%s)', (backend) => {
  let db: ScratchDb;
  afterEach(async () => {
    await db?.destroy();
  });

  test.each(DATASETS)('dataset %i', async (seed) => {
    db = await createScratchDb(backend);
    await createSchema(db.knex);
    const data: InMemoryData = makeData(rng(seed));
    await loadData(db.knex, data);
    const r = rng(seed * 7919);
    const mismatches: Mismatch[] = [];
    const duplicated: unknown[][] = [];
    let nonTrivial = 0;
    for (let i = 0; i < DOMAINS_PER_DATASET; i++) {
      const domain = makeDomain(r);
      const activeTest = r() < 0.7;
      const rules = r() < 0.3;
      for (const [negativeOpsIncludeNull, joins] of [[false, false], [true, false], [false, true], [true, true]]) {
        const ctx: DomainContext = dbCtx(db, {
          activeTest, negativeOpsIncludeNull, ruleDomain: rules ? (m) => RULES[m] ?? null : undefined,
        });
        const { memory, sql, same } = await both(db, domain, ctx, data, joins);
        if (i % 3 === 0 && (await rowCount(db, domain, ctx, joins)) !== sql.length) duplicated.push(domain);
        if (memory.length > 0 && memory.length < data.rows['test.partner'].length) nonTrivial++;
        if (!same) {
          // name the leaves that disagree on their own, to make a failure readable
          const culprits = [];
          for (const leaf of domain.filter(Array.isArray)) {
            if (!(await both(db, [leaf], ctx, data, joins)).same) culprits.push(leaf);
          }
          mismatches.push({ domain, ctx: JSON.stringify({ activeTest, negativeOpsIncludeNull, rules, joins }), sql, memory, culprits });
        }
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(duplicated.slice(0, 5)).toEqual([]);
    // the generator must produce domains that actually discriminate between records
    expect(nonTrivial).toBeGreaterThan(DOMAINS_PER_DATASET);
  });
});
