// The ir tables of the base module: reflected models and fields, access rights and record rules,
// attachments, sequences, installed modules, menus, shortcuts, action bindings and languages.
// Columns mirror models/base.
import type { Knex } from 'knex';
import { createRelation, logColumns } from './helpers';

async function modelTables(knex: Knex): Promise<void> {
  await knex.schema.createTable('ir_model', (t) => {
    t.increments('id');
    t.string('name').notNullable();
    t.string('model').notNullable().unique();
    t.text('info');
    t.string('state');
    t.boolean('transient');
    t.string('modules');
    logColumns(t);
  });
  await knex.schema.createTable('ir_model_fields', (t) => {
    t.increments('id');
    t.string('name').notNullable();
    t.string('model').notNullable();
    t.integer('model_id').notNullable().references('id').inTable('ir_model').onDelete('CASCADE');
    t.string('field_description').notNullable();
    t.string('ttype', 64).notNullable();
    t.string('relation');
    t.string('relation_field');
    t.string('relation_table');
    t.string('column1');
    t.string('column2');
    t.text('selection');
    t.boolean('required');
    t.boolean('readonly');
    t.boolean('translate');
    t.boolean('store').defaultTo(true);
    t.integer('size');
    t.text('help');
    t.string('state').notNullable();
    logColumns(t);
    t.unique(['model', 'name']);
    t.index(['model_id']);
    t.index(['name']);
  });
  await knex.schema.createTable('ir_model_access', (t) => {
    t.increments('id');
    t.string('name').notNullable();
    t.boolean('active').defaultTo(true);
    t.integer('model_id').notNullable().references('id').inTable('ir_model').onDelete('CASCADE');
    t.integer('group_id').references('id').inTable('res_groups').onDelete('CASCADE');
    t.boolean('perm_read');
    t.boolean('perm_write');
    t.boolean('perm_create');
    t.boolean('perm_unlink');
    logColumns(t);
    t.index(['model_id']);
    t.index(['group_id']);
    t.index(['name']);
  });
  await knex.schema.createTable('ir_rule', (t) => {
    t.increments('id');
    t.string('name');
    t.boolean('active').defaultTo(true);
    t.integer('model_id').notNullable().references('id').inTable('ir_model').onDelete('CASCADE');
    t.text('domain_force');
    t.boolean('perm_read').defaultTo(true);
    t.boolean('perm_write').defaultTo(true);
    t.boolean('perm_create').defaultTo(true);
    t.boolean('perm_unlink').defaultTo(true);
    logColumns(t);
    t.index(['model_id']);
    t.index(['name']);
  });
  await createRelation(knex, 'rule_group_rel', 'rule_group_id', 'ir_rule', 'group_id', 'res_groups');
}

async function documentTables(knex: Knex): Promise<void> {
  await knex.schema.createTable('ir_attachment', (t) => {
    t.increments('id');
    t.string('name', 256).notNullable();
    t.string('datas_fname', 256);
    t.text('description');
    t.string('res_model', 64);
    t.integer('res_id');
    t.string('type').notNullable();
    t.string('url', 1024);
    t.text('datas');
    t.integer('file_size');
    t.string('mimetype');
    t.integer('company_id').references('id').inTable('res_company').onDelete('SET NULL');
    logColumns(t);
    t.index(['res_model', 'res_id']);
    t.index(['res_id']);
  });
  await knex.schema.createTable('ir_sequence', (t) => {
    t.increments('id');
    t.string('name', 64).notNullable();
    t.string('code', 64);
    t.boolean('active').defaultTo(true);
    t.string('prefix', 64);
    t.string('suffix', 64);
    t.integer('number_next').notNullable().defaultTo(1);
    t.integer('number_increment').notNullable().defaultTo(1);
    t.integer('padding').notNullable().defaultTo(0);
    t.integer('company_id').references('id').inTable('res_company').onDelete('SET NULL');
    logColumns(t);
    t.index(['code']);
  });
}

async function moduleTables(knex: Knex): Promise<void> {
  await knex.schema.createTable('ir_module_module', (t) => {
    t.increments('id');
    t.string('name').notNullable().unique();
    t.string('shortdesc');
    t.text('description');
    t.string('author');
    t.string('latest_version');
    t.string('state');
    t.string('data_digest', 64);
    logColumns(t);
    t.index(['state']);
  });
  await knex.schema.createTable('ir_module_module_dependency', (t) => {
    t.increments('id');
    t.string('name');
    t.integer('module_id').references('id').inTable('ir_module_module').onDelete('CASCADE');
    logColumns(t);
    t.index(['name']);
    t.index(['module_id']);
  });
}

async function uiTables(knex: Knex): Promise<void> {
  await knex.schema.createTable('ir_ui_menu', (t) => {
    t.increments('id');
    t.string('name').notNullable();
    t.integer('sequence');
    t.integer('parent_id').references('id').inTable('ir_ui_menu').onDelete('CASCADE');
    t.string('icon', 64);
    t.string('action');
    logColumns(t);
    t.index(['parent_id']);
  });
  await createRelation(knex, 'ir_ui_menu_group_rel', 'menu_id', 'ir_ui_menu', 'gid', 'res_groups');
  await knex.schema.createTable('ir_ui_view_sc', (t) => {
    t.increments('id');
    t.string('name', 64);
    t.integer('res_id');
    t.integer('sequence');
    t.integer('user_id').notNullable().references('id').inTable('res_users').onDelete('CASCADE');
    t.string('resource', 64).notNullable();
    logColumns(t);
    t.index(['user_id']);
  });
  await knex.schema.createTable('res_lang', (t) => {
    t.increments('id');
    t.string('name').notNullable().unique();
    t.string('code', 16).notNullable().unique();
    t.string('iso_code', 16);
    t.boolean('translatable');
    t.boolean('active').defaultTo(true);
    t.string('direction').notNullable();
    t.string('date_format').notNullable();
    t.string('time_format').notNullable();
    t.string('grouping').notNullable();
    t.string('decimal_point').notNullable();
    t.string('thousands_sep');
    logColumns(t);
  });
  await knex.schema.createTable('ir_values', (t) => {
    t.increments('id');
    t.string('name', 128).notNullable();
    t.string('model', 128).notNullable();
    t.integer('res_id');
    t.string('key').notNullable();
    t.string('key2', 128);
    t.text('value');
    t.integer('user_id').references('id').inTable('res_users').onDelete('CASCADE');
    t.integer('company_id').references('id').inTable('res_company').onDelete('CASCADE');
    logColumns(t);
    t.index(['model', 'key', 'key2']);
    t.index(['res_id']);
    t.index(['user_id']);
  });
}

export async function up(knex: Knex): Promise<void> {
  await modelTables(knex);
  await documentTables(knex);
  await moduleTables(knex);
  await uiTables(knex);
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'res_lang', 'ir_ui_view_sc', 'ir_values', 'ir_ui_menu_group_rel', 'ir_ui_menu', 'ir_module_module_dependency', 'ir_module_module',
    'ir_sequence', 'ir_attachment', 'rule_group_rel', 'ir_rule', 'ir_model_access', 'ir_model_fields',
    'ir_model',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
