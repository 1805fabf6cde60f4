// Binding RPC calls to methods: 7.0 positional signatures with the context among them,
// execute_kw kwargs, Python's TypeError texts, unknown methods, and model-declared methods.
import { CallError } from '../../../src/errors';
import { callModelMethod } from '../../../src/orm/call-method';
import { buildRegistry } from '../../../src/orm/registry';
import { createEnv } from '../../../src/orm/env';
import { char, defineModel, defineModule } from '../../../src/orm/define';
import { BACKENDS } from '../../support/backends';
import { createSchema, openTestDb, type TestDb } from './support/schema';

describe.each(BACKENDS)('callModelMethod on %s', (backend) => {
  let t: TestDb;
  beforeAll(async () => { t = await openTestDb(backend); });
  afterAll(async () => { await t.db.destroy(); });

  const call = (method: string, args: unknown[], kwargs: Record<string, unknown> = {}) =>
    callModelMethod(t.env(), 'test.partner', method, args, kwargs);

  test('wrong arity gives Python\'s TypeError texts', async () => {
    await expect(call('search', [])).rejects.toThrow(new CallError("search() missing 1 required positional argument: 'domain'", 'TypeError'));
    await expect(call('search', []).catch((e: CallError) => e.pyType)).resolves.toBe('TypeError');
    await expect(call('write', [])).rejects.toThrow("write() missing 2 required positional arguments: 'ids' and 'vals'");
    await expect(call('unlink', [[1], {}, 3])).rejects.toThrow('unlink() takes from 2 to 3 positional arguments but 4 were given');
    await expect(call('search', [[]], { bogus: 1 })).rejects.toThrow("search() got an unexpected keyword argument 'bogus'");
    await expect(call('search', [[]], { args: [] })).rejects.toThrow("search() got multiple values for argument 'domain'");
  });

  test('unknown methods are AttributeErrors', async () => {
    const err = await call('no_such_method', []).catch((e: CallError) => e);
    expect(err).toEqual(new CallError("The method 'no_such_method' does not exist on the model 'test.partner'", 'AttributeError'));
    expect((err as CallError).pyType).toBe('AttributeError');
  });

  test('kwargs and their Odoo names bind like positional arguments', async () => {
    const id = await t.env().model('test.partner').create({ name: 'Kw', age: 3 });
    expect(await call('search', [], { domain: [['id', '=', id]] })).toEqual([id]);
    expect(await call('read', [], { ids: [id], fields: ['age'] })).toEqual([{ id, age: 3 }]);
    expect(await call('search_read', [], { domain: [['id', '=', id]], fields: ['name'] })).toEqual([{ id, name: 'Kw' }]);
  });

  test('the context binds at its 7.0 position or as a kwarg and reaches the method', async () => {
    const id = await t.env().model('test.partner').create({ name: 'Ctx', active: false });
    expect(await call('search', [[['id', '=', id]], 0, false, false, { active_test: false }])).toEqual([id]);
    expect(await call('search', [[['id', '=', id]]], { context: { active_test: false } })).toEqual([id]);
    const fields = await call('fields_get', [['kind'], { lang: 'es_ES' }]) as Record<string, Record<string, unknown>>;
    expect(fields.kind.string).toBe('Tipo');
    // Odoo's fields_get(allfields, attributes): a list where 7.0 takes the context
    const odoo = await call('fields_get', [['kind'], ['string']]) as Record<string, Record<string, unknown>>;
    expect(odoo.kind).toEqual({ string: 'Kind' });
    // False/None/0 mean "not given" for the context too
    expect(await call('search', [[['id', '=', id]], 0, 0, false, false])).toEqual([]);
  });

  test('model-declared methods bind by their params and override built-ins', async () => {
    const seen: Record<string, unknown>[] = [];
    const mod = defineModule({
      name: 'm_methods', depends: [],
      models: [defineModel({
        name: 'x.thing', description: 'Thing', fields: { name: char() },
        methods: {
          touch: { params: ['ids', 'how', 'context'], fn: async (env, a) => { seen.push({ ...a, lang: env.context.lang }); return true; } },
          name_search: { params: ['name'], fn: async () => [[1, 'fixed']] },
          needs: { params: ['what'], required: ['what'], fn: async (_env, a) => a.what },
        },
      })],
    });
    const registry = buildRegistry([mod]);
    await createSchema(t.db.knex, registry);
    const env = createEnv({ cr: t.db.knex, uid: 2, registry, dbName: t.db.name });
    expect(await callModelMethod(env, 'x.thing', 'touch', [5, 'hard', { lang: 'es_ES' }])).toBe(true);
    expect(seen).toEqual([{ ids: [5], how: 'hard', lang: 'es_ES' }]);
    expect(await callModelMethod(env, 'x.thing', 'name_search', ['q'])).toEqual([[1, 'fixed']]);
    await expect(callModelMethod(env, 'x.thing', 'touch', [])).rejects.toThrow("touch() missing 1 required positional argument: 'ids'");
    await expect(callModelMethod(env, 'x.thing', 'needs', [])).rejects.toThrow("needs() missing 1 required positional argument: 'what'");
    expect(await env.model('x.thing').call('needs', { what: 7 })).toBe(7);
  });
});
