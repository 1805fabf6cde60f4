// Reading how to reach a peer from its configuration record. By convention a peer configuration
// has the columns url, database, login, password (sealed by secret.ts) and active.
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { unseal } from './secret';
import type { PeerAccess } from './peer-session';

export type AccessLookup =
  | { kind: 'ok'; access: PeerAccess }
  | { kind: 'missing' }
  | { kind: 'inactive' }
  | { kind: 'undecryptable' };

export async function loadPeerAccess(knex: Knex, table: string, id: number, key: Buffer): Promise<AccessLookup> {
  const row = await knex(table).where({ id }).first('url', 'database', 'login', 'password', 'active');
  if (!row) return { kind: 'missing' };
  if (!truthy(row.active)) return { kind: 'inactive' };
  const password = typeof row.password === 'string' ? unseal(row.password, key) : null;
  if (password === null) return { kind: 'undecryptable' };
  return { kind: 'ok', access: { url: String(row.url ?? ''), database: String(row.database ?? ''), login: String(row.login ?? ''), password } };
}

/** SQLite returns booleans as 0/1. */
function truthy(v: unknown): boolean {
  return v === true || v === 1 || v === '1' || v === 't';
}

/** Identifies a configuration's credentials (a session is reused only while they stay the same). */
export function accessFingerprint(a: PeerAccess): string {
  return createHash('sha256').update(JSON.stringify([a.url, a.database, a.login, a.password])).digest('hex');
}
