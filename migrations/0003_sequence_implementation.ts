// ir.sequence's implementation: `standard` (the default) draws on PostgreSQL from a database
// SEQUENCE of its own, created by the model when first needed; `no_gap` updates the row.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('ir_sequence', (t) => {
    t.string('implementation', 16).notNullable().defaultTo('standard');
  });
}

/** The SEQUENCEs go, their next numbers written back into the rows so numbering carries on. */
export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    const ids = (await knex('ir_sequence').pluck('id')) as number[];
    for (const id of ids) {
      const name = `ir_sequence__number_next__${Number(id)}`;
      const found = (await knex.raw('SELECT s.seqincrement AS inc FROM pg_sequence s WHERE s.seqrelid = to_regclass(?)', [name])).rows;
      if (!found.length) continue;
      const { last_value: last, is_called: called } = (await knex.raw(`SELECT last_value, is_called FROM "${name}"`)).rows[0];
      await knex('ir_sequence').where({ id }).update({ number_next: Number(last) + (called ? Number(found[0].inc) : 0) });
      await knex.raw(`DROP SEQUENCE "${name}"`);
    }
  }
  await knex.schema.alterTable('ir_sequence', (t) => {
    t.dropColumn('implementation');
  });
}
