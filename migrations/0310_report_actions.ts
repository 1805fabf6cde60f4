// Report actions (ir.actions.report.xml, read also as Odoo's ir.actions.report): what can be
// printed for a model, one row per report the modules declare.
import type { Knex } from 'knex';
import { logColumns } from './helpers';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('ir_act_report_xml', (t) => {
    t.increments('id');
    t.string('name').notNullable();
    t.string('type', 32).notNullable();
    t.string('usage', 32);
    t.text('help');
    t.string('model', 64).notNullable();
    t.string('report_name', 64).notNullable().unique();
    t.string('report_type', 32).notNullable();
    t.boolean('multi').defaultTo(false);
    t.string('attachment', 128);
    t.boolean('attachment_use').defaultTo(false);
    t.boolean('header').defaultTo(true);
    t.string('print_report_name');
    logColumns(t);
    t.index(['model']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('ir_act_report_xml');
}
