// The cache signal: one row whose counter moves (in the writing transaction) whenever data that
// servers keep in their per-database caches changes, so every process drops its copy. The row is
// made by the first change (no row reads as 0), so that a restored dump brings its own.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('ir_cache_signal', (t) => {
    t.integer('id').primary();
    t.bigInteger('value').notNullable().defaultTo(1);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('ir_cache_signal');
}
