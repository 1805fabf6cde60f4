// The cache signal: one row whose counter moves (in the writing transaction) whenever data that
// servers keep in their per-database caches changes, so every process drops its copy.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('ir_cache_signal', (t) => {
    t.integer('id').primary();
    t.bigInteger('value').notNullable().defaultTo(1);
  });
  await knex('ir_cache_signal').insert({ id: 1, value: 1 });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('ir_cache_signal');
}
