// Incoming mail: aliases (an address that opens records of a model), the ledger of processed
// Message-IDs (its unique index makes a message count once, even when two copies arrive at the
// same moment), the table behind the mail.thread entry point, and a lookup index for replies.
import type { Knex } from 'knex';
import { logColumns } from './helpers';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('mail_alias', (t) => {
    t.increments('id');
    t.string('alias_name').notNullable().unique();
    t.integer('alias_model_id').notNullable().references('id').inTable('ir_model').onDelete('CASCADE');
    t.text('alias_defaults').notNullable().defaultTo('{}');
    t.integer('alias_force_thread_id');
    logColumns(t);
  });
  await knex.schema.createTable('mail_inbound', (t) => {
    t.increments('id');
    t.string('message_id').notNullable().unique();
    t.string('model');
    t.integer('res_id');
    t.timestamp('create_date', { useTz: false });
  });
  // mail.thread holds no records; the model exists so that its methods can be called.
  await knex.schema.createTable('mail_thread', (t) => {
    t.increments('id');
    logColumns(t);
  });
  await knex.schema.alterTable('mail_message', (t) => {
    t.index(['message_id'], 'mail_message_message_id_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('mail_message', (t) => {
    t.dropIndex(['message_id'], 'mail_message_message_id_index');
  });
  await knex.schema.dropTable('mail_thread');
  await knex.schema.dropTable('mail_inbound');
  await knex.schema.dropTable('mail_alias');
}
