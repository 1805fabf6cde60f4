// The text of a service request that PostgreSQL's full-text index holds, defined once as a SQL
// function: the index is built on it and models/helpdesk_master/related-requests.ts searches with
// it by name, so the two cannot drift apart. Accents are folded as the search terms are.
import type { Knex } from 'knex';

export const REQUEST_DOCUMENT_FUNCTION = 'helpdesk_request_document';
export const REQUEST_TEXT_INDEX = 'helpdesk_request_text_idx';

/** Creates (or replaces) the function and the GIN index on it. PostgreSQL only. */
export async function createRequestTextIndex(knex: Knex): Promise<void> {
  await knex.raw(`CREATE OR REPLACE FUNCTION ${REQUEST_DOCUMENT_FUNCTION}(subject text, description text)
    RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT to_tsvector('simple', translate(coalesce(subject, '') || ' ' || coalesce(description, ''),
        'áéíóúüñÁÉÍÓÚÜÑàèìòùç', 'aeiouunAEIOUUNaeiouc'))
    $$`);
  await knex.raw(`CREATE INDEX IF NOT EXISTS ${REQUEST_TEXT_INDEX} ON helpdesk_request
    USING GIN (${REQUEST_DOCUMENT_FUNCTION}(subject, description))`);
}

export async function dropRequestTextFunction(knex: Knex): Promise<void> {
  await knex.raw(`DROP INDEX IF EXISTS ${REQUEST_TEXT_INDEX}`);
  await knex.raw(`DROP FUNCTION IF EXISTS ${REQUEST_DOCUMENT_FUNCTION}(text, text)`);
}
