// Databases made before the request text became a function (migration 0102 then indexed the
// expression itself) get the function and their index rebuilt on it; newer ones are unchanged.
import type { Knex } from 'knex';
import { createRequestTextIndex, REQUEST_TEXT_INDEX } from './request-text';

function isPg(knex: Knex): boolean {
  return ['pg', 'postgres', 'postgresql'].includes(String(knex.client.config.client));
}

export async function up(knex: Knex): Promise<void> {
  if (!isPg(knex)) return;
  const uses = await knex.raw('SELECT indexdef FROM pg_indexes WHERE indexname = ?', [REQUEST_TEXT_INDEX]);
  const def = String(uses.rows[0]?.indexdef ?? '');
  if (def.includes('helpdesk_request_document(')) return;
  await knex.raw(`DROP INDEX IF EXISTS ${REQUEST_TEXT_INDEX}`);
  await createRequestTextIndex(knex);
}

export async function down(): Promise<void> {
  // the function is the definition 0102 creates from now on: nothing to undo
}
