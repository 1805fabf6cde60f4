// Who the caller is, beyond their groups: their language, timezone and company, read from their
// res.users row once and kept in the database's cache (res.users, and partners' `lang` and `tz`,
// declare that their changes drop it). The call's language, the session's user context, company
// defaults and the reader of a report all take it from here.
import type { Env } from './env-types';
import type { Registry } from './model-types';

export interface Identity {
  lang: string | null;
  tz: string | null;
  companyId: number | false;
}

const WANTED = ['lang', 'tz', 'company_id'];
const NOBODY: Identity = { lang: null, tz: null, companyId: false };

async function loadIdentity(env: Env): Promise<Identity> {
  const registry = env.registry as Registry;
  if (!registry.has('res.users')) return NOBODY;
  const fields = WANTED.filter((f) => registry.model('res.users').fields[f]);
  if (!fields.length) return NOBODY;
  const [row] = (await env.sudo().model('res.users').call('read', { ids: [env.uid], fields, load: '_classic_write' })) as
    Record<string, unknown>[];
  const text = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
  return { lang: text(row?.lang), tz: text(row?.tz), companyId: row?.company_id ? Number(row.company_id) : false };
}

export function userIdentity(env: Env): Promise<Identity> {
  return env.cache.get('identity', String(env.uid), () => loadIdentity(env));
}
