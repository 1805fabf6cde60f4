// The language of a call whose context names none: the user's own (`lang` of res.users), so that
// labels, views, menus and faults speak it, as the web client's context would have said. Kept in
// the database's cache with the rest of the caller's identity (res.users and partners' `lang`
// declare that their changes drop it).
import type { OrmEnv } from './env';

async function loadLang(env: OrmEnv): Promise<string | null> {
  const [row] = await env.sudo().model('res.users').read([env.uid], ['lang']);
  return typeof row?.lang === 'string' && row.lang ? row.lang : null;
}

/** `env` with the user's language in its context, unless the context already has one. */
export async function withUserLang(env: OrmEnv): Promise<OrmEnv> {
  if (typeof env.context.lang === 'string' && env.context.lang) return env;
  if (!env.registry.has('res.users') || !env.registry.model('res.users').fields.lang) return env;
  const lang = await env.cache.get('identity.lang', String(env.uid), () => loadLang(env));
  return lang ? env.withContext({ lang }) : env;
}
