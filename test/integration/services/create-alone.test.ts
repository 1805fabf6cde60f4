// A create as the one change of a call, on both backends: when nothing follows from it but its
// row and its many2many links, it runs as one statement outside a transaction (PostgreSQL: links
// included; SQLite: without links), with its stored computes made as ever (from a parent row kept
// since the last create, which the statement checks unchanged). A missing record, a changed parent,
// a row another transaction holds, a record rule or a model with more to do sends it to a
// transaction, with the same fault as ever and nothing half saved.
import { up as cacheSignalUp } from '../../../migrations/0330_cache_signal';
import { DbCache } from '../../../src/db/cache-signal';
import type { Database } from '../../../src/db/types';
import { char, defineModel, defineModule, many2many, many2one } from '../../../src/orm/define';
import { COMPAT_ODOO } from '../../../src/orm/env-types';
import { callModelMethod } from '../../../src/orm/call-method';
import { mayRunAlone } from '../../../src/orm/method-table';
import { buildRegistry } from '../../../src/orm/registry';
import { ALLOW_ALL, type AccessPolicy } from '../../../src/orm/access-policy';
import { createUnitOfWork } from '../../../src/rpc/services/unit-of-work';
import { BACKENDS, createScratchDb, type ScratchDb } from '../../support/backends';
import { createSchema } from '../orm/support/schema';

const tag = defineModel({ name: 'probe.tag', description: 'Tag', fields: { name: char() } });
const kind = defineModel({ name: 'probe.kind', description: 'Kind', fields: { name: char() } });
// A contact's full name is its parent's name and its own, stored (as res.partner's complete_name).
const contact = defineModel({
  name: 'probe.contact', description: 'Contact',
  fields: {
    name: char({ required: true }),
    parent_id: many2one('probe.contact'),
    kind_id: many2one('probe.kind'),
    tag_ids: many2many('probe.tag', { relation: 'probe_contact_tag_rel', column1: 'contact_id', column2: 'tag_id' }),
    full_name: char({
      readonly: true,
      storedCompute: {
        depends: ['name', 'parent_id.name'],
        value: (d) => (d['parent_id.name'] ? `${String(d['parent_id.name'])}, ${String(d.name)}` : d.name),
      },
    }),
  },
});
const unique = defineModel({
  name: 'probe.unique', description: 'Unique', fields: { code: char() },
  sqlConstraints: [{ name: 'code_unique', unique: ['code'], message: 'The code must be unique' }],
});
const checked = defineModel({
  name: 'probe.checked', description: 'Checked', fields: { name: char() },
  constraints: [{ name: 'not_bad', fields: ['name'], check: async () => null }],
});
const hooked = defineModel({
  name: 'probe.hooked', description: 'Hooked', fields: { name: char() },
  hooks: { afterCreate: async () => undefined },
});
const cached = defineModel({ name: 'probe.cached', description: 'Cached', invalidatesCache: true, fields: { name: char() } });
const users = defineModel({ name: 'res.users', description: 'User', fields: { name: char(), login: char() } });
const PROBE = defineModule({ name: 'probe', depends: [], models: [users, tag, kind, contact, unique, checked, hooked, cached] });

/** User 2 has a create rule on contacts when `ruled` is set: only those named 'ok...'. */
let ruled = false;
const POLICY: AccessPolicy = {
  ...ALLOW_ALL,
  ruleDomain: async (_env, model, mode) => (ruled && model === 'probe.contact' && mode === 'create' ? [['name', '=like', 'ok%']] : null),
};

describe.each(BACKENDS)('a create alone on %s', (backend) => {
  let db: ScratchDb;
  let database: Database;
  const registry = buildRegistry([PROBE], { access: POLICY });
  const run = createUnitOfWork({ dbm: { get: async () => database }, registry });
  const sql: string[] = [];
  let tags: number[];
  let kindId: number;
  let parent: number;

  const insertIds = async (table: string, rows: Record<string, unknown>[]) => (await db.knex(table).insert(rows).returning('id'))
    .map((x: unknown) => Number(typeof x === 'object' ? (x as { id: unknown }).id : x));

  beforeAll(async () => {
    db = await createScratchDb(backend);
    await createSchema(db.knex, registry);
    await cacheSignalUp(db.knex);
    // As in the real schema: the links point at their records.
    if (backend === 'pg') await db.knex.raw('alter table probe_contact_tag_rel add foreign key (tag_id) references probe_tag (id)');
    await db.knex('res_users').insert([{ id: 1, name: 'Administrator', login: 'admin' }, { id: 2, name: 'Clerk', login: 'clerk' }]);
    database = { name: db.name, knex: db.knex, backend, cache: new DbCache() };
    tags = await insertIds('probe_tag', [{ name: 'a' }, { name: 'b' }]);
    [kindId] = await insertIds('probe_kind', [{ name: 'k' }]);
    [parent] = await insertIds('probe_contact', [{ name: 'Acme', full_name: 'Acme' }]);
    db.knex.on('query', (q: { sql: string }) => { sql.push(q.sql); });
  });
  afterAll(async () => { await db.destroy(); });

  const create = (model: string, vals: Record<string, unknown>, uid = 1) =>
    run({ db: db.name, uid, compat: COMPAT_ODOO, autocommit: mayRunAlone(registry.model(model), 'create') },
      (env) => callModelMethod(env, model, 'create', [vals], {}, { outermost: !env.readOnly }));
  const transactional = () => sql.filter((s) => /^(begin|commit|start transaction)/i.test(s.trim()));
  const changes = () => sql.filter((s) => /^(insert|update|delete|with)/i.test(s.trim()));
  const linksOf = async (id: number) => (await db.knex('probe_contact_tag_rel').where({ contact_id: id }).orderBy('tag_id'))
    .map((r: { tag_id: unknown }) => Number(r.tag_id));
  const named = (name: string) => db.knex('probe_contact').where({ name });

  test('a plain create may run alone; not one with a hook, a constraint, a unique column or a cache signal', () => {
    expect(mayRunAlone(registry.model('probe.contact'), 'create')).toBe(true);
    for (const name of ['probe.unique', 'probe.checked', 'probe.hooked', 'probe.cached']) {
      expect(mayRunAlone(registry.model(name), 'create')).toBe(false);
    }
  });

  test('a create with a parent, a kind and tags: its stored compute made from the parent, its links saved', async () => {
    sql.length = 0;
    const id = await create('probe.contact', { name: 'Ann', parent_id: parent, kind_id: kindId, tag_ids: [[6, 0, tags]] }) as number;
    const row = await db.knex('probe_contact').where({ id }).first();
    expect(row).toMatchObject({ name: 'Ann', full_name: 'Acme, Ann', parent_id: parent, kind_id: kindId });
    expect(await linksOf(id)).toEqual(tags);
    if (backend === 'pg') {
      // The parent's name read first (kept for the next create), then the row and its links: one
      // statement, no transaction.
      expect(transactional()).toEqual([]);
      expect(changes()).toHaveLength(1);
    } else {
      // SQLite cannot insert into two tables in one statement: a transaction, as before.
      expect(transactional()).toHaveLength(2);
    }
  });

  // The parent's row is kept from the create before; the INSERT finds it unchanged itself.
  test('the next create under the same parent: its INSERT alone, and a renamed parent is seen at once', async () => {
    await create('probe.contact', { name: 'Al', parent_id: parent });
    sql.length = 0;
    const id = await create('probe.contact', { name: 'Ada', parent_id: parent }) as number;
    expect(sql.filter((s) => /^select/i.test(s.trim()) && !s.includes('ir_cache_signal'))).toEqual([]);
    expect(transactional()).toEqual([]);
    expect(changes()).toHaveLength(1);
    expect((await db.knex('probe_contact').where({ id }).first()).full_name).toBe('Acme, Ada');
    // Renamed by another program: the kept row no longer matches, so the create runs in a transaction.
    await db.knex('probe_contact').where({ id: parent }).update({ name: 'Acme Ltd' });
    sql.length = 0;
    const next = await create('probe.contact', { name: 'Abe', parent_id: parent }) as number;
    expect(transactional()).toHaveLength(2);
    expect((await db.knex('probe_contact').where({ id: next }).first()).full_name).toBe('Acme Ltd, Abe');
    expect(await named('Abe')).toHaveLength(1);
    // Then looked at again once, and kept again.
    const third = await create('probe.contact', { name: 'Amy', parent_id: parent }) as number;
    sql.length = 0;
    const fourth = await create('probe.contact', { name: 'Ari', parent_id: parent }) as number;
    expect(transactional()).toEqual([]);
    expect(changes()).toHaveLength(1);
    const names = await db.knex('probe_contact').whereIn('id', [third, fourth]).orderBy('id').pluck('full_name');
    expect(names).toEqual(['Acme Ltd, Amy', 'Acme Ltd, Ari']);
    await db.knex('probe_contact').where({ id: parent }).update({ name: 'Acme' });
  });

  test('a create naming no tags is its INSERT alone on both backends', async () => {
    sql.length = 0;
    const id = await create('probe.contact', { name: 'Bob', kind_id: kindId, tag_ids: [] }) as number;
    expect(transactional()).toEqual([]);
    expect(sql.filter((s) => /^select/i.test(s.trim()) && !s.includes('ir_cache_signal'))).toEqual([]);
    expect(changes()).toHaveLength(1);
    expect(await db.knex('probe_contact').where({ id }).first()).toMatchObject({ name: 'Bob', full_name: 'Bob', kind_id: kindId });
  });

  test('missing records: the same faults as ever, from a transaction, and nothing saved', async () => {
    const fault = (model: string, ids: string) => `Record does not exist or has been deleted.\n(Record: ${model}(${ids}), User: 1)`;
    sql.length = 0;
    await expect(create('probe.contact', { name: 'Ghost', kind_id: 999999, parent_id: 999998 })).rejects.toThrow(fault('probe.kind', '999999,'));
    await expect(create('probe.contact', { name: 'Ghost', parent_id: 999998, kind_id: 999999 })).rejects.toThrow(fault('probe.contact', '999998,'));
    await expect(create('probe.contact', { name: 'Ghost', kind_id: 999999 })).rejects.toThrow(fault('probe.kind', '999999,'));
    await expect(create('probe.contact', { name: 'Ghost', kind_id: kindId, tag_ids: [[6, 0, [tags[0], 999999]]] }))
      .rejects.toThrow(fault('probe.tag', '999999,'));
    expect(transactional().length).toBeGreaterThan(0);
    expect(await named('Ghost')).toEqual([]);
    expect(await db.knex('probe_contact_tag_rel').whereNotIn('contact_id', db.knex('probe_contact').select('id'))).toEqual([]);
  });

  test('commands beyond links, and a record rule on create: in a transaction, as before', async () => {
    sql.length = 0;
    const id = await create('probe.contact', { name: 'Cid', tag_ids: [[0, 0, { name: 'new tag' }]] }) as number;
    expect(transactional()).toHaveLength(2);
    expect(await linksOf(id)).toHaveLength(1);
    ruled = true;
    try {
      sql.length = 0;
      expect(await create('probe.contact', { name: 'ok Dee', kind_id: kindId }, 2)).toEqual(expect.any(Number));
      expect(transactional()).toHaveLength(2);
      await expect(create('probe.contact', { name: 'Eve', kind_id: kindId }, 2)).rejects.toThrow(/create/);
      expect(await named('Eve')).toEqual([]);
    } finally {
      ruled = false;
    }
  });

  // Alone, the INSERT would commit even if its process died while it waited (a call killed past
  // limit_time_real): it skips a record another transaction holds, and the call waits in a transaction.
  if (backend === 'pg') {
    test('a tag another transaction holds: the create waits for it in a transaction, then lands once', async () => {
      const holder = await db.knex.transaction();
      let settled = false;
      try {
        await holder.raw('select id from probe_tag where id = ? for update', [tags[1]]);
        sql.length = 0;
        const pending = create('probe.contact', { name: 'Held', tag_ids: [[6, 0, tags]] }).finally(() => { settled = true; });
        await new Promise((r) => setTimeout(r, 300));
        expect(settled).toBe(false);
        await holder.rollback();
        const id = await pending as number;
        expect(await linksOf(id)).toEqual(tags);
      } finally {
        if (!holder.isCompleted()) await holder.rollback();
      }
      expect(transactional()).toHaveLength(2);
      expect(await named('Held')).toHaveLength(1);
    });
  }
});
