// Schema of module helpdesk_master: service requests, solutions, their links, and the full-text
// index that suggests related requests (FTS5 kept by triggers on SQLite, a GIN index on PostgreSQL).
import type { Knex } from 'knex';
import { createRelation, logColumns } from './helpers';
import { createRequestTextIndex, dropRequestTextFunction } from './request-text';

function isPg(knex: Knex): boolean {
  return ['pg', 'postgres', 'postgresql'].includes(String(knex.client.config.client));
}

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('helpdesk_request', (t) => {
    t.increments('id');
    t.string('name');
    t.string('subject').notNullable();
    t.text('description');
    t.timestamp('date', { useTz: false });
    t.timestamp('date_closed', { useTz: false });
    t.string('category').notNullable();
    t.string('state').notNullable().defaultTo('draft');
    t.string('priority');
    t.integer('partner_id').references('id').inTable('res_partner').onDelete('SET NULL');
    t.integer('user_id').references('id').inTable('res_users').onDelete('SET NULL');
    t.integer('company_id').references('id').inTable('res_company').onDelete('SET NULL');
    t.integer('origin_server_id').references('id').inTable('helpdesk_server').onDelete('SET NULL');
    t.string('origin_ref');
    t.integer('support_server_id').references('id').inTable('helpdesk_server').onDelete('SET NULL');
    t.string('remote_ref');
    logColumns(t);
    t.index(['state']);
    t.index(['company_id']);
    t.index(['date']);
  });
  await knex.schema.createTable('helpdesk_solution', (t) => {
    t.increments('id');
    t.string('name').notNullable();
    t.integer('user_id').notNullable().references('id').inTable('res_users');
    t.timestamp('date', { useTz: false }).notNullable();
    t.date('date_deadline').notNullable();
    t.text('description');
    t.integer('partner_id').references('id').inTable('res_partner').onDelete('SET NULL');
    t.boolean('notify_partner').notNullable().defaultTo(false);
    t.string('state').notNullable().defaultTo('draft');
    logColumns(t);
  });
  await createRelation(knex, 'helpdesk_request_problem_rel',
    'request_id', 'helpdesk_request', 'problem_id', 'helpdesk_problem');
  await createRelation(knex, 'helpdesk_request_related_rel',
    'request_id', 'helpdesk_request', 'related_id', 'helpdesk_request');
  await createRelation(knex, 'helpdesk_request_solution_rel',
    'request_id', 'helpdesk_request', 'solution_id', 'helpdesk_solution');
  await createTextSearch(knex);
}

async function createTextSearch(knex: Knex): Promise<void> {
  if (isPg(knex)) {
    await createRequestTextIndex(knex);
    return;
  }
  // An external-content FTS5 table: the text stays in helpdesk_request, the index follows it.
  await knex.raw(`CREATE VIRTUAL TABLE helpdesk_request_fts USING fts5(subject, description,
    content='helpdesk_request', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`);
  await knex.raw(`CREATE TRIGGER helpdesk_request_fts_insert AFTER INSERT ON helpdesk_request BEGIN
    INSERT INTO helpdesk_request_fts(rowid, subject, description) VALUES (new.id, new.subject, new.description);
  END`);
  await knex.raw(`CREATE TRIGGER helpdesk_request_fts_delete AFTER DELETE ON helpdesk_request BEGIN
    INSERT INTO helpdesk_request_fts(helpdesk_request_fts, rowid, subject, description)
      VALUES ('delete', old.id, old.subject, old.description);
  END`);
  await knex.raw(`CREATE TRIGGER helpdesk_request_fts_update AFTER UPDATE OF subject, description
    ON helpdesk_request BEGIN
    INSERT INTO helpdesk_request_fts(helpdesk_request_fts, rowid, subject, description)
      VALUES ('delete', old.id, old.subject, old.description);
    INSERT INTO helpdesk_request_fts(rowid, subject, description) VALUES (new.id, new.subject, new.description);
  END`);
}

export async function down(knex: Knex): Promise<void> {
  if (!isPg(knex)) {
    for (const trigger of ['insert', 'delete', 'update']) {
      await knex.raw(`DROP TRIGGER IF EXISTS helpdesk_request_fts_${trigger}`);
    }
    await knex.raw('DROP TABLE IF EXISTS helpdesk_request_fts');
  }
  for (const table of [
    'helpdesk_request_solution_rel', 'helpdesk_request_related_rel', 'helpdesk_request_problem_rel',
    'helpdesk_solution', 'helpdesk_request',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
  if (isPg(knex)) await dropRequestTextFunction(knex);
}
