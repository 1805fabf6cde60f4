// Column helpers shared by migrations: the magic log columns every model table carries.
import type { Knex } from 'knex';

/** create_uid / create_date / write_uid / write_date, as on every OpenERP table. */
export function logColumns(t: Knex.CreateTableBuilder): void {
  t.integer('create_uid');
  t.timestamp('create_date', { useTz: false });
  t.integer('write_uid');
  t.timestamp('write_date', { useTz: false });
}

/** A many2many link table with a composite primary key and cascading foreign keys. */
export async function createRelation(
  knex: Knex, table: string, col1: string, target1: string, col2: string, target2: string,
): Promise<void> {
  await knex.schema.createTable(table, (t) => {
    t.integer(col1).notNullable().references('id').inTable(target1).onDelete('CASCADE');
    t.integer(col2).notNullable().references('id').inTable(target2).onDelete('CASCADE');
    t.primary([col1, col2]);
    t.index([col2]);
  });
}
