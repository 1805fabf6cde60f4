// The (db, uid, password) triple every `object` and `report` call starts with, checked before
// anything else as in 7.0. A uid that is not an int or a password that is not text matches nobody.
import { AccessDenied } from '../../errors';
import type { RpcValue } from '../../values';
import type { CheckedCall } from '../../auth/auth';
import { expectArity, expectString } from '../params';
import type { ServiceCall } from './types';

export interface CredentialChecker {
  /** The call's database and cache view (checkers without a cache may answer nothing). */
  check(db: string, uid: number, password: string, ip: string, deferSignal?: boolean): Promise<CheckedCall | void>;
}

/**
 * Returns the checked database name, uid and, when the checker read the cache signal, the call's
 * database and view; or throws AccessDenied (or a TypeError-like CallError). `deferSignal`: the
 * caller confirms the view's signal before it answers (the unit of work does).
 */
export async function checkCredentials(auth: CredentialChecker, call: ServiceCall, method: string,
  params: RpcValue[], deferSignal = false): Promise<[string, number, CheckedCall | undefined]> {
  if (params.length < 3) expectArity(method, params, 3, Infinity);
  const db = expectString(method, 'db', params[0]);
  call.log.set({ db });
  const [uid, password] = [params[1], params[2]];
  if (typeof uid !== 'number' || !Number.isSafeInteger(uid) || typeof password !== 'string') {
    throw new AccessDenied();
  }
  const checked = await auth.check(db, uid, password, call.ip, deferSignal);
  call.log.set({ uid });
  return [db, uid, checked ?? undefined];
}
