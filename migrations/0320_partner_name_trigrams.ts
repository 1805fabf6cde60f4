// Trigram indexes on the partner columns name_search matches with ILIKE '%...%' (name, email), on
// PostgreSQL through the pg_trgm extension. Where the extension cannot be had (not shipped with
// the server, or no right to create it) the database is made all the same, without them.
import type { Knex } from 'knex';
import { createPgTrigramIndex, isPg, pgTrigramIndexName, pgTrigrams } from './trigram';

const COLUMNS = ['name', 'email'];

export async function up(knex: Knex): Promise<void> {
  if (!isPg(knex) || !(await pgTrigrams(knex))) return;
  for (const column of COLUMNS) await createPgTrigramIndex(knex, 'res_partner', column);
}

export async function down(knex: Knex): Promise<void> {
  if (!isPg(knex)) return;
  for (const column of COLUMNS) await knex.raw(`DROP INDEX IF EXISTS ${pgTrigramIndexName('res_partner', column)}`);
}
