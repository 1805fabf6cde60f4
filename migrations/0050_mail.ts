// Mail schema: message subtypes, followers, messages (the chatter) and the outbox of emails.
// The outbox carries the sender's bookkeeping: attempts, the next try and a claim with a lease.
import type { Knex } from 'knex';
import { createRelation, logColumns } from './helpers';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('mail_message_subtype', (t) => {
    t.increments('id');
    t.string('name').notNullable();
    t.text('description');
    t.string('res_model');
    t.boolean('default').notNullable().defaultTo(true);
    logColumns(t);
  });
  await knex.schema.createTable('mail_followers', (t) => {
    t.increments('id');
    t.string('res_model').notNullable();
    t.integer('res_id').notNullable();
    t.integer('partner_id').notNullable().references('id').inTable('res_partner').onDelete('CASCADE');
    logColumns(t);
    t.unique(['res_model', 'res_id', 'partner_id']);
    t.index(['partner_id']);
  });
  await createRelation(knex, 'mail_followers_mail_message_subtype_rel',
    'mail_followers_id', 'mail_followers', 'mail_message_subtype_id', 'mail_message_subtype');

  await knex.schema.createTable('mail_message', (t) => {
    t.increments('id');
    t.string('model');
    t.integer('res_id');
    t.string('record_name');
    t.string('subject');
    t.text('body');
    t.string('type').notNullable().defaultTo('notification');
    t.integer('subtype_id').references('id').inTable('mail_message_subtype').onDelete('SET NULL');
    t.integer('author_id').references('id').inTable('res_partner').onDelete('SET NULL');
    t.integer('parent_id').references('id').inTable('mail_message').onDelete('SET NULL');
    t.timestamp('date', { useTz: false });
    t.string('message_id');
    logColumns(t);
    t.index(['model', 'res_id']);
  });
  // Explicit recipients of a message (message_post's partner_ids).
  await createRelation(knex, 'mail_message_res_partner_rel',
    'mail_message_id', 'mail_message', 'res_partner_id', 'res_partner');
  // Who was notified of a message (7.0's mail_notification), with their read flag.
  await knex.schema.createTable('mail_notification', (t) => {
    t.integer('message_id').notNullable().references('id').inTable('mail_message').onDelete('CASCADE');
    t.integer('partner_id').notNullable().references('id').inTable('res_partner').onDelete('CASCADE');
    t.boolean('read').notNullable().defaultTo(false);
    t.primary(['message_id', 'partner_id']);
    t.index(['partner_id']);
  });

  // Files of a message. ir_attachment belongs to base and may come later in the migration
  // order, so the attachment side has no foreign key (the ORM removes links on unlink).
  await knex.schema.createTable('message_attachment_rel', (t) => {
    t.integer('message_id').notNullable().references('id').inTable('mail_message').onDelete('CASCADE');
    t.integer('attachment_id').notNullable();
    t.primary(['message_id', 'attachment_id']);
    t.index(['attachment_id']);
  });

  await knex.schema.createTable('mail_mail', (t) => {
    t.increments('id');
    // Queued mail outlives its message: a deleted record still owes its notifications.
    t.integer('mail_message_id').references('id').inTable('mail_message').onDelete('SET NULL');
    t.string('model');
    t.integer('res_id');
    t.string('record_name');
    t.string('subject');
    t.text('body_html');
    t.string('email_from');
    t.string('reply_to');
    t.string('email_to').notNullable();
    t.integer('recipient_id').references('id').inTable('res_partner').onDelete('SET NULL');
    // The Message-ID header, fixed when the row is written and reused on every attempt.
    t.string('message_id').notNullable().unique();
    t.string('in_reply_to');
    t.text('references');
    t.string('state').notNullable().defaultTo('outgoing');
    t.text('failure_reason');
    t.integer('attempts').notNullable().defaultTo(0);
    t.timestamp('date_sent', { useTz: false });
    // Milliseconds since the epoch on the database's clock, so that every process agrees.
    t.bigInteger('next_attempt_ms').notNullable().defaultTo(0);
    t.string('claimed_by');
    t.bigInteger('claimed_until_ms');
    logColumns(t);
    t.index(['state', 'next_attempt_ms']);
    t.index(['model', 'res_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'mail_mail', 'message_attachment_rel', 'mail_notification', 'mail_message_res_partner_rel', 'mail_message',
    'mail_followers_mail_message_subtype_rel', 'mail_followers', 'mail_message_subtype',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
