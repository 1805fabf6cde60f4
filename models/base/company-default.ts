// The default of every company_id field: the company of the user who creates the record (7.0's
// _company_default_get), so that no record waits for a company to be typed in. Kept in the
// database's cache with the rest of the caller's identity (a change of res.users drops it).
import type { Env } from '../../src/orm/define';

async function loadCompany(env: Env): Promise<number | false> {
  const [row] = (await env.sudo().model('res.users').call('read', { ids: [env.uid], fields: ['company_id'], load: '_classic_write' })) as
    { company_id: number | false }[];
  return row?.company_id ? Number(row.company_id) : false;
}

export function userCompany(env: Env): Promise<number | false> {
  return env.cache.get('identity.company', String(env.uid), () => loadCompany(env));
}
