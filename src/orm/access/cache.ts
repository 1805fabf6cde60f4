// What access control has read, kept for the length of one call: per transaction when the Env runs
// in one (one RPC call is one transaction), else per Env object. Nothing is kept per record.
import type { Env } from '../env-types';
import type { ModelAccessInfo, UserGroupsInfo } from './queries';
import type { RuleRow } from './rules';

export interface AccessCache {
  groups?: Promise<UserGroupsInfo>;
  userRow?: Promise<Record<string, unknown>>;
  models: Map<string, Promise<ModelAccessInfo>>;
  rules: Map<string, Promise<RuleRow[]>>;
}

export class AccessCacheStore {
  private store = new WeakMap<object, Map<number, AccessCache>>();

  private key(env: Env): object {
    const cr = env.cr as unknown as { isTransaction?: boolean };
    return cr.isTransaction ? (env.cr as object) : env;
  }

  get(env: Env): AccessCache {
    const key = this.key(env);
    let byUid = this.store.get(key);
    if (!byUid) {
      byUid = new Map();
      this.store.set(key, byUid);
    }
    let cache = byUid.get(env.uid);
    if (!cache) {
      cache = { models: new Map(), rules: new Map() };
      byUid.set(env.uid, cache);
    }
    return cache;
  }

  /** Forgets what was read in this call (after groups, ACLs or rules change). */
  clear(env: Env): void {
    this.store.delete(this.key(env));
  }
}

/** Memoises one promise under a key; a failed load is not kept. */
export function memo<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let p = map.get(key);
  if (!p) {
    p = load();
    map.set(key, p);
    p.catch(() => map.delete(key));
  }
  return p;
}
