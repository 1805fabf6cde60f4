// The access policy the records service calls: ir.model.access verdicts, ir.rule domains and the
// caller's groups, kept in the database's cache between calls (dropped by its signal) and the
// rule domains resolved once per call. The superuser (env.su, or uid 1 as in 7.0) bypasses it.
import { AccessError } from '../../errors';
import { isSuperuser, type AccessPolicy } from '../access-policy';
import type { AccessMode, Env } from '../env-types';
import { aclAllows, groupsGranting } from './acl';
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

export class RecordAccessPolicy implements AccessPolicy {
  private readonly links: Record<string, DocumentLink>;
  private readonly own: Record<string, OwnRecordPath>;
  private readonly menus: Record<string, MenuActionLink>;

  constructor(opts: AccessPolicyOptions = {}) {
    this.links = opts.documentLinks ?? DEFAULT_DOCUMENT_LINKS;
    this.own = opts.ownRecords ?? DEFAULT_OWN_RECORDS;
    this.menus = opts.menuActions ?? DEFAULT_MENU_ACTIONS;
  }

  private userRow(env: Env): Promise<Record<string, unknown>> {
    return env.cache.get('access.user-row', String(env.uid), () => loadUserRow(env.cr, env.uid));
  }

  private groups(env: Env): Promise<UserGroupsInfo> {
    return env.cache.get('access.groups', String(env.uid), () => loadUserGroups(env.cr, env.uid));
  }

  private modelInfo(env: Env, model: string): Promise<ModelAccessInfo> {
    return env.cache.get('access.model', model, () => loadModelAccess(env.cr, model));
  }

  /** The ACL verdict without raising; 'unknown' when the model is not reflected in ir_model. */
  async allows(env: Env, model: string, mode: AccessMode): Promise<boolean | 'unknown'> {
    if (isSuperuser(env)) return true;
    const info = await this.modelInfo(env, model);
    if (info.description === null) return 'unknown';
    if (info.transient) return true;
    const groups = await this.groups(env);
    return aclAllows(info.acls, groups.ids, mode);
  }

  async check(env: Env, model: string, mode: AccessMode): Promise<void> {
    const verdict = await this.allows(env, model, mode);
    if (verdict === true) return;
    const info = await this.modelInfo(env, model);
    const granting = groupsGranting(info.acls, mode);
    const names = await env.cache.get('access.group-names', granting.join(','), () => loadGroupNames(env.cr, granting));
    throw new AccessError(aclDenialMessage(info.description ?? model, model, mode, names));
  }

  /**
   * Resolved once per call and mode (placeholders may read the clock, so never kept longer); the
   * domains of documents' records and of menus are built from data the call itself may change
   * (which documents exist, which actions a menu opens), so they are worked out on each use.
   */
  ruleDomain(env: Env, model: string, mode: AccessMode): Promise<unknown[] | null> {
    if (isSuperuser(env)) return Promise.resolve(null);
    if (this.readsData(model, mode)) return this.resolveRuleDomain(env, model, mode);
    return env.cache.local(`rule-domain:${env.uid}:${model}:${mode}`, () => this.resolveRuleDomain(env, model, mode));
  }

  private readsData(model: string, mode: AccessMode): boolean {
    const own = (table: object) => Object.prototype.hasOwnProperty.call(table, model);
    return own(this.links) || (mode === 'read' && own(this.menus));
  }

  private async resolveRuleDomain(env: Env, model: string, mode: AccessMode): Promise<unknown[] | null> {
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
    const rules = await env.cache.get('access.rules', model, () => loadModelRules(env.cr, model));
    if (rules.length === 0) return null;
    const groups = await this.groups(env);
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
    const groups = await this.groups(env);
    return new Set(groups.xmlids);
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
