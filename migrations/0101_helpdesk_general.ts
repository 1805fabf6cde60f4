// Schema of module helpdesk_general: problems, tasks, their links to each other and to
// resources, and the configurations of peer centers.
import type { Knex } from 'knex';
import { createRelation, logColumns } from './helpers';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('helpdesk_problem', (t) => {
    t.increments('id');
    t.text('name').notNullable();
    t.date('date').notNullable();
    t.string('request_category').notNullable();
    t.string('category').notNullable();
    t.string('state').notNullable().defaultTo('draft');
    logColumns(t);
    t.index(['date']);
  });
  await knex.schema.createTable('helpdesk_task', (t) => {
    t.increments('id');
    t.text('name').notNullable();
    t.string('state').notNullable().defaultTo('open');
    logColumns(t);
  });
  await createRelation(knex, 'helpdesk_problem_task_rel', 'problem_id', 'helpdesk_problem', 'task_id', 'helpdesk_task');
  await createRelation(knex, 'helpdesk_problem_resource_rel',
    'problem_id', 'helpdesk_problem', 'resource_id', 'helpdesk_resource');
  await knex.schema.createTable('helpdesk_server', (t) => {
    t.increments('id');
    t.integer('company_id').notNullable().references('id').inTable('res_company');
    t.string('code', 32).notNullable();
    t.string('url').notNullable();
    t.string('database').notNullable();
    t.string('login').notNullable();
    t.string('password').notNullable();
    t.boolean('active').notNullable().defaultTo(true);
    logColumns(t);
    t.unique(['code'], { indexName: 'helpdesk_server_code_unique' });
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'helpdesk_server', 'helpdesk_problem_resource_rel', 'helpdesk_problem_task_rel',
    'helpdesk_task', 'helpdesk_problem',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
