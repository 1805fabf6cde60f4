// Sessions of the JSON-RPC web API (the `session_id` cookie), kept in each database so that every
// process serving that database accepts them. Only a digest of the token is stored.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('web_session', (t) => {
    // sha256 of the database name and the secret token the cookie carries: a leaked or copied table opens no session.
    t.string('token_digest', 64).primary();
    t.integer('uid').notNullable().references('id').inTable('res_users').onDelete('CASCADE');
    // sha256 of the user's password hash at login: a password change revokes the session.
    t.string('password_stamp', 64).notNullable();
    t.string('csrf_token', 64).notNullable();
    // Milliseconds since the epoch.
    t.bigInteger('created_ms').notNullable();
    t.bigInteger('last_used_ms').notNullable();
    t.bigInteger('expires_ms').notNullable();
    t.index(['uid']);
    t.index(['expires_ms']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('web_session');
}
