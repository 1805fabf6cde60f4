// Filler partners written straight into a benchmark database in large batches (seeding is not
// what is measured), then the planner's statistics refreshed, so that a run can measure the same
// calls on 10,000 or 1,000,000 partners.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { sqliteAfterCreate } from '../src/db/sqlite-functions';

/** A connection to the benchmark server's own database, by backend. */
export function openBenchDatabase(backend: 'sqlite' | 'pg', pgUrl: string, db: string, dataDir: string): Knex {
  if (backend === 'pg') {
    const url = new URL(pgUrl);
    url.pathname = `/${db}`;
    return knexFactory({ client: 'pg', connection: url.toString(), pool: { min: 0, max: 2 } });
  }
  // the triggers of the trigram tables call unicode_lower()
  return knexFactory({
    client: 'better-sqlite3', connection: { filename: join(dataDir, `${db}.sqlite`) }, useNullAsDefault: true,
    pool: { afterCreate: sqliteAfterCreate },
  });
}

/** One filler partner in a hundred is a company; the 99 after it are its contacts. */
const CONTACTS_PER_COMPANY = 99;

/**
 * Writes `count` partners, then ANALYZE: companies, each followed by up to 99 contacts of its
 * own (a city and an email each), so that searches through the company have work to do and no
 * company's contact list grows with the table.
 */
export async function writeFillerPartners(knex: Knex, backend: 'sqlite' | 'pg', count: number,
  progress: (done: number) => void = () => {}): Promise<void> {
  const extra = (await knex.schema.hasColumn('res_partner', 'notification_email_send')) ? { notification_email_send: 'comment' } : {};
  // the stored complete name, as the server writes it ("Company, Contact"), where the column exists
  const completeNames = await knex.schema.hasColumn('res_partner', 'complete_name');
  const complete = (name: string, company?: string) => (completeNames ? { complete_name: company ? `${company}, ${name}` : name } : {});
  const batch = backend === 'pg' ? 2000 : 400;
  const tag = randomBytes(4).toString('hex');
  const group = CONTACTS_PER_COMPANY + 1;
  const companies = Math.ceil(count / group);
  for (let i = 0; i < companies; i += batch) {
    const rows = Array.from({ length: Math.min(batch, companies - i) }, (_, k) => ({
      name: `Compañía ${i + k} ${tag}`, email: `c${i + k}@example.com`, city: 'Santa Clara', active: true, is_company: true, ...extra,
      ...complete(`Compañía ${i + k} ${tag}`),
    }));
    await knex.batchInsert('res_partner', rows, batch);
  }
  const companyIds = (await knex('res_partner').where('name', 'like', `Compañía % ${tag}`).orderBy('id').pluck('id')) as number[];
  const contacts = count - companies;
  for (let i = 0; i < contacts; i += batch) {
    const rows = Array.from({ length: Math.min(batch, contacts - i) }, (_, k) => {
      const company = Math.floor((i + k) / CONTACTS_PER_COMPANY) % companyIds.length;
      const name = `Partner ${i + k} ${randomBytes(6).toString('hex')}`;
      return {
        name, email: `p${i + k}@example.com`, city: 'La Habana',
        comment: 'Cliente desde 2019; prefiere llamadas por la mañana.', active: true, is_company: false, ...extra,
        parent_id: companyIds[company], ...complete(name, `Compañía ${company} ${tag}`),
      };
    });
    await knex.batchInsert('res_partner', rows, batch);
    if ((i / batch) % 50 === 49) progress(companies + i + rows.length);
  }
  await knex.raw('ANALYZE');
}
