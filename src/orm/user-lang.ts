// The language of a call whose context names none: the user's own (`lang` of res.users), so that
// labels, views, menus and faults speak it, as the web client's context would have said.
import type { OrmEnv } from './env';
import { userIdentity } from './identity';

/** `env` with the user's language in its context, unless the context already has one. */
export async function withUserLang(env: OrmEnv): Promise<OrmEnv> {
  if (typeof env.context.lang === 'string' && env.context.lang) return env;
  const { lang } = await userIdentity(env);
  return lang ? env.withContext({ lang }) : env;
}
