// Filler partners written straight into a benchmark database in large batches (seeding is not
// what is measured), then the planner's statistics refreshed, so that a run can measure the same
// calls on 10,000 or 1,000,000 partners.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import knexFactory, { type Knex } from 'knex';

/** A connection to the benchmark server's own database, by backend. */
export function openBenchDatabase(backend: 'sqlite' | 'pg', pgUrl: string, db: string, dataDir: string): Knex {
  if (backend === 'pg') {
    const url = new URL(pgUrl);
    url.pathname = `/${db}`;
    return knexFactory({ client: 'pg', connection: url.toString(), pool: { min: 0, max: 2 } });
  }
  return knexFactory({ client: 'better-sqlite3', connection: { filename: join(dataDir, `${db}.sqlite`) }, useNullAsDefault: true });
}

/**
 * Writes `count` partners (a city and an email each; contacts of `parents` in turn when given,
 * so that searches through the company have work to do), then ANALYZE.
 */
export async function writeFillerPartners(knex: Knex, backend: 'sqlite' | 'pg', count: number,
  progress: (done: number) => void = () => {}, parents: number[] = []): Promise<void> {
  const extra = (await knex.schema.hasColumn('res_partner', 'notification_email_send')) ? { notification_email_send: 'comment' } : {};
  const batch = backend === 'pg' ? 2000 : 400;
  for (let i = 0; i < count; i += batch) {
    const rows = Array.from({ length: Math.min(batch, count - i) }, (_, k) => ({
      name: `Partner ${i + k} ${randomBytes(6).toString('hex')}`, email: `p${i + k}@example.com`, city: 'La Habana',
      comment: 'Cliente desde 2019; prefiere llamadas por la mañana.', active: true, is_company: false, ...extra,
      ...(parents.length ? { parent_id: parents[(i + k) % parents.length] } : {}),
    }));
    await knex.batchInsert('res_partner', rows, batch);
    if ((i / batch) % 50 === 49) progress(i + rows.length);
  }
  await knex.raw('ANALYZE');
}
