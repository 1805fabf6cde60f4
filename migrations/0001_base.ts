// Base schema: countries, partners, companies, users, groups, external ids, and the views and
// window actions users point to (their home and menu actions). Columns mirror models/base.
import type { Knex } from 'knex';
import { createRelation, logColumns } from './helpers';

async function partnerTables(knex: Knex): Promise<void> {
  await knex.schema.createTable('res_country', (t) => {
    t.increments('id');
    t.string('name').notNullable();
    t.string('code', 2).notNullable().unique();
    logColumns(t);
  });
  await knex.schema.createTable('res_partner', (t) => {
    t.increments('id');
    t.string('name').notNullable();
    t.string('ref');
    t.boolean('is_company').defaultTo(false);
    t.integer('parent_id').references('id').inTable('res_partner').onDelete('SET NULL');
    t.string('function');
    t.string('type');
    t.string('street');
    t.string('street2');
    t.string('zip', 24);
    t.string('city');
    t.integer('country_id').references('id').inTable('res_country').onDelete('RESTRICT');
    t.string('email');
    t.string('phone');
    t.string('mobile');
    t.string('website');
    t.text('comment');
    t.integer('color');
    t.boolean('active').defaultTo(true);
    t.string('lang');
    t.string('tz', 64);
    // res_company is created after this table (it points back here): no database-level key.
    t.integer('company_id');
    t.string('notification_email_send').notNullable();
    logColumns(t);
    t.index(['parent_id']);
    t.index(['name']);
    t.index(['ref']);
    t.index(['company_id']);
  });
  await knex.schema.createTable('res_company', (t) => {
    t.increments('id');
    t.string('name').notNullable().unique();
    t.integer('partner_id').notNullable().references('id').inTable('res_partner').onDelete('RESTRICT');
    t.integer('parent_id').references('id').inTable('res_company').onDelete('SET NULL');
    t.string('email');
    t.string('phone');
    logColumns(t);
    t.index(['parent_id']);
  });
  await knex.schema.createTable('res_partner_category', (t) => {
    t.increments('id');
    t.string('name').notNullable();
    t.integer('color');
    t.integer('parent_id').references('id').inTable('res_partner_category').onDelete('CASCADE');
    t.boolean('active').defaultTo(true);
    logColumns(t);
  });
  await createRelation(knex, 'res_partner_res_partner_category_rel',
    'partner_id', 'res_partner', 'category_id', 'res_partner_category');
}

async function actionTables(knex: Knex): Promise<void> {
  await knex.schema.createTable('ir_ui_view', (t) => {
    t.increments('id');
    t.string('name').notNullable();
    t.string('model', 64);
    t.integer('priority').notNullable().defaultTo(16);
    t.string('type').notNullable();
    t.text('arch').notNullable();
    t.integer('inherit_id').references('id').inTable('ir_ui_view').onDelete('CASCADE');
    t.string('field_parent', 64);
    logColumns(t);
    t.index(['model']);
    t.index(['inherit_id']);
  });
  // ir.actions.actions and ir.actions.act_window share this table (window actions only).
  await knex.schema.createTable('ir_act_window', (t) => {
    t.increments('id');
    t.string('name').notNullable();
    t.string('type', 32).notNullable();
    t.string('usage', 32);
    t.text('help');
    t.string('res_model', 64).notNullable();
    t.string('src_model', 64);
    t.string('view_type').notNullable();
    t.string('view_mode').notNullable();
    t.integer('view_id').references('id').inTable('ir_ui_view').onDelete('SET NULL');
    t.integer('search_view_id').references('id').inTable('ir_ui_view').onDelete('SET NULL');
    t.string('domain', 250);
    t.string('context', 250).notNullable();
    t.integer('limit');
    t.string('target');
    t.boolean('auto_search').defaultTo(true);
    t.boolean('multi').defaultTo(false);
    logColumns(t);
  });
}

async function userTables(knex: Knex): Promise<void> {
  await knex.schema.createTable('res_users', (t) => {
    t.increments('id');
    t.integer('partner_id').notNullable().references('id').inTable('res_partner').onDelete('RESTRICT');
    t.string('login', 64).notNullable().unique();
    t.string('password');
    t.boolean('active').defaultTo(true);
    t.integer('company_id').references('id').inTable('res_company').onDelete('SET NULL');
    t.text('signature');
    t.timestamp('login_date', { useTz: false });
    t.integer('action_id').references('id').inTable('ir_act_window').onDelete('SET NULL');
    t.integer('menu_id').references('id').inTable('ir_act_window').onDelete('SET NULL');
    logColumns(t);
    t.index(['partner_id']);
  });
  await knex.schema.createTable('ir_module_category', (t) => {
    t.increments('id');
    t.string('name').notNullable();
    t.integer('parent_id').references('id').inTable('ir_module_category').onDelete('SET NULL');
    t.text('description');
    t.integer('sequence');
    logColumns(t);
    t.index(['parent_id']);
  });
  await knex.schema.createTable('res_groups', (t) => {
    t.increments('id');
    t.string('name').notNullable();
    t.integer('category_id').references('id').inTable('ir_module_category').onDelete('SET NULL');
    t.text('comment');
    logColumns(t);
    t.unique(['category_id', 'name']);
  });
  await createRelation(knex, 'res_groups_users_rel', 'gid', 'res_groups', 'uid', 'res_users');
  await createRelation(knex, 'res_groups_implied_rel', 'gid', 'res_groups', 'hid', 'res_groups');

  await knex.schema.createTable('ir_model_data', (t) => {
    t.increments('id');
    t.string('name').notNullable();
    t.string('module').notNullable();
    t.string('model').notNullable();
    t.integer('res_id');
    t.boolean('noupdate').defaultTo(false);
    t.timestamp('date_init', { useTz: false });
    t.timestamp('date_update', { useTz: false });
    logColumns(t);
    t.unique(['module', 'name']);
    t.index(['model', 'res_id']);
  });
}

export async function up(knex: Knex): Promise<void> {
  await partnerTables(knex);
  await actionTables(knex);
  await userTables(knex);
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'ir_model_data', 'res_groups_implied_rel', 'res_groups_users_rel', 'res_groups',
    'ir_module_category', 'res_users', 'ir_act_window', 'ir_ui_view',
    'res_partner_res_partner_category_rel', 'res_partner_category', 'res_company', 'res_partner',
    'res_country',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
