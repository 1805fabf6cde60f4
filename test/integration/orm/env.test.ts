// The environment: after-commit callbacks collected for the transaction owner (and dropped
// with a savepoint that failed), derived environments, hooks at their points.
import { UserError } from '../../../src/errors';
import { buildRegistry } from '../../../src/orm/registry';
import { createEnv } from '../../../src/orm/env';
import { char, defineModel, defineModule, extendModel } from '../../../src/orm/define';
import { BACKENDS } from '../../support/backends';
import { createSchema } from './support/schema';
import { createScratchDb, type ScratchDb } from '../../support/backends';

describe.each(BACKENDS)('env on %s', (backend) => {
  let db: ScratchDb;
  const events: string[] = [];
  const registry = buildRegistry([
    defineModule({
      name: 'h', depends: [],
      models: [defineModel({
        name: 'h.note', description: 'Note', fields: { name: char(), code: char({ readonly: true }) },
        hooks: {
          beforeCreate: async (env, vals) => {
            events.push(`beforeCreate:${String(vals.name)}`);
            vals.code = `N-${String(vals.name)}`;
            env.afterCommit(() => events.push(`committed:${String(vals.name)}`));
            if (vals.name === 'boom') throw new UserError('refused');
          },
          afterCreate: async (_env, id) => { events.push(`afterCreate:${id}`); },
          beforeWrite: async (_env, ids, vals) => { events.push(`beforeWrite:${ids.join(',')}:${Object.keys(vals).join(',')}`); },
          afterWrite: async (_env, ids) => { events.push(`afterWrite:${ids.join(',')}`); },
          beforeUnlink: async (_env, ids) => { events.push(`beforeUnlink:${ids.join(',')}`); },
        },
      })],
    }),
    defineModule({
      name: 'h2', depends: ['h'],
      extensions: [extendModel({ extends: 'h.note', hooks: { afterCreate: async () => { events.push('extension afterCreate'); } } })],
    }),
  ]);
  beforeAll(async () => {
    db = await createScratchDb(backend);
    await createSchema(db.knex, registry);
  });
  afterAll(async () => { await db.destroy(); });
  beforeEach(() => { events.length = 0; });

  test('hooks run at their points; a hook may set read-only fields', async () => {
    const env = createEnv({ cr: db.knex, uid: 3, registry, dbName: db.name });
    const id = await env.model('h.note').create({ name: 'a' });
    await env.model('h.note').write([id], { name: 'b' });
    expect((await env.model('h.note').read([id], ['code']))[0].code).toBe('N-a');
    await env.model('h.note').unlink([id]);
    expect(events).toEqual(['beforeCreate:a', `afterCreate:${id}`, 'extension afterCreate', `beforeWrite:${id}:name`, `afterWrite:${id}`, `beforeUnlink:${id}`]);
  });

  test('after-commit callbacks are collected for the caller, and dropped when their savepoint fails', async () => {
    await db.knex.transaction(async (trx) => {
      const env = createEnv({ cr: trx, uid: 3, registry, dbName: db.name });
      await env.sudo().model('h.note').create({ name: 'kept' });
      await expect(env.withContext({ lang: 'es_ES' }).model('h.note').create({ name: 'boom' })).rejects.toThrow('refused');
      const callbacks = env.takeAfterCommit();
      expect(callbacks).toHaveLength(1);
      expect(env.takeAfterCommit()).toHaveLength(0);
      callbacks.forEach((fn) => fn());
    });
    expect(events.filter((e) => e.startsWith('committed'))).toEqual(['committed:kept']);
    expect(await db.knex('h_note').where('name', 'boom')).toEqual([]);
  });

  test('sudo, withContext and withUser derive without changing the original', async () => {
    const env = createEnv({ cr: db.knex, uid: 3, registry, dbName: db.name, context: { lang: 'es_ES' } });
    expect(env.sudo().su).toBe(true);
    expect(env.su).toBe(false);
    expect(env.withContext({ tz: 'UTC' }).context).toEqual({ lang: 'es_ES', tz: 'UTC' });
    expect(env.context).toEqual({ lang: 'es_ES' });
    expect(env.sudo().withUser(4)).toMatchObject({ uid: 4, su: false });
    expect(() => env.model('no.model')).toThrow("Object no.model doesn't exist");
  });
});
