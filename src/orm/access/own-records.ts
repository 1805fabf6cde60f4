// Records every user may use as their own, whatever the ACLs: their user record (read, and write
// of their preferences, which res.users itself limits) and their partner (read). 7.0 reads and
// writes a user's own record as the superuser; here the ACL check lets such a read or write by id
// through, still as the user (so rules and res.users' own checks apply), and searches stay refused.
import type { AccessMode } from '../env-types';

export interface OwnRecordPath {
  /** The column of the user's res_users row holding the record's id; `id` is the user itself. */
  userField: string;
  modes: AccessMode[];
}

export const DEFAULT_OWN_RECORDS: Record<string, OwnRecordPath> = {
  'res.users': { userField: 'id', modes: ['read', 'write'] },
  'res.partner': { userField: 'partner_id', modes: ['read'] },
};

/** The id of the caller's own record: their uid, or the value of a column of their user row. */
export async function ownRecordIds(
  uid: number, path: OwnRecordPath, userRow: () => Promise<Record<string, unknown>>,
): Promise<number[]> {
  if (path.userField === 'id') return [uid];
  const v = (await userRow())[path.userField];
  return v === null || v === undefined || v === false ? [] : [Number(v)];
}
