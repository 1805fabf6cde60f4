// The unit of work of one call on both backends: a read-only method runs on the pool with no
// transaction; one that writes after all is run again, whole, in a transaction, and the caller
// gets a normal answer with the write saved once. Changes of a model that declares its data
// cached move the database's cache signal.
import { up as cacheSignalUp } from '../../../migrations/0330_cache_signal';
import { DbCache, readSignal } from '../../../src/db/cache-signal';
import type { Database } from '../../../src/db/types';
import { char, defineModel, defineModule, type Env } from '../../../src/orm/define';
import { COMPAT_ODOO } from '../../../src/orm/env-types';
import { callModelMethod } from '../../../src/orm/call-method';
import { isReadOnlyMethod } from '../../../src/orm/method-table';
import { buildRegistry } from '../../../src/orm/registry';
import { createUnitOfWork } from '../../../src/rpc/services/unit-of-work';
import { BACKENDS, createScratchDb, type ScratchDb } from '../../support/backends';
import { createSchema } from '../orm/support/schema';

const note = defineModel({
  name: 'probe.note', description: 'Note',
  fields: { name: char() },
  methods: {
    // Says it only reads, but notes the visit: the call must end up in a transaction.
    count_visits: {
      params: ['context'], readOnly: true,
      async fn(env: Env) {
        await env.model('probe.note').create({ name: 'visit' });
        return env.model('probe.note').searchCount([['name', '=', 'visit']]);
      },
    },
    // Catches the refusal and answers anyway: the answer must still not be trusted.
    swallow_write: {
      params: ['context'], readOnly: true,
      async fn(env: Env) {
        try {
          await env.model('probe.note').create({ name: 'swallowed' });
        } catch {
          return 'gave up';
        }
        return 'wrote';
      },
    },
  },
});
const cached = defineModel({ name: 'probe.setting', description: 'Setting', invalidatesCache: ['value'], fields: { name: char(), value: char() } });
const users = defineModel({ name: 'res.users', description: 'User', fields: { name: char(), login: char() } });
const PROBE = defineModule({ name: 'probe', depends: [], models: [users, note, cached] });

describe.each(BACKENDS)('calls as units of work on %s', (backend) => {
  let db: ScratchDb;
  let database: Database;
  const registry = buildRegistry([PROBE]);
  const lines: string[] = [];
  const logger = { info: (m: string) => { lines.push(m); }, warn: () => {}, error: () => {} };
  const run = createUnitOfWork({ dbm: { get: async () => database }, registry, logger });
  const sql: string[] = [];

  beforeAll(async () => {
    db = await createScratchDb(backend);
    await createSchema(db.knex, registry);
    await cacheSignalUp(db.knex);
    await db.knex('res_users').insert({ id: 1, name: 'Administrator', login: 'admin' });
    database = { name: db.name, knex: db.knex, backend, cache: new DbCache() };
    db.knex.on('query', (q: { sql: string }) => { sql.push(q.sql); });
  });
  afterAll(async () => { await db.destroy(); });

  const call = (method: string, readOnly: boolean) =>
    run({ db: db.name, uid: 1, compat: COMPAT_ODOO, readOnly }, (env) => callModelMethod(env, 'probe.note', method, [], {}));

  test('builtin reads only read; a model method only when it says so', () => {
    const model = registry.model('probe.note');
    expect(isReadOnlyMethod(model, 'search_read')).toBe(true);
    expect(isReadOnlyMethod(model, 'write')).toBe(false);
    expect(isReadOnlyMethod(model, 'count_visits')).toBe(true);
    expect(isReadOnlyMethod(registry.model('probe.setting'), 'count_visits')).toBe(false);
  });

  test('a read-only call opens no transaction', async () => {
    sql.length = 0;
    const out = await run({ db: db.name, uid: 1, compat: COMPAT_ODOO, readOnly: true },
      (env) => callModelMethod(env, 'probe.note', 'search_count', [[]], {}));
    expect(out).toBe(0);
    const transactional = (): string[] => sql.filter((s) => /^(begin|commit|start transaction)/i.test(s.trim()));
    expect(transactional()).toEqual([]);
    // The same call as a writing one would be: BEGIN and COMMIT show.
    await run({ db: db.name, uid: 1, compat: COMPAT_ODOO }, (env) => callModelMethod(env, 'probe.note', 'search_count', [[]], {}));
    expect(transactional()).toHaveLength(2);
  });

  test('a read-only call that writes is run again in a transaction and answers normally, written once', async () => {
    lines.length = 0;
    expect(await call('count_visits', true)).toBe(1);
    expect(await call('count_visits', true)).toBe(2);
    expect(await db.knex('probe_note').where({ name: 'visit' }).count({ n: '*' })).toEqual([{ n: backend === 'pg' ? '2' : 2 }]);
    expect(lines.filter((l) => l.includes('tried to write'))).toHaveLength(2);
  });

  test('a refused write that the method caught still sends the call to a transaction', async () => {
    expect(await call('swallow_write', true)).toBe('wrote');
    expect(await db.knex('probe_note').where({ name: 'swallowed' }).first()).toBeDefined();
  });

  test('changing a declared field moves the cache signal with the transaction; other fields do not', async () => {
    const before = await readSignal(db.knex);
    const id = await run({ db: db.name, uid: 1, compat: COMPAT_ODOO },
      (env) => env.model('probe.setting').create({ name: 'a', value: 'x' }));
    expect(await readSignal(db.knex)).toBe(before);
    await run({ db: db.name, uid: 1, compat: COMPAT_ODOO }, (env) => env.model('probe.setting').write([id], { name: 'b' }));
    expect(await readSignal(db.knex)).toBe(before);
    await run({ db: db.name, uid: 1, compat: COMPAT_ODOO }, (env) => env.model('probe.setting').write([id], { value: 'y' }));
    expect(await readSignal(db.knex)).toBe(before + 1);
    // A change that fails rolls the signal back with it.
    await expect(run({ db: db.name, uid: 1, compat: COMPAT_ODOO }, async (env) => {
      await env.model('probe.setting').write([id], { value: 'z' });
      throw new Error('the call fails after its write');
    })).rejects.toThrow('the call fails');
    expect(await readSignal(db.knex)).toBe(before + 1);
    expect((await db.knex('probe_setting').where({ id }).first()).value).toBe('y');
  });
});
