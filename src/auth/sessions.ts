// Web sessions behind the `session_id` cookie, stored in the `web_session` table of the database
// they were opened on. A cookie names its database and a random token; a session is valid while
// unexpired, while its user is active and until that user's password changes.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AccessDenied, AppError } from '../errors';
import type { Database, DatabaseManager } from '../db/types';

export interface SessionSettings {
  /** A session unused for this long expires (Odoo keeps them a week). */
  sessionTtlSeconds: number;
}

export interface WebSession {
  /** The cookie value: the database name and the secret token. */
  sid: string;
  db: string;
  uid: number;
  /** Pages that change data with cookie-only requests send this back (see checkCsrfToken). */
  csrfToken: string;
  expiresMs: number;
  /** True when this request moved the expiry forward: the cookie's Max-Age is sent again. */
  renewed?: boolean;
}

export interface SessionStore {
  /** Opens a session for a user who has just logged in. */
  open(db: string, uid: number): Promise<WebSession>;
  /** The live session a cookie value names, or null (unknown, expired, revoked, bad value). */
  find(sid: string | null | undefined): Promise<WebSession | null>;
  /** Ends the session (logout). Unknown sessions are ignored. */
  destroy(sid: string): Promise<void>;
  /** Ends every session of a user (an administrator's revocation). */
  revokeUser(db: string, uid: number): Promise<void>;
}

export interface SessionStoreOptions {
  dbm: Pick<DatabaseManager, 'get' | 'exists'>;
  config: SessionSettings;
  /** Milliseconds since the epoch; tests move time forward. */
  now?: () => number;
}

/** Refreshing `last_used_ms` on every request would write on every read: once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;
const TOKEN_BYTES = 32;

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
/** The database name is part of the digest: a session copied with its database (duplicate, restore) opens nothing there. */
const tokenDigest = (db: string, token: string): string => sha256(`${db}\u0000${token}`);

/** `<base64url(db)>.<token>`: base64url has no dot, so the split is unambiguous. */
function splitSid(sid: string): { db: string; token: string } | null {
  if (sid.length > 200) return null;
  const dot = sid.indexOf('.');
  if (dot <= 0) return null;
  const db = Buffer.from(sid.slice(0, dot), 'base64url').toString('utf8');
  const token = sid.slice(dot + 1);
  if (!/^[A-Za-z0-9_-]{43}$/.test(token) || db === '') return null;
  return { db, token };
}

interface SessionRow {
  uid: number | string;
  password_stamp: string;
  csrf_token: string;
  last_used_ms: number | string;
  expires_ms: number | string;
}

export function createSessionStore(opts: SessionStoreOptions): SessionStore {
  const now = opts.now ?? Date.now;
  const ttlMs = opts.config.sessionTtlSeconds * 1000;

  async function openDb(name: string): Promise<Database | null> {
    try {
      return (await opts.dbm.exists(name)) ? await opts.dbm.get(name) : null;
    } catch (err) {
      if (err instanceof AppError) return null;
      throw err;
    }
  }

  /** The stamp of the user's current password, or null when the user cannot log in. */
  async function passwordStamp(db: Database, uid: number): Promise<string | null> {
    const row = await db.knex('res_users').where({ id: uid }).first('password', 'active') as
      { password: string | null; active: unknown } | undefined;
    if (!row || !row.active || typeof row.password !== 'string' || row.password === '') return null;
    return sha256(row.password);
  }

  return {
    async open(dbName, uid) {
      const db = await openDb(dbName);
      const stamp = db ? await passwordStamp(db, uid) : null;
      if (!db || stamp === null) throw new AccessDenied();
      const token = randomBytes(TOKEN_BYTES).toString('base64url');
      const csrfToken = randomBytes(20).toString('hex');
      const at = now();
      await db.knex('web_session').where('expires_ms', '<', at).delete();
      await db.knex('web_session').insert({
        token_digest: tokenDigest(dbName, token), uid, password_stamp: stamp, csrf_token: csrfToken,
        created_ms: at, last_used_ms: at, expires_ms: at + ttlMs,
      });
      const sid = `${Buffer.from(dbName, 'utf8').toString('base64url')}.${token}`;
      return { sid, db: dbName, uid, csrfToken, expiresMs: at + ttlMs };
    },

    async find(sid) {
      if (typeof sid !== 'string') return null;
      const parts = splitSid(sid);
      if (!parts) return null;
      const db = await openDb(parts.db);
      if (!db) return null;
      const digest = tokenDigest(parts.db, parts.token);
      const row = await db.knex('web_session').where({ token_digest: digest }).first() as SessionRow | undefined;
      const at = now();
      if (!row || Number(row.expires_ms) <= at) return null;
      const uid = Number(row.uid);
      const stamp = await passwordStamp(db, uid);
      if (stamp === null || !timingSafeEqual(Buffer.from(stamp), Buffer.from(row.password_stamp))) {
        await db.knex('web_session').where({ token_digest: digest }).delete();
        return null;
      }
      let expiresMs = Number(row.expires_ms);
      const renewed = at - Number(row.last_used_ms) >= TOUCH_EVERY_MS;
      if (renewed) {
        expiresMs = at + ttlMs;
        await db.knex('web_session').where({ token_digest: digest }).update({ last_used_ms: at, expires_ms: expiresMs });
      }
      return { sid, db: parts.db, uid, csrfToken: row.csrf_token, expiresMs, renewed };
    },

    async destroy(sid) {
      const parts = splitSid(sid);
      const db = parts ? await openDb(parts.db) : null;
      if (parts && db) await db.knex('web_session').where({ token_digest: tokenDigest(parts.db, parts.token) }).delete();
    },

    async revokeUser(dbName, uid) {
      const db = await openDb(dbName);
      if (db) await db.knex('web_session').where({ uid }).delete();
    },
  };
}

/** True when `token` is the session's CSRF token (constant-time). */
export function checkCsrfToken(session: WebSession, token: unknown): boolean {
  if (typeof token !== 'string' || token.length !== session.csrfToken.length) return false;
  return timingSafeEqual(Buffer.from(token), Buffer.from(session.csrfToken));
}
