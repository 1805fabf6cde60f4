// A call's own create, write or unlink runs without a savepoint (its failure rolls the call's
// transaction back); whatever runs inside a change, and changes a model method makes and catches,
// keep theirs: a caught failure leaves nothing behind and the call goes on.
import { MissingError, UserError } from '../../../src/errors';
import { callModelMethod } from '../../../src/orm/call-method';
import { buildRegistry } from '../../../src/orm/registry';
import { createEnv } from '../../../src/orm/env';
import { char, defineModel, defineModule } from '../../../src/orm/define';
import { BACKENDS, createScratchDb, type ScratchDb } from '../../support/backends';
import { createSchema } from './support/schema';

describe.each(BACKENDS)('the top-level change of a call on %s', (backend) => {
  let db: ScratchDb;
  const registry = buildRegistry([defineModule({
    name: 'tl', depends: [],
    models: [defineModel({
      name: 'tl.item', description: 'Item', fields: { name: char(), code: char() },
      sqlConstraints: [{ name: 'code_uniq', unique: ['code'], message: 'The code must be unique!' }],
      hooks: {
        // A hook that writes another record and catches its failure: the nested write needs its savepoint.
        afterWrite: async (env, ids, vals) => {
          if (vals.name !== 'with nested failure') return;
          await env.model('tl.item').write(ids, { code: 'taken' }).catch(() => undefined);
          await env.model('tl.item').write(ids, { code: 'after nested' });
        },
      },
      methods: {
        // Writes, catches the failure of a write that breaks a unique constraint, and goes on.
        rename_all: {
          params: ['ids', 'context'],
          fn: async (env, { ids }) => {
            const list = ids as number[];
            const failed = await env.model('tl.item').call('write', { ids: list, vals: { code: 'taken' } })
              .then(() => false, () => true);
            await env.model('tl.item').write(list, { name: 'renamed' });
            return failed;
          },
        },
      },
    })],
  })]);

  beforeAll(async () => {
    db = await createScratchDb(backend);
    await createSchema(db.knex, registry);
  });
  afterAll(async () => { await db.destroy(); });

  /** Runs `fn` as a call's unit of work does: one transaction, `outermost` for its dispatch. */
  async function asCall<T>(fn: (env: ReturnType<typeof createEnv>) => Promise<T>): Promise<{ value?: T; error?: unknown; sql: string[] }> {
    const sql: string[] = [];
    const listen = (q: { sql: string }) => { sql.push(q.sql); };
    db.knex.on('query', listen);
    try {
      const value = await db.knex.transaction((trx) => fn(createEnv({ cr: trx, uid: 1, registry, dbName: db.name })));
      return { value, sql };
    } catch (error) {
      return { error, sql };
    } finally {
      db.knex.removeListener('query', listen);
    }
  }
  const savepoints = (sql: string[]) => sql.filter((s) => /^savepoint/i.test(s.trim())).length;

  test('a write or create dispatched as the call itself sends no SAVEPOINT', async () => {
    const created = await asCall((env) => callModelMethod(env, 'tl.item', 'create', [{ name: 'a' }], {}, { outermost: true }));
    expect(savepoints(created.sql)).toBe(0);
    const id = created.value as number;
    const written = await asCall((env) => callModelMethod(env, 'tl.item', 'write', [[id], { name: 'b' }], {}, { outermost: true }));
    expect(written.value).toBe(true);
    expect(savepoints(written.sql)).toBe(0);
    expect(await db.knex('tl_item').where('id', id).first()).toMatchObject({ name: 'b' });
  });

  test('a failing top-level write gives its fault and leaves nothing', async () => {
    await db.knex('tl_item').insert({ name: 'holder', code: 'taken' });
    const [id] = await asCall((env) => callModelMethod(env, 'tl.item', 'create', [{ name: 'c' }], {}, { outermost: true }))
      .then((r) => [r.value as number]);
    const dup = await asCall((env) => callModelMethod(env, 'tl.item', 'write', [[id], { name: 'd', code: 'taken' }], {}, { outermost: true }));
    expect(dup.error).toEqual(new UserError('The operation cannot be completed: The code must be unique!'));
    const missing = await asCall((env) => callModelMethod(env, 'tl.item', 'write', [[id, 999999], { name: 'e' }], {}, { outermost: true }));
    expect(missing.error).toBeInstanceOf(MissingError);
    expect((missing.error as Error).message).toBe('Record does not exist or has been deleted.\n(Record: tl.item(999999,), User: 1)');
    expect(await db.knex('tl_item').where('id', id).first()).toMatchObject({ name: 'c', code: null });
  });

  test('a model method that catches a failed write goes on, and the failed write left nothing', async () => {
    const id = (await asCall((env) => callModelMethod(env, 'tl.item', 'create', [{ name: 'f', code: 'f' }], {}, { outermost: true }))).value as number;
    const run = await asCall((env) => callModelMethod(env, 'tl.item', 'rename_all', [[id]], {}, { outermost: true }));
    expect(run.error).toBeUndefined();
    expect(run.value).toBe(true);
    expect(savepoints(run.sql)).toBeGreaterThan(0);
    expect(await db.knex('tl_item').where('id', id).first()).toMatchObject({ name: 'renamed', code: 'f' });
  });

  test('a hook of the top-level write that catches a nested failure goes on', async () => {
    const id = (await asCall((env) => callModelMethod(env, 'tl.item', 'create', [{ name: 'g', code: 'g' }], {}, { outermost: true }))).value as number;
    const run = await asCall((env) => callModelMethod(env, 'tl.item', 'write', [[id], { name: 'with nested failure' }], {}, { outermost: true }));
    expect(run.error).toBeUndefined();
    expect(await db.knex('tl_item').where('id', id).first()).toMatchObject({ name: 'with nested failure', code: 'after nested' });
  });
});
