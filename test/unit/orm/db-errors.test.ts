// Integrity errors of both drivers become UserErrors naming the model, field or constraint.
import type { Knex } from 'knex';
import { UserError } from '../../../src/errors';
import { buildRegistry } from '../../../src/orm/registry';
import { createEnv } from '../../../src/orm/env';
import { mapDbError } from '../../../src/orm/records/db-errors';
import { char, defineModel, defineModule } from '../../../src/orm/define';

const registry = buildRegistry([defineModule({
  name: 'm', depends: [],
  models: [defineModel({
    name: 'x.item', description: { en_US: 'Item', es_ES: 'Artículo' },
    fields: { name: char({ string: 'Name' }), code: char({ string: 'Code' }) },
    sqlConstraints: [{ name: 'code_uniq', unique: ['code'], message: 'Codes must be unique' }],
  })],
})]);
const fakeKnex = (client: string) => ({ client: { config: { client } } }) as unknown as Knex;
const env = (lang = 'en_US') => createEnv({ cr: fakeKnex('pg'), uid: 2, registry, dbName: 'x', context: { lang } });
const model = registry.model('x.item');
const pgError = (code: string, extra: Record<string, unknown>) => Object.assign(new Error('raw SQL text'), { code, ...extra });
const sqliteError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('mapDbError', () => {
  test('NOT NULL on either backend names the model and field', () => {
    const text = 'Model: Item (x.item)\nField: Code (code)\n';
    expect(mapDbError(env(), pgError('23502', { table: 'x_item', column: 'code' }), model)?.message).toContain(text);
    expect(mapDbError(env(), sqliteError('SQLITE_CONSTRAINT_NOTNULL', 'NOT NULL constraint failed: x_item.code'), model)?.message)
      .toContain(text);
  });

  test('UNIQUE gives the SQL constraint message, translated, by name or by columns', () => {
    const byName = mapDbError(env(), pgError('23505', { table: 'x_item', constraint: 'x_item_code_uniq', detail: 'Key (code)=(a) already exists.' }), model);
    expect(byName).toEqual(new UserError('The operation cannot be completed: Codes must be unique'));
    const byCols = mapDbError(env(), sqliteError('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: x_item.code'), model);
    expect(byCols?.message).toBe('The operation cannot be completed: Codes must be unique');
    const other = mapDbError(env('es_ES'), sqliteError('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: x_item.name'), model);
    expect(other?.message).toContain('Artículo (x.item)');
    expect(other?.message).not.toContain('UNIQUE constraint');
  });

  test('FOREIGN KEY gives Odoo\'s "another model requires the record" text', () => {
    const err = mapDbError(env(), pgError('23503', { table: 'x_item', constraint: 'x_item_partner_id_fkey' }), model);
    expect(err?.message).toBe('The operation cannot be completed: another model requires the record being deleted. ' +
      'If possible, archive it instead.\n\nModel: Item (x.item)\nConstraint: x_item_partner_id_fkey\n');
  });

  test('other errors are not integrity errors', () => {
    expect(mapDbError(env(), new Error('connection reset'), model)).toBeNull();
    expect(mapDbError(env(), new UserError('already mapped'), model)).toBeNull();
  });
});
