// Creates the tables of the hand-made test models on a scratch database and loads in-memory
// data into them, so that SQL answers can be compared with evaluateDomain on the same rows.
import type { Knex } from 'knex';
import type { DomainContext, DomainModel, InMemoryData } from '../../../src/orm/domain';
import type { ScratchDb } from '../../support/backends';
import { MODELS, parseCtx } from '../../unit/domain/models';

export async function createSchema(knex: Knex, models: DomainModel[] = MODELS): Promise<void> {
  const relations = new Map<string, [string, string]>();
  for (const m of models) {
    await knex.schema.createTable(m.table, (t) => {
      t.increments('id').primary();
      t.integer('create_uid');
      t.timestamp('create_date', { useTz: false });
      t.integer('write_uid');
      t.timestamp('write_date', { useTz: false });
      for (const f of Object.values(m.fields)) {
        if (f.store === false || f.related) continue;
        switch (f.type) {
          case 'char': case 'selection': case 'password': t.string(f.name); break;
          case 'text': case 'html': t.text(f.name); break;
          case 'integer': case 'many2one': t.integer(f.name); break;
          case 'float': t.double(f.name); break;
          case 'boolean': t.boolean(f.name); break;
          case 'date': t.date(f.name); break;
          case 'datetime': t.timestamp(f.name, { useTz: false }); break;
          case 'many2many': relations.set(f.relation as string, [f.column1 as string, f.column2 as string]); break;
          default: break;
        }
      }
    });
  }
  for (const [table, [c1, c2]] of relations) {
    await knex.schema.createTable(table, (t) => {
      t.integer(c1).notNullable();
      t.integer(c2).notNullable();
    });
  }
}

/** Inserts every row (ids included) and every link row. */
export async function loadData(knex: Knex, data: InMemoryData, models: DomainModel[] = MODELS): Promise<void> {
  for (const m of models) {
    const rows = data.rows[m.name] ?? [];
    for (let i = 0; i < rows.length; i += 100) await knex(m.table).insert(rows.slice(i, i + 100));
  }
  for (const [table, rows] of Object.entries(data.links)) {
    for (let i = 0; i < rows.length; i += 200) await knex(table).insert(rows.slice(i, i + 200));
  }
}

export function dbCtx(db: ScratchDb, over: Partial<DomainContext> = {}): DomainContext {
  return { ...parseCtx(), knex: db.knex, backend: db.backend, ...over };
}
