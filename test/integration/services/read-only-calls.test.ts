// The unit of work of one call on both backends: a read-only method runs on the pool with no
// transaction; one that writes after all is run again, whole, in a transaction, and the caller
// gets a normal answer with the write saved once. A plain write of one record runs as one
// statement on the pool (a create too: create-alone.test.ts); one that needs more is run again in
// a transaction. Changes of a model that declares its data cached move the database's cache signal.
import { up as cacheSignalUp } from '../../../migrations/0330_cache_signal';
import { bumpSignal, DbCache, readSignal } from '../../../src/db/cache-signal';
import type { Database } from '../../../src/db/types';
import { char, defineModel, defineModule, type Env } from '../../../src/orm/define';
import { COMPAT_ODOO } from '../../../src/orm/env-types';
import { callModelMethod } from '../../../src/orm/call-method';
import { isReadOnlyMethod, mayRunAlone } from '../../../src/orm/method-table';
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
// A name may not be 'bad' (a constraint on name); `other` is free.
const checked = defineModel({
  name: 'probe.checked', description: 'Checked', fields: { name: char(), other: char() },
  constraints: [{
    name: 'not_bad', fields: ['name'],
    check: async (env, ids) => ((await env.model('probe.checked').read(ids, ['name'])).some((r) => r.name === 'bad') ? 'No bad names' : null),
  }],
});
const hooked = defineModel({
  name: 'probe.hooked', description: 'Hooked', fields: { name: char() },
  hooks: { afterWrite: async (env, ids) => { await env.model('probe.note').create({ name: `hooked ${ids.join(',')}` }); } },
});
const users = defineModel({ name: 'res.users', description: 'User', fields: { name: char(), login: char() } });
const PROBE = defineModule({ name: 'probe', depends: [], models: [users, note, cached, checked, hooked] });

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

  const transactional = (): string[] => sql.filter((s) => /^(begin|commit|start transaction)/i.test(s.trim()));
  const write = (model: string, ids: number[], vals: Record<string, unknown>) =>
    run({ db: db.name, uid: 1, compat: COMPAT_ODOO, autocommit: mayRunAlone(registry.model(model), 'write') },
      (env) => callModelMethod(env, model, 'write', [ids, vals], {}, { outermost: !env.readOnly }));
  const value = async (table: string, id: number, column = 'name') => (await db.knex(table).where({ id }).first())[column];

  test('a plain write or create may run alone; not one with hooks (nor a create with constraints), nor another method', () => {
    expect(mayRunAlone(registry.model('probe.note'), 'write')).toBe(true);
    expect(mayRunAlone(registry.model('probe.setting'), 'write')).toBe(true);
    expect(mayRunAlone(registry.model('probe.checked'), 'write')).toBe(true);
    expect(mayRunAlone(registry.model('probe.hooked'), 'write')).toBe(false);
    expect(mayRunAlone(registry.model('probe.note'), 'create')).toBe(true);
    expect(mayRunAlone(registry.model('probe.checked'), 'create')).toBe(false);
    expect(mayRunAlone(registry.model('probe.note'), 'unlink')).toBe(false);
  });

  test('a plain write of one record is its UPDATE alone, committed without a transaction', async () => {
    const [id] = await db.knex('probe_note').insert({ name: 'alone' }).returning('id').then((r) => r.map((x) => Number(typeof x === 'object' ? x.id : x)));
    sql.length = 0;
    expect(await write('probe.note', [id], { name: 'alone 2' })).toBe(true);
    expect(transactional()).toEqual([]);
    expect(sql.filter((s) => /^update/i.test(s.trim()))).toHaveLength(1);
    expect(await value('probe_note', id)).toBe('alone 2');
    // A missing record: the same fault, and nothing written.
    await expect(write('probe.note', [999999], { name: 'ghost' }))
      .rejects.toThrow('Record does not exist or has been deleted.\n(Record: probe.note(999999,), User: 1)');
    expect(await db.knex('probe_note').where({ name: 'ghost' })).toEqual([]);
  });

  // Alone, the UPDATE would commit even if its process died while it waited (a call killed past
  // limit_time_real): it skips a row another transaction holds, and the call waits in a transaction.
  if (backend === 'pg') {
    test('a row another transaction holds: the write waits for it in a transaction, then lands once', async () => {
      const [id] = await db.knex('probe_note').insert({ name: 'to hold' }).returning('id').then((r) => r.map((x) => Number(x.id)));
      const holder = await db.knex.transaction();
      let settled = false;
      try {
        await holder('probe_note').where({ id }).update({ name: 'held' });
        sql.length = 0;
        const pending = write('probe.note', [id], { name: 'after the hold' }).finally(() => { settled = true; });
        await new Promise((r) => setTimeout(r, 300));
        expect(settled).toBe(false);
        await holder.rollback();
        expect(await pending).toBe(true);
      } finally {
        if (!holder.isCompleted()) await holder.rollback();
      }
      expect(transactional()).toHaveLength(2);
      expect(await value('probe_note', id)).toBe('after the hold');
    });
  }

  test('a write that needs more than its UPDATE runs in a transaction, saved once, faults as before', async () => {
    const ids = await db.knex('probe_checked').insert([{ name: 'a' }, { name: 'b' }]).returning('id')
      .then((r) => r.map((x) => Number(typeof x === 'object' ? x.id : x)));
    // Two records, and a field a constraint looks at: each in a transaction.
    sql.length = 0;
    expect(await write('probe.checked', ids, { other: 'both' })).toBe(true);
    expect(transactional()).toHaveLength(2);
    sql.length = 0;
    await expect(write('probe.checked', [ids[0]], { name: 'bad' })).rejects.toThrow('No bad names');
    expect(await value('probe_checked', ids[0])).toBe('a');
    expect(await write('probe.checked', [ids[0]], { name: 'good' })).toBe(true);
    expect(transactional().length).toBeGreaterThan(0);
    expect(await value('probe_checked', ids[0])).toBe('good');
    // A field no constraint looks at: alone again.
    sql.length = 0;
    expect(await write('probe.checked', [ids[1]], { other: 'one' })).toBe(true);
    expect(transactional()).toEqual([]);
    expect(await value('probe_checked', ids[1], 'other')).toBe('one');
    // A write of a field whose change moves the cache signal: in a transaction, with the signal.
    const [setting] = await db.knex('probe_setting').insert({ name: 's', value: 'v' }).returning('id')
      .then((r) => r.map((x) => Number(typeof x === 'object' ? x.id : x)));
    const before = await readSignal(db.knex);
    sql.length = 0;
    expect(await write('probe.setting', [setting], { value: 'w' })).toBe(true);
    expect(transactional()).toHaveLength(2);
    expect(await readSignal(db.knex)).toBe(before + 1);
    expect(await value('probe_setting', setting, 'value')).toBe('w');
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

  describe('the cache signal of a read-only call', () => {
    let loads = 0;
    let runs = 0;
    /** A read-only call that answers a cached value (loaded once per signal) and the notes it searched for. */
    const cachedRead = (domain: unknown[]) => run({ db: db.name, uid: 1, compat: COMPAT_ODOO, readOnly: true }, async (env) => {
      runs += 1;
      const value = await env.cache.get('probe', 'loads', async () => ++loads);
      const notes = await callModelMethod(env, 'probe.note', 'search_read', [domain], { fields: ['name'] }) as unknown[];
      return { value, notes: notes.length };
    });
    const signalReads = () => sql.filter((s) => /^select .value. from .ir_cache_signal./i.test(s.trim()));

    test('is carried by its first SELECT on PostgreSQL, read first on SQLite', async () => {
      await db.knex('probe_note').insert({ name: 'carried' });
      await cachedRead([['name', '=', 'carried']]);
      sql.length = 0;
      expect(await cachedRead([['name', '=', 'carried']])).toEqual({ value: loads, notes: 1 });
      if (backend === 'pg') {
        expect(sql).toHaveLength(1);
        expect(sql[0]).toMatch(/ir_cache_signal/);
      } else {
        expect(signalReads()).toHaveLength(1);
        expect(sql[0]).toBe(signalReads()[0]);
      }
    });

    test('moved by another process since: the call runs again on the fresh signal and answers what it holds now', async () => {
      const before = (await cachedRead([['name', '=', 'carried']])).value;
      await bumpSignal(db.knex);
      runs = 0;
      expect(await cachedRead([['name', '=', 'carried']])).toEqual({ value: before + 1, notes: 1 });
      // Run on the value seen last, then again (PostgreSQL); once on the signal read first (SQLite).
      expect(runs).toBe(backend === 'pg' ? 2 : 1);
      runs = 0;
      expect(await cachedRead([['name', '=', 'carried']])).toEqual({ value: before + 1, notes: 1 });
      expect(runs).toBe(1);
    });

    test('with no row to carry it, the signal is read at the end, and a move is seen all the same', async () => {
      const before = (await cachedRead([['name', '=', 'no such note']])).value;
      sql.length = 0;
      expect(await cachedRead([['name', '=', 'no such note']])).toEqual({ value: before, notes: 0 });
      expect(signalReads()).toHaveLength(1);
      expect(sql).toHaveLength(2);
      await bumpSignal(db.knex);
      expect(await cachedRead([['name', '=', 'no such note']])).toEqual({ value: before + 1, notes: 0 });
    });

    test('a call that writes confirms the signal before it starts', async () => {
      const id = (await db.knex('probe_note').where({ name: 'carried' }).first()).id as number;
      await cachedRead([]);
      await bumpSignal(db.knex);
      sql.length = 0;
      expect(await run({ db: db.name, uid: 1, compat: COMPAT_ODOO }, async (env) => {
        await env.model('probe.note').write([id], { name: 'carried' });
        return env.cache.get('probe', 'loads', async () => ++loads);
      })).toBe(loads);
      expect(sql[0]).toMatch(/ir_cache_signal/);
    });
  });
});
