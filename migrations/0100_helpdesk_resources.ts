// Schema of module helpdesk_resources: the resources a support center assigns to problems.
import type { Knex } from 'knex';
import { logColumns } from './helpers';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('helpdesk_resource', (t) => {
    t.increments('id');
    t.string('name').notNullable();
    t.string('category').notNullable();
    t.double('salary');
    t.double('cost');
    logColumns(t);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('helpdesk_resource');
}
