// The `db` service (PROTOCOL.md §1.5): list, create, drop, copy, dump and restore databases.
// Every method that changes data takes the master password first; listing can be switched off.
import { createMasterPassword, type MasterPassword, type MasterPasswordSettings } from '../../auth';
import { migrate } from '../../db/migrate';
import { assertValidDbName, databaseExists } from '../../db/names';
import type { Database, DatabaseManager, Logger } from '../../db/types';
import { AccessDenied, CallError } from '../../errors';
import { Double, newStruct, type RpcValue } from '../../values';
import { expectArity, expectInt, expectList, expectString, truthy } from '../params';
import type { ProgressBoard } from '../../db/progress';
import { dumpFormat, dumpToBuffer, restoreFromBuffer } from './db-archives';
import type { Service, ServiceCall, ServiceMethod } from './types';

/** The settings read here; the master password ones only when no `master` is given. */
export interface DbServiceSettings extends Partial<MasterPasswordSettings> {
  /** Whether `list` answers (false: AccessDenied, as OpenERP's list_db = False). */
  listDb: boolean;
  serverVersion: string;
  /** Offered by `list_lang`, as [code, label]. */
  languages: [string, string][];
  /** Only databases whose name this regular expression matches from its start are listed (Odoo's dbfilter). */
  dbFilter?: string | null;
}

export interface DbServiceOptions {
  dbm: DatabaseManager;
  config: DbServiceSettings;
  logger: Logger;
  /** Shared with `common` (whose 7.0 methods also take it); made from `config` when absent. */
  master?: MasterPassword;
  /** Brings module data up to date after migrations (`migrate_databases`). */
  upgrade?: (db: Database) => Promise<void>;
  /** How far running backups and restores are, for `get_progress(master, db_name)`. */
  progress?: ProgressBoard;
}

const MAX_JOBS = 100;

interface CreateJob {
  done: boolean;
  error?: unknown;
  login: string;
  password: string;
}

/** A parameter OpenERP gives a default: absent, None or False take it. */
function withDefault(method: string, arg: string, v: RpcValue | undefined, fallback: string): string {
  return v === undefined || v === null || v === false ? fallback : expectString(method, arg, v);
}

export function createDbService(opts: DbServiceOptions): Service {
  const { dbm, config, logger } = opts;
  const master = opts.master ?? createMasterPassword({
    config: {
      masterPassword: config.masterPassword ?? 'admin',
      dataDir: config.dataDir ?? './data',
      passwordRounds: config.passwordRounds ?? 600_000,
      loginMaxFailures: config.loginMaxFailures ?? 10,
      loginCooldownSeconds: config.loginCooldownSeconds ?? 60,
    },
    logger,
  });
  const listed = config.dbFilter ? new RegExp(`^(?:${config.dbFilter})`) : null;
  const jobs = new Map<number, CreateJob>();
  let lastJob = 0;

  /** A method behind the master password: it is checked before anything else, as in 7.0. */
  const guarded = (name: string, min: number, max: number,
    fn: (call: ServiceCall, p: RpcValue[]) => Promise<RpcValue>): ServiceMethod =>
    async (call, params) => {
      await master.check(params[0], call.ip);
      const rest = params.slice(1);
      expectArity(name, rest, min, max);
      return fn(call, rest);
    };

  const name = (method: string, call: ServiceCall, v: RpcValue | undefined): string => {
    const db = expectString(method, 'db_name', v);
    call.log.set({ db });
    return db;
  };

  function createOptions(method: string, p: RpcValue[]) {
    return {
      demo: truthy(p[1]),
      lang: withDefault(method, 'lang', p[2], 'en_US'),
      adminPassword: withDefault(method, 'user_password', p[3], 'admin'),
      login: withDefault(method, 'login', p[4], 'admin'),
    };
  }

  return {
    server_version: async (_call, params) => {
      expectArity('server_version', params, 0);
      return config.serverVersion;
    },
    list_lang: async (_call, params) => {
      expectArity('list_lang', params, 0);
      return config.languages.map(([code, label]) => [code, label]);
    },
    // 7.0 lets `document=True` list even when listing is off; that is not kept.
    list: async (_call, params) => {
      expectArity('list', params, 0, 1);
      if (!config.listDb) throw new AccessDenied();
      const names = await dbm.list();
      return listed ? names.filter((n) => listed.test(n)) : names;
    },
    db_exist: async (_call, params) => {
      expectArity('db_exist', params, 1);
      return typeof params[0] === 'string' && dbm.exists(params[0]);
    },

    create_database: guarded('create_database', 3, 7, async (call, p) => {
      await dbm.create(name('create_database', call, p[0]), createOptions('create_database', p));
      return true;
    }),
    // 7.0's asynchronous creation: a job id now, then get_progress until it reports 1.0.
    create: guarded('create', 3, 4, async (call, p) => {
      const db = name('create', call, p[0]);
      const options = createOptions('create', p);
      assertValidDbName(db);
      if (await dbm.exists(db)) throw databaseExists(db);
      const id = ++lastJob;
      const job: CreateJob = { done: false, login: options.login, password: options.adminPassword };
      jobs.set(id, job);
      // Results nobody fetched are dropped, oldest first, so jobs cannot pile up without end.
      for (const [old, j] of jobs) {
        if (jobs.size <= MAX_JOBS) break;
        if (j.done) jobs.delete(old);
      }
      dbm.create(db, options).then(
        () => { job.done = true; },
        (err: unknown) => {
          job.done = true;
          job.error = err;
          logger.warn(`Creating database ${db} failed: ${String((err as Error)?.message)}`, { db, name: 'db' });
        },
      );
      return id;
    }),
    get_progress: guarded('get_progress', 1, 1, async (_call, p) => {
      // Given a database name instead of a job id: the backup or restore running on it.
      if (typeof p[0] === 'string') {
        const running = opts.progress?.fraction(p[0]);
        if (!running) throw new CallError(p[0].slice(0, 64), 'KeyError');
        return [new Double(running.fraction), [running.kind]];
      }
      const id = expectInt('get_progress', 'id', p[0]);
      const job = jobs.get(id);
      if (!job) throw new CallError(String(id), 'KeyError');
      if (!job.done) return [new Double(0), []];
      jobs.delete(id);
      if (job.error !== undefined) throw job.error;
      // 7.0 lists every user with the password it stored; only the admin's is known here.
      const user = newStruct();
      user.login = job.login;
      user.password = job.password;
      return [new Double(1), [user]];
    }),

    drop: guarded('drop', 1, 1, async (call, p) => dbm.drop(name('drop', call, p[0]))),
    duplicate_database: guarded('duplicate_database', 2, 3, async (call, p) => {
      const source = expectString('duplicate_database', 'db_original_name', p[0]);
      await dbm.duplicate(source, name('duplicate_database', call, p[1]));
      return true;
    }),
    rename: guarded('rename', 2, 2, async (call, p) => {
      const from = expectString('rename', 'old_name', p[0]);
      await dbm.rename(from, name('rename', call, p[1]));
      return true;
    }),
    // `zip`: Odoo's layout; `portable` (also when absent, and for `dump`): ours, across backends.
    dump: guarded('dump', 1, 2, async (call, p) => {
      const format = dumpFormat(p[1] === undefined || p[1] === false ? null : expectString('dump', 'format', p[1]));
      return (await dumpToBuffer(dbm, name('dump', call, p[0]), format, config.serverVersion, opts.progress)).toString('base64');
    }),
    restore: guarded('restore', 2, 3, async (call, p) => {
      const db = name('restore', call, p[0]);
      await restoreFromBuffer(dbm, db, Buffer.from(expectString('restore', 'data', p[1]), 'base64'), opts.progress);
      return true;
    }),
    change_admin_password: guarded('change_admin_password', 1, 1, async (_call, p) => {
      await master.change(expectString('change_admin_password', 'new_password', p[0]));
      return true;
    }),
    migrate_databases: guarded('migrate_databases', 1, 1, async (_call, p) => {
      for (const v of expectList('migrate_databases', 'databases', p[0])) {
        const db = await dbm.get(expectString('migrate_databases', 'databases', v));
        await migrate(db.knex, db.backend);
        await opts.upgrade?.(db);
      }
      return true;
    }),
  };
}
