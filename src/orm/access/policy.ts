// The access policy the records service calls: ir.model.access verdicts, ir.rule domains and the
// caller's groups, read once per call. The superuser (env.su, or uid 1 as in 7.0) bypasses it.
import { AccessError } from '../../errors';
import type { AccessMode, Env } from '../env-types';
import { aclAllows, groupsGranting } from './acl';
import { AccessCache, AccessCacheStore, memo } from './cache';
import { DocumentLink, documentDomain } from './document-links';
import { aclDenialMessage } from './messages';
import { parseRuleDomain, placeholderFields, ROWLESS_FIELDS } from './placeholders';
import {
  loadGroupNames, loadModelAccess, loadModelRules, loadUserGroups, loadUserRow, ModelAccessInfo,
  UserGroupsInfo,
} from './queries';
import { combineRules } from './rules';
import { DEFAULT_OWN_RECORDS, ownRecordIds, type OwnRecordPath } from './own-records';
import { DEFAULT_MENU_ACTIONS, menuActionDomain, type MenuActionLink } from './menu-actions';

export interface AccessPolicy {
  check(env: Env, model: string, mode: AccessMode): Promise<void>;
  ruleDomain(env: Env, model: string, mode: AccessMode): Promise<unknown[] | null>;
  userGroups(env: Env): Promise<Set<string>>;
  ownRecords?(env: Env, model: string, mode: AccessMode): Promise<number[]>;
}

export interface AccessPolicyOptions {
  /** Models whose access follows the document they point to (model field, id field). */
  documentLinks?: Record<string, DocumentLink>;
  /** Models whose own record every user may read or write by id whatever the ACLs (their user, their partner). */
  ownRecords?: Record<string, OwnRecordPath>;
  /** Menu models whose entries hide when their action opens a model the caller may not read. */
  menuActions?: Record<string, MenuActionLink>;
}

export const DEFAULT_DOCUMENT_LINKS: Record<string, DocumentLink> = {
  'ir.attachment': { modelField: 'res_model', idField: 'res_id' },
  // 7.0's mail.message: a message is read by whoever may read its document, wrote it or received
  // it; one on no document only by the latter. Creating one is checked by the mail module itself.
  'mail.message': {
    modelField: 'model', idField: 'res_id', orphansVisible: false,
    documentModes: { read: 'read', write: 'write', unlink: 'write', create: null },
    partnerFields: { read: ['author_id', 'partner_ids', 'notified_partner_ids'], write: ['author_id'] },
  },
};

export function isSuperuser(env: Env): boolean {
  return env.su || env.uid === 1;
}

export class RecordAccessPolicy implements AccessPolicy {
  private readonly caches = new AccessCacheStore();
  private readonly links: Record<string, DocumentLink>;
  private readonly own: Record<string, OwnRecordPath>;
  private readonly menus: Record<string, MenuActionLink>;

  constructor(opts: AccessPolicyOptions = {}) {
    this.links = opts.documentLinks ?? DEFAULT_DOCUMENT_LINKS;
    this.own = opts.ownRecords ?? DEFAULT_OWN_RECORDS;
    this.menus = opts.menuActions ?? DEFAULT_MENU_ACTIONS;
  }

  private userRow(env: Env): Promise<Record<string, unknown>> {
    const cache = this.caches.get(env);
    cache.userRow ??= loadUserRow(env.cr, env.uid);
    return cache.userRow;
  }

  private groups(env: Env, cache: AccessCache): Promise<UserGroupsInfo> {
    if (!cache.groups) {
      const p = loadUserGroups(env.cr, env.uid);
      cache.groups = p;
      p.catch(() => { if (cache.groups === p) cache.groups = undefined; });
    }
    return cache.groups;
  }

  private modelInfo(env: Env, cache: AccessCache, model: string): Promise<ModelAccessInfo> {
    return memo(cache.models, model, () => loadModelAccess(env.cr, model));
  }

  /** The ACL verdict without raising; 'unknown' when the model is not reflected in ir_model. */
  async allows(env: Env, model: string, mode: AccessMode): Promise<boolean | 'unknown'> {
    if (isSuperuser(env)) return true;
    const cache = this.caches.get(env);
    const info = await this.modelInfo(env, cache, model);
    if (info.description === null) return 'unknown';
    if (info.transient) return true;
    const groups = await this.groups(env, cache);
    return aclAllows(info.acls, groups.ids, mode);
  }

  async check(env: Env, model: string, mode: AccessMode): Promise<void> {
    const verdict = await this.allows(env, model, mode);
    if (verdict === true) return;
    const info = await this.modelInfo(env, this.caches.get(env), model);
    const names = await loadGroupNames(env.cr, groupsGranting(info.acls, mode));
    throw new AccessError(aclDenialMessage(info.description ?? model, model, mode, names));
  }

  async ruleDomain(env: Env, model: string, mode: AccessMode): Promise<unknown[] | null> {
    if (isSuperuser(env)) return null;
    let own = await this.ownRuleDomain(env, model, mode);
    const menu = mode === 'read' && Object.prototype.hasOwnProperty.call(this.menus, model) ? this.menus[model] : undefined;
    const hidden = menu ? await menuActionDomain(env, menu, (m, md) => this.allows(env, m, md)) : null;
    if (hidden) own = own ? ['&', ...own, ...hidden] : hidden;
    const link = Object.prototype.hasOwnProperty.call(this.links, model) ? this.links[model] : undefined;
    if (!link) return own;
    const doc = await documentDomain(env, model, link, mode, {
      allows: (m, md) => this.allows(env, m, md),
      ruleDomain: (m, md) => this.ownRuleDomain(env, m, md),
      partnerId: async () => {
        const partner = (await this.userRow(env)).partner_id;
        return partner === null || partner === undefined ? null : Number(partner);
      },
    });
    if (own === null) return doc;
    if (doc === null) return own;
    return ['&', ...own, ...doc];
  }

  private async ownRuleDomain(env: Env, model: string, mode: AccessMode): Promise<unknown[] | null> {
    if (isSuperuser(env)) return null;
    const cache = this.caches.get(env);
    const rules = await memo(cache.rules, model, () => loadModelRules(env.cr, model));
    if (rules.length === 0) return null;
    const groups = await this.groups(env, cache);
    const needsRow = rules.some((r) => [...placeholderFields(safeDomain(r.domain))].some((f) => !ROWLESS_FIELDS.has(f)));
    const row = needsRow ? await this.userRow(env) : {};
    return combineRules(rules, mode, { id: env.uid, groupIds: [...groups.ids], row });
  }

  /** The caller's own records of `model` (their user, their partner) they may use in `mode` by id. */
  async ownRecords(env: Env, model: string, mode: AccessMode): Promise<number[]> {
    const path = Object.prototype.hasOwnProperty.call(this.own, model) ? this.own[model] : undefined;
    if (!path?.modes.includes(mode)) return [];
    return ownRecordIds(env.uid, path, () => this.userRow(env));
  }

  async userGroups(env: Env): Promise<Set<string>> {
    const groups = await this.groups(env, this.caches.get(env));
    return new Set(groups.xmlids);
  }

  /** Forgets what this call has read (groups, ACLs, rules changed in the same transaction). */
  invalidate(env: Env): void {
    this.caches.clear(env);
  }
}

/** The rule's domain, or null when it is invalid (combineRules then reports it by name). */
function safeDomain(raw: unknown): unknown {
  try {
    return parseRuleDomain(raw, '');
  } catch {
    return null;
  }
}

export function createAccessPolicy(opts: AccessPolicyOptions = {}): RecordAccessPolicy {
  return new RecordAccessPolicy(opts);
}
