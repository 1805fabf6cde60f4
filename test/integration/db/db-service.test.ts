// The `db` service on both backends, called as the dispatcher calls it: master password first,
// listing that can be switched off, and databases that really work afterwards (login succeeds).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuth, createMasterPassword } from '../../../src/auth';
import { AccessDenied, CallError, UserError } from '../../../src/errors';
import { createDbService } from '../../../src/rpc/services/db';
import type { Service, ServiceCall } from '../../../src/rpc/services/types';
import { Double, type RpcValue } from '../../../src/values';
import { BACKENDS } from '../../support/backends';
import { TEST_ROUNDS, testManager, TestManager } from './fixtures';

const call: ServiceCall = { profile: 'legacy', ip: '127.0.0.1', requestId: 'test', log: { set: () => {} } };
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const baseConfig = { serverVersion: '7.0', languages: [['en_US', 'English'], ['es_ES', 'Spanish / Español']] as [string, string][] };

async function errorOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  return null;
}

describe.each(BACKENDS)('db service on %s', (backend) => {
  let t: TestManager;
  let masterDir: string;
  let db: Service;
  const run = (method: string, ...params: RpcValue[]): Promise<RpcValue> => db[method](call, params);
  const auth = () => createAuth({
    dbm: t.dbm, config: { passwordRounds: TEST_ROUNDS, loginMaxFailures: 10, loginCooldownSeconds: 60 }, logger: quiet,
  });
  const service = (listDb: boolean, dbFilter: string | null = null): Service => createDbService({
    dbm: t.dbm, logger: quiet, config: { ...baseConfig, listDb, dbFilter },
    master: createMasterPassword({
      config: { masterPassword: 'master', dataDir: masterDir, passwordRounds: TEST_ROUNDS, loginMaxFailures: 100, loginCooldownSeconds: 60 },
    }),
  });
  beforeEach(() => {
    t = testManager(backend);
    masterDir = mkdtempSync(join(tmpdir(), 'ocsc-master-'));
    db = service(true);
  });
  afterEach(async () => {
    await t.cleanup();
    rmSync(masterDir, { recursive: true, force: true });
  });

  test('server_version, list_lang and db_exist need no password', async () => {
    expect(await run('server_version')).toBe('7.0');
    expect(await run('list_lang')).toEqual([['en_US', 'English'], ['es_ES', 'Spanish / Español']]);
    expect(await run('db_exist', 'no_such_db')).toBe(false);
    expect(await run('db_exist', '../x')).toBe(false);
    expect(await run('db_exist', 42)).toBe(false);
  });

  test('create_database then login with the given login and password; db_exist and list see it', async () => {
    const name = t.fresh();
    expect(await run('create_database', 'master', name, false, 'es_ES', 'pw-1', 'boss')).toBe(true);
    expect(await run('db_exist', name)).toBe(true);
    expect(await run('list')).toEqual([name]);
    const uid = await auth().login(name, 'boss', 'pw-1', '127.0.0.1');
    expect(typeof uid).toBe('number');
  });

  test('dbfilter lists only the databases whose name it matches from the start', async () => {
    const name = t.fresh();
    await run('create_database', 'master', name, false, 'en_US', 'pw');
    expect(await service(true, name.slice(0, 6)).list(call, [])).toEqual([name]);
    expect(await service(true, `x${name}`).list(call, [])).toEqual([]);
    expect(await service(true, name.slice(2)).list(call, [])).toEqual([]);
  });

  test('7.0 defaults: user_password admin and login admin', async () => {
    const name = t.fresh();
    expect(await run('create_database', 'master', name, false, false)).toBe(true);
    expect(typeof await auth().login(name, 'admin', 'admin', '127.0.0.1')).toBe('number');
  });

  test('every method behind the master password refuses a wrong one and changes nothing', async () => {
    const name = t.fresh();
    await run('create_database', 'master', name, false, 'en_US', 'pw');
    const calls: [string, RpcValue[]][] = [
      ['create_database', [t.fresh(), false, 'en_US', 'pw']],
      ['create', [t.fresh(), false, 'en_US', 'pw']],
      ['drop', [name]],
      ['dump', [name]],
      ['restore', [t.fresh(), 'AAAA']],
      ['rename', [name, t.fresh()]],
      ['duplicate_database', [name, t.fresh()]],
      ['change_admin_password', ['new']],
      ['migrate_databases', [[name]]],
      ['get_progress', [1]],
    ];
    for (const [method, args] of calls) {
      for (const bad of ['wrong', 'Master', '', false, null, 42]) {
        const err = await errorOf(run(method, bad as RpcValue, ...args));
        expect([method, err instanceof AccessDenied]).toEqual([method, true]);
      }
    }
    expect(await run('list')).toEqual([name]);
    expect(typeof await auth().login(name, 'admin', 'pw', '127.0.0.1')).toBe('number');
    expect(await run('drop', 'master', name)).toBe(true);
  });

  test('listing switched off is AccessDenied; db_exist still answers', async () => {
    const name = t.fresh();
    await run('create_database', 'master', name, false, 'en_US', 'pw');
    const closed = service(false);
    expect(await errorOf(closed.list(call, []))).toBeInstanceOf(AccessDenied);
    expect(await errorOf(closed.list(call, [true]))).toBeInstanceOf(AccessDenied);
    expect(await closed.db_exist(call, [name])).toBe(true);
  });

  test('create over an existing name is the 7.0 Warning', async () => {
    const name = t.fresh();
    await run('create_database', 'master', name, false, 'en_US', 'pw');
    for (const method of ['create_database', 'create']) {
      const err = await errorOf(run(method, 'master', name, false, 'en_US', 'pw'));
      expect(err).toBeInstanceOf(UserError);
      expect((err as UserError).title).toBe('Warning');
      expect((err as UserError).message).toBe(` ${name} database already exists!`);
    }
  });

  test('7.0 create runs in the background; get_progress reports 1.0 and the admin when done', async () => {
    const name = t.fresh();
    const id = await run('create', 'master', name, false, 'en_US', 'pw-async');
    expect(typeof id).toBe('number');
    let progress = await run('get_progress', 'master', id);
    for (let i = 0; i < 600 && (progress as [Double])[0].value < 1; i++) {
      await new Promise((r) => setTimeout(r, 50));
      progress = await run('get_progress', 'master', id);
    }
    expect(progress).toEqual([new Double(1), [{ login: 'admin', password: 'pw-async' }]]);
    expect(typeof await auth().login(name, 'admin', 'pw-async', '127.0.0.1')).toBe('number');
    const err = await errorOf(run('get_progress', 'master', id));
    expect(err).toBeInstanceOf(CallError);
    expect((err as CallError).pyType).toBe('KeyError');
  });

  test('dump gives base64 that restore turns back into a working database', async () => {
    const [a, b] = [t.fresh(), t.fresh()];
    await run('create_database', 'master', a, false, 'en_US', 'pw-dump');
    const data = await run('dump', 'master', a);
    expect(typeof data).toBe('string');
    expect(data as string).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(await run('restore', 'master', b, data)).toBe(true);
    expect(typeof await auth().login(b, 'admin', 'pw-dump', '127.0.0.1')).toBe('number');
    const again = await errorOf(run('restore', 'master', b, data));
    expect((again as CallError).message).toBe('Database already exists');
  });

  test('duplicate, rename and drop', async () => {
    const [a, b, c] = [t.fresh(), t.fresh(), t.fresh()];
    await run('create_database', 'master', a, false, 'en_US', 'pw');
    expect(await run('duplicate_database', 'master', a, b)).toBe(true);
    expect(await run('rename', 'master', b, c)).toBe(true);
    expect(await run('list')).toEqual([a, c].sort());
    expect(typeof await auth().login(c, 'admin', 'pw', '127.0.0.1')).toBe('number');
    expect(await run('drop', 'master', c)).toBe(true);
    expect(await run('drop', 'master', c)).toBe(false);
    expect(await run('list')).toEqual([a]);
  });

  test('migrate_databases brings the named databases up to date', async () => {
    const name = t.fresh();
    await run('create_database', 'master', name, false, 'en_US', 'pw');
    expect(await run('migrate_databases', 'master', [name])).toBe(true);
    expect(await errorOf(run('migrate_databases', 'master', ['no_such_db']))).toBeInstanceOf(CallError);
  });

  test('change_admin_password takes effect at once and survives a restart', async () => {
    expect(await run('change_admin_password', 'master', 'master-2')).toBe(true);
    expect(await errorOf(run('drop', 'master', 'x'))).toBeInstanceOf(AccessDenied);
    expect(await run('drop', 'master-2', 'x')).toBe(false);
    const restarted = service(true);
    expect(await restarted.drop(call, ['master-2', 'x'])).toBe(false);
    expect(await errorOf(restarted.drop(call, ['master', 'x']))).toBeInstanceOf(AccessDenied);
  });

  test('wrong parameter types are TypeError-like call errors', async () => {
    const err = await errorOf(run('create_database', 'master', 42, false, 'en_US'));
    expect(err).toBeInstanceOf(CallError);
    expect((err as CallError).pyType).toBe('TypeError');
    expect(await errorOf(run('drop', 'master'))).toBeInstanceOf(CallError);
    expect(await errorOf(run('create_database', 'master', '../evil', false, 'en_US'))).toBeInstanceOf(UserError);
  });
});
