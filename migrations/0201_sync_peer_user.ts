// The local user a peer center logs in with, on its server configuration: messages signed with
// that center's code are then accepted only from that user.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('helpdesk_server', (t) => {
    t.integer('peer_user_id').references('id').inTable('res_users').onDelete('SET NULL');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('helpdesk_server', (t) => {
    t.dropColumn('peer_user_id');
  });
}
