// Creates the tables of a registry's models with knex schema (tests only: real models get
// their tables from migrations), and a fresh database with the test models and two users.
import type { Knex } from 'knex';
import type { FieldDef } from '../../../../src/orm/define';
import { buildRegistry, type Registry } from '../../../../src/orm/registry';
import { createEnv, type OrmEnv } from '../../../../src/orm/env';
import { COMPAT_70, COMPAT_ODOO, type Compat } from '../../../../src/orm/env-types';
import type { AccessPolicy } from '../../../../src/orm/access-policy';
import { isStored } from '../../../../src/orm/fields';
import { createScratchDb, type Backend, type ScratchDb } from '../../../support/backends';
import { TEST_MODULE } from './models';

function column(t: Knex.CreateTableBuilder, f: FieldDef): Knex.ColumnBuilder | null {
  switch (f.type) {
    case 'char': case 'selection': case 'password': return f.size ? t.string(f.name, f.size) : t.string(f.name);
    case 'text': case 'html': case 'binary': return t.text(f.name);
    case 'integer': case 'many2one': return t.integer(f.name);
    case 'float': return t.double(f.name);
    case 'boolean': return t.boolean(f.name);
    case 'date': return t.date(f.name);
    case 'datetime': return t.timestamp(f.name, { useTz: false });
    default: return null;
  }
}

export async function createSchema(knex: Knex, registry: Registry): Promise<void> {
  for (const m of registry.models.values()) {
    await knex.schema.createTable(m.table, (t) => {
      t.increments('id');
      for (const f of Object.values(m.fields)) {
        if (f.name === 'id' || !isStored(f)) continue;
        const c = column(t, f);
        // test.strict.code is NOT NULL in the table only, to exercise the database's own check.
        if (c && (f.required || (m.name === 'test.strict' && f.name === 'code'))) c.notNullable();
      }
      for (const c of m.sqlConstraints) t.unique(c.unique, { indexName: `${m.table}_${c.name}` });
    });
  }
  for (const m of registry.models.values()) {
    for (const f of Object.values(m.fields)) {
      if (f.type !== 'many2many' || await knex.schema.hasTable(f.relation!)) continue;
      await knex.schema.createTable(f.relation!, (t) => {
        t.integer(f.column1!).notNullable();
        t.integer(f.column2!).notNullable();
        t.primary([f.column1!, f.column2!]);
      });
    }
  }
}

export interface TestDb {
  db: ScratchDb;
  registry: Registry;
  env(opts?: { uid?: number; compat?: Compat; context?: Record<string, unknown>; access?: AccessPolicy; su?: boolean }): OrmEnv;
}

export const PROFILES: [string, Compat][] = [['7.0', COMPAT_70], ['odoo', COMPAT_ODOO]];

export async function openTestDb(backend: Backend): Promise<TestDb> {
  const db = await createScratchDb(backend);
  const registry = buildRegistry([TEST_MODULE]);
  await createSchema(db.knex, registry);
  await db.knex('res_users').insert([{ id: 1, name: 'Administrator', login: 'admin' }, { id: 2, name: 'Demo', login: 'demo' }]);
  if (backend === 'pg') await db.knex.raw(`select setval('res_users_id_seq', 2)`);
  return {
    db,
    registry,
    env: (o = {}) => createEnv({
      cr: db.knex, uid: o.uid ?? 2, su: o.su, context: o.context ?? {}, registry,
      compat: o.compat ?? COMPAT_70, dbName: db.name, access: o.access,
    }),
  };
}
