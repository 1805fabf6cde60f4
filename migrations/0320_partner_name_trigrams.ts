// Trigram indexes on the partner columns name_search matches with ILIKE '%...%' (name, email), on
// PostgreSQL through the pg_trgm extension. Where the extension cannot be had (not shipped with
// the server, or no right to create it) the database is made all the same, without them.
import type { Knex } from 'knex';

const INDEXES: [name: string, column: string][] = [
  ['res_partner_name_trgm_index', 'name'],
  ['res_partner_email_trgm_index', 'email'],
];

function isPg(knex: Knex): boolean {
  return ['pg', 'postgres', 'postgresql'].includes(String(knex.client.config.client));
}

function warn(why: string): void {
  process.emitWarning(`partner names are searched without trigram indexes: ${why}`, { code: 'PG_TRGM_UNAVAILABLE' });
}

/** Creates pg_trgm if it can; a failure is rolled back to a savepoint, so the migration goes on. */
async function trigrams(knex: Knex): Promise<boolean> {
  const available = await knex.raw("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'");
  if (available.rows.length === 0) {
    warn('the PostgreSQL server has no pg_trgm extension');
    return false;
  }
  try {
    await knex.transaction(async (sp) => { await sp.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm'); });
    return true;
  } catch (err) {
    warn(err instanceof Error ? err.message : String(err));
    return false;
  }
}

export async function up(knex: Knex): Promise<void> {
  if (!isPg(knex) || !(await trigrams(knex))) return;
  for (const [name, column] of INDEXES) {
    await knex.raw(`CREATE INDEX IF NOT EXISTS ${name} ON res_partner USING GIN (${column} gin_trgm_ops)`);
  }
}

export async function down(knex: Knex): Promise<void> {
  if (!isPg(knex)) return;
  for (const [name] of INDEXES) await knex.raw(`DROP INDEX IF EXISTS ${name}`);
}
