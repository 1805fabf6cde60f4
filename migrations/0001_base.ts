// Base schema: companies, partners, users, groups and external ids (the tables every
// database needs before any module data is loaded).
import type { Knex } from 'knex';
import { createRelation, logColumns } from './helpers';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('res_country', (t) => {
    t.increments('id');
    t.string('name').notNullable();
    t.string('code', 2).notNullable().unique();
    logColumns(t);
  });
  await knex.schema.createTable('res_partner', (t) => {
    t.increments('id');
    t.string('name').notNullable();
    t.string('email');
    t.string('phone');
    t.string('mobile');
    t.string('street');
    t.string('street2');
    t.string('city');
    t.string('zip');
    t.integer('country_id').references('id').inTable('res_country').onDelete('SET NULL');
    t.string('website');
    t.string('function');
    t.boolean('is_company').notNullable().defaultTo(false);
    t.integer('parent_id').references('id').inTable('res_partner').onDelete('SET NULL');
    t.integer('company_id');
    t.boolean('active').notNullable().defaultTo(true);
    t.string('lang');
    t.string('tz');
    t.text('comment');
    t.string('ref');
    t.string('type');
    t.string('notification_email_send');
    logColumns(t);
    t.index(['parent_id']);
    t.index(['name']);
  });
  await knex.schema.createTable('res_company', (t) => {
    t.increments('id');
    t.string('name').notNullable().unique();
    t.integer('partner_id').notNullable().references('id').inTable('res_partner');
    t.integer('parent_id').references('id').inTable('res_company').onDelete('SET NULL');
    t.string('email');
    t.string('phone');
    logColumns(t);
  });
  await knex.schema.createTable('res_partner_category', (t) => {
    t.increments('id');
    t.string('name').notNullable();
    t.integer('parent_id').references('id').inTable('res_partner_category').onDelete('CASCADE');
    t.boolean('active').notNullable().defaultTo(true);
    logColumns(t);
  });
  await createRelation(knex, 'res_partner_res_partner_category_rel',
    'partner_id', 'res_partner', 'category_id', 'res_partner_category');

  await knex.schema.createTable('res_users', (t) => {
    t.increments('id');
    t.string('login').notNullable().unique();
    t.string('password');
    t.boolean('active').notNullable().defaultTo(true);
    t.integer('partner_id').notNullable().references('id').inTable('res_partner');
    t.integer('company_id').references('id').inTable('res_company');
    t.text('signature');
    t.timestamp('login_date', { useTz: false });
    t.integer('action_id');
    t.integer('menu_id');
    logColumns(t);
  });
  await knex.schema.createTable('ir_module_category', (t) => {
    t.increments('id');
    t.string('name').notNullable();
    t.integer('parent_id').references('id').inTable('ir_module_category').onDelete('SET NULL');
    t.text('description');
    t.integer('sequence');
    logColumns(t);
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
    t.string('module').notNullable();
    t.string('name').notNullable();
    t.string('model').notNullable();
    t.integer('res_id');
    t.boolean('noupdate').notNullable().defaultTo(false);
    t.timestamp('date_init', { useTz: false });
    t.timestamp('date_update', { useTz: false });
    logColumns(t);
    t.unique(['module', 'name']);
    t.index(['model', 'res_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'ir_model_data', 'res_groups_implied_rel', 'res_groups_users_rel', 'res_groups',
    'ir_module_category', 'res_users', 'res_partner_res_partner_category_rel',
    'res_partner_category', 'res_company', 'res_partner', 'res_country',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
