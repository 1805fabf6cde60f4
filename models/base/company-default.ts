// The default of every company_id field: the company of the user who creates the record (7.0's
// _company_default_get), so that no record waits for a company to be typed in. Kept in the
// database's cache with the rest of the caller's identity (a change of res.users drops it).
import { userIdentity, type Env } from '../../src/orm/define';

export async function userCompany(env: Env): Promise<number | false> {
  return (await userIdentity(env)).companyId;
}
