// res.partner's stored complete name ("Company, Contact" for a contact of a company, else the
// name; models/base/res-partner-names.ts), filled for the partners already there, with the trigram
// indexes name_search then uses: on complete_name and email, pg_trgm's on PostgreSQL (email's
// comes from 0320, now with a small pending list, as name's), FTS5 tables on SQLite.
import type { Knex } from 'knex';
import {
  createPgTrigramIndex, createSqliteTrigramIndex, dropSqliteTrigramIndex, isPg, pgTrigramIndexName, pgTrigrams, withSmallPendingList,
} from './trigram';

/** The company's name, for a contact that is not a company itself; NULL without one. */
const PARENT_NAME = `(SELECT c.name FROM res_partner AS c WHERE c.id = res_partner.parent_id AND res_partner.is_company IS NOT TRUE)`;

export async function up(knex: Knex): Promise<void> {
  // a company's name, ", " and a contact's name: two names of at most 255 characters each
  await knex.schema.alterTable('res_partner', (t) => { t.string('complete_name', 512); });
  await knex.raw(`UPDATE res_partner SET complete_name = CASE WHEN coalesce(${PARENT_NAME}, '') <> ''
    THEN ${PARENT_NAME} || ', ' || coalesce(name, '') ELSE coalesce(name, '') END`);
  if (isPg(knex)) {
    if (!(await pgTrigrams(knex))) return;
    await createPgTrigramIndex(knex, 'res_partner', 'complete_name');
    for (const column of ['name', 'email']) await withSmallPendingList(knex, pgTrigramIndexName('res_partner', column));
    return;
  }
  for (const column of ['complete_name', 'email']) await createSqliteTrigramIndex(knex, 'res_partner', column);
}

export async function down(knex: Knex): Promise<void> {
  if (isPg(knex)) await knex.raw(`DROP INDEX IF EXISTS ${pgTrigramIndexName('res_partner', 'complete_name')}`);
  else for (const column of ['complete_name', 'email']) await dropSqliteTrigramIndex(knex, 'res_partner', column);
  await knex.schema.alterTable('res_partner', (t) => { t.dropColumn('complete_name'); });
}
