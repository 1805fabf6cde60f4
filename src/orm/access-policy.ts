// The seam between the records service and access control (src/orm/access implements it):
// ACLs per model and mode, record-rule domains, and the caller's groups.
import type { AccessMode, Env } from './env-types';

export interface AccessPolicy {
  /** Throws AccessError when the caller may not use `mode` on `model` at all. */
  check(env: Env, model: string, mode: AccessMode): Promise<void>;
  /** The record rules that apply, as one domain to AND in; null when none apply. */
  ruleDomain(env: Env, model: string, mode: AccessMode): Promise<unknown[] | null>;
  /** External ids of the caller's groups, implied groups included. */
  userGroups(env: Env): Promise<Set<string>>;
  /**
   * Ids of the caller's own records of `model` (their user, their partner) that they may read or
   * write by id in `mode` even when `check` refuses the model (7.0's self-readable user record).
   */
  ownRecords?(env: Env, model: string, mode: AccessMode): Promise<number[]>;
}

/** Everything allowed, nobody in any group: the default until a policy is configured. */
export const ALLOW_ALL: AccessPolicy = {
  check: async () => undefined,
  ruleDomain: async () => null,
  userGroups: async () => new Set<string>(),
};

/** OpenERP's superuser id: it bypasses ACLs, rules and field groups, as in 7.0. */
export const SUPERUSER_ID = 1;

export function isSuperuser(env: Pick<Env, 'su' | 'uid'>): boolean {
  return env.su || env.uid === SUPERUSER_ID;
}
