// The (db, uid, password) triple every `object` and `report` call starts with, checked before
// anything else as in 7.0. A uid that is not an int or a password that is not text matches nobody.
import { AccessDenied } from '../../errors';
import type { RpcValue } from '../../values';
import { expectArity, expectString } from '../params';
import type { ServiceCall } from './types';

export interface CredentialChecker {
  check(db: string, uid: number, password: string, ip: string): Promise<void>;
}

/** Returns the checked database name and uid, or throws AccessDenied (or a TypeError-like CallError). */
export async function checkCredentials(auth: CredentialChecker, call: ServiceCall, method: string,
  params: RpcValue[]): Promise<[string, number]> {
  if (params.length < 3) expectArity(method, params, 3, Infinity);
  const db = expectString(method, 'db', params[0]);
  call.log.set({ db });
  const [uid, password] = [params[1], params[2]];
  if (typeof uid !== 'number' || !Number.isSafeInteger(uid) || typeof password !== 'string') {
    throw new AccessDenied();
  }
  await auth.check(db, uid, password, call.ip);
  call.log.set({ uid });
  return [db, uid];
}
