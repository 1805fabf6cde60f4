// The environment: after-commit callbacks collected for the transaction owner (and dropped
// with a savepoint that failed), derived environments, hooks at their points, write watchers.
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
      name: 'hw', depends: [],
      models: [defineModel({
        name: 'h.ticket', description: 'Ticket', fields: { name: char(), state: char(), note: char() },
        hooks: {
          afterWrite: async (_env, ids) => { events.push(`afterWrite:${ids.join(',')}`); },
          watch: {
            fields: (env, written) => (env.context.quiet ? [] : written.filter((f) => f === 'state' || f === 'name')),
            changed: async (_env, changes, fields) => {
              for (const c of changes) {
                events.push(`changed:${c.id}:${fields.join(',')}:${fields.map((f) => `${String(c.before[f])}>${String(c.after[f])}`).join(',')}`);
              }
            },
          },
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

  test('a write watcher hears, after the write hooks, only of the records whose watched values changed', async () => {
    const env = createEnv({ cr: db.knex, uid: 3, registry, dbName: db.name });
    const tickets = env.model('h.ticket');
    const a = await tickets.create({ name: 'a', state: 'open' });
    const b = await tickets.create({ name: 'b', state: 'done' });
    events.length = 0;
    await tickets.write([a, b], { state: 'done' });
    expect(events).toEqual([`afterWrite:${a},${b}`, `changed:${a}:state:open>done`]);
    events.length = 0;
    await tickets.write([a], { note: 'x' });
    await tickets.write([a], { state: 'done', name: 'a' });
    await env.withContext({ quiet: true }).model('h.ticket').write([b], { state: 'open' });
    expect(events).toEqual([`afterWrite:${a}`, `afterWrite:${a}`, `afterWrite:${b}`]);
    events.length = 0;
    await tickets.write([a, b], { name: 'c', state: 'closed' });
    expect(events).toEqual([`afterWrite:${a},${b}`, `changed:${a}:name,state:a>c,done>closed`, `changed:${b}:name,state:b>c,open>closed`]);
  });
});
