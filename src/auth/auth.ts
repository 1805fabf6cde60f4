// Who is calling: `login` (common.login/authenticate) and `check` (every object/report call),
// reading res_users directly. Wrong db, unknown login, wrong password and inactive user look
// the same from outside, in answer and in time; repeated failures from one source address put
// that address (only) on a cooldown without hashing, as Odoo does.
import { AccessDenied, AppError } from '../errors';
import type { DatabaseManager, Database, Logger } from '../db/types';
import { utcStamp } from '../db/clock';
import { openView, type CacheView } from '../db/cache-signal';
import { hashPassword, verifyPassword } from '../orm/password';
import { CredentialCache } from './credential-cache';
import { Throttle } from './throttle';

export interface PasswordHasher {
  hashPassword(plain: string, rounds: number): Promise<string>;
  verifyPassword(plain: string, stored: string): Promise<boolean>;
}

/** The settings read here (a subset of the server configuration). */
export interface AuthSettings {
  /** pbkdf2 rounds of the timing dummy: the cost of a real verification. */
  passwordRounds: number;
  /** Failures from one address before its cooldown. */
  loginMaxFailures: number;
  loginCooldownSeconds: number;
}

export interface AuthOptions {
  dbm: Pick<DatabaseManager, 'get'>;
  config: AuthSettings;
  logger: Logger;
  /** Tests count hashing through this; the server uses src/orm/password. */
  hasher?: PasswordHasher;
  /** Milliseconds since the epoch; tests move time forward. */
  now?: () => number;
}

export interface Auth {
  /** The uid, or false for any kind of bad credentials (never a fault). */
  login(db: string, login: string, password: string, ip: string): Promise<number | false>;
  /**
   * Resolves when (db, uid, password) is valid and the user active; AccessDenied otherwise. The
   * credentials row comes from the database's cache, after the one read of its signal that starts
   * the call: the view returned serves the rest of the call. `deferSignal`: the view is a deferred
   * one (cache-signal.ts), which the caller confirms before it answers, checking again (`recheck`)
   * if the signal had moved.
   */
  check(db: string, uid: number, password: string, ip: string, deferSignal?: boolean): Promise<CheckedCall>;
}

/** A call whose credentials were accepted: its database and its view of that database's cache. */
export interface CheckedCall {
  database: Database;
  view: CacheView;
  /** The same check again on a freshly read signal (the deferred one had moved). */
  recheck(): Promise<CheckedCall>;
}

interface UserRow {
  id: number;
  login: string;
  password: string | null;
  active: unknown;
}

/** The name OpenERP 7.0 logs failures under, so existing log filters keep matching. */
const LOG_NAME = 'openerp.addons.base.res.res_users';

/** Client-chosen text in a log line: no spaces or control characters (no forged lines), bounded. */
function logSafe(text: string): string {
  const clean = text.replace(/[\s\u0000-\u001f\u007f-\u009f]/g, '_');
  return clean.length > 128 ? `${clean.slice(0, 128)}...` : clean;
}

export function createAuth(opts: AuthOptions): Auth {
  const hasher = opts.hasher ?? { hashPassword, verifyPassword };
  const now = opts.now ?? Date.now;
  const limits = { maxFailures: opts.config.loginMaxFailures, cooldownMs: opts.config.loginCooldownSeconds * 1000, now };
  // Counted per source address only: counting per login would let anyone lock a user out
  // (the administrator first) from everywhere by guessing from anywhere.
  const byAddress = new Throttle(limits);
  const cache = new CredentialCache();
  let dummy: Promise<string> | null = null;

  /** Spends the time of a real verification, for logins that have no hash to verify. */
  async function burnTime(password: string): Promise<void> {
    dummy ??= hasher.hashPassword('not a password of anyone', opts.config.passwordRounds);
    await hasher.verifyPassword(password, await dummy);
  }

  async function openDb(name: string): Promise<Database | null> {
    try {
      return await opts.dbm.get(name);
    } catch (err) {
      // Unknown (or invalid) database name: a bad credential like any other.
      if (err instanceof AppError) return null;
      throw err;
    }
  }

  function logFailure(db: string, login: string, ip: string): void {
    opts.logger.info(`Login failed for db:${logSafe(db)} login:${logSafe(login)} from ${logSafe(ip)}`, { db: logSafe(db), name: LOG_NAME });
  }

  /** A failure that was actually tried (a refusal during a cooldown is logged, not counted). */
  function countFailure(db: string, login: string, ip: string): void {
    byAddress.fail(ip);
    logFailure(db, login, ip);
  }

  /** Accepts a cached pair without hashing; else verifies, against a dummy when there is no hash. */
  async function passwordMatches(db: string, row: UserRow | undefined, password: unknown): Promise<boolean> {
    // An empty or non-text password matches nobody; refusing it at once reveals nothing.
    if (typeof password !== 'string' || password === '') return false;
    const stored = row?.password;
    if (row === undefined || !row.active || typeof stored !== 'string' || stored === '') {
      await burnTime(password);
      return false;
    }
    if (cache.hit(db, row.id, stored, password)) return true;
    if (!(await hasher.verifyPassword(password, stored))) return false;
    cache.remember(db, row.id, stored, password);
    return true;
  }

  async function userWhere(db: Database | null, where: Record<string, unknown>): Promise<UserRow | undefined> {
    if (db === null) return undefined;
    return (await db.knex('res_users').select('id', 'login', 'password', 'active').where(where).first()) as UserRow | undefined;
  }

  async function checkCall(dbName: string, uid: number, password: string, ip: string, defer: boolean): Promise<CheckedCall> {
    const anonymous = `#${String(uid)}`;
    if (byAddress.blocked(ip)) {
      logFailure(dbName, anonymous, ip);
      throw new AccessDenied();
    }
    const db = await openDb(dbName);
    const view = db ? await openView(db, defer) : null;
    const row = view && Number.isSafeInteger(uid) && uid > 0
      ? await view.get('auth.credentials', String(uid), () => userWhere(db, { id: uid }))
      : undefined;
    const login = row?.login ?? anonymous;
    if (!(await passwordMatches(dbName, row, password)) || !db || !view) {
      // Refused on the signal seen last: the password may have changed in another process since.
      if (db && view?.unconfirmed && (await view.confirmed(db.knex)).stale) return checkCall(dbName, uid, password, ip, false);
      countFailure(dbName, login, ip);
      throw new AccessDenied();
    }
    byAddress.reset(ip);
    return { database: db, view, recheck: () => checkCall(dbName, uid, password, ip, false) };
  }

  return {
    async login(dbName, login, password, ip) {
      const user = String(login);
      if (byAddress.blocked(ip)) {
        logFailure(dbName, user, ip);
        return false;
      }
      const db = await openDb(dbName);
      const row = typeof login === 'string' ? await userWhere(db, { login }) : undefined;
      const ok = await passwordMatches(dbName, row, password);
      if (!ok || !db || !row) {
        countFailure(dbName, user, ip);
        return false;
      }
      byAddress.reset(ip);
      await db.knex('res_users').where({ id: row.id }).update({ login_date: utcStamp() }).catch((err: unknown) => {
        // A lock held by a long call must not turn a good login into a failure.
        opts.logger.warn(`Could not record the login date of user ${row.id}: ${String((err as Error).message)}`, { db: dbName, name: LOG_NAME });
      });
      return row.id;
    },

    check: (dbName, uid, password, ip, deferSignal = false) => checkCall(dbName, uid, password, ip, deferSignal),
  };
}
