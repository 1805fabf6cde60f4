// Schema of peer-center sync: the outbound queue, the state of each peer as our sender sees it,
// the keys of messages already applied here, and the request columns that sync maintains.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('helpdesk_request', (t) => {
    t.boolean('sync_sent').notNullable().defaultTo(false);
    t.text('origin_chain');
  });
  await knex.schema.createTable('sync_outbox', (t) => {
    t.increments('id');
    // The peer is a configuration record (table and id), so the queue names no model itself.
    t.string('peer_table').notNullable();
    t.integer('peer_id').notNullable();
    // Messages of one stream are delivered one after the other, in id order.
    t.string('stream').notNullable();
    t.string('msg_key', 64).notNullable().unique();
    t.string('model').notNullable();
    t.string('method').notNullable();
    t.string('kind').notNullable();
    t.text('payload').notNullable();
    // Where the `ref` of the peer's answer is written once the message is delivered.
    t.string('reply_table');
    t.integer('reply_id');
    t.string('reply_field');
    t.string('state').notNullable().defaultTo('pending');
    t.integer('attempts').notNullable().defaultTo(0);
    // Milliseconds since the epoch on the database's clock, shared by every sender process.
    t.bigInteger('next_attempt_ms').notNullable().defaultTo(0);
    t.text('last_error');
    t.timestamp('create_date', { useTz: false });
    t.timestamp('done_date', { useTz: false });
    t.index(['peer_table', 'peer_id', 'state', 'id']);
    t.index(['state', 'next_attempt_ms']);
  });
  await knex.schema.createTable('sync_peer', (t) => {
    t.increments('id');
    t.string('peer_table').notNullable();
    t.integer('peer_id').notNullable();
    // One sender at a time delivers to a peer (that keeps each stream in order): a lease.
    t.string('claimed_by');
    t.bigInteger('claimed_until_ms');
    t.bigInteger('next_attempt_ms').notNullable().defaultTo(0);
    t.integer('failures').notNullable().defaultTo(0);
    t.string('status').notNullable().defaultTo('ok');
    t.text('last_error');
    t.timestamp('last_error_date', { useTz: false });
    t.timestamp('last_success', { useTz: false });
    t.unique(['peer_table', 'peer_id'], { indexName: 'sync_peer_peer_unique' });
  });
  await knex.schema.createTable('sync_applied', (t) => {
    t.string('msg_key', 64).primary();
    t.string('peer_code').notNullable();
    t.string('kind').notNullable();
    t.text('result');
    t.timestamp('create_date', { useTz: false });
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['sync_applied', 'sync_peer', 'sync_outbox']) await knex.schema.dropTableIfExists(table);
  await knex.schema.alterTable('helpdesk_request', (t) => {
    t.dropColumn('origin_chain');
    t.dropColumn('sync_sent');
  });
}
