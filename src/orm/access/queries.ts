// The few queries access control needs. Each reads everything about one model (or one user) at
// once, so a call pays at most one query per model and one for the user, whatever the records.
import type { Knex } from 'knex';
import type { AclRow } from './acl';
import type { RuleRow } from './rules';
import { groupFullName } from './messages';

type Cr = Knex | Knex.Transaction;

export interface UserGroupsInfo {
  ids: Set<number>;
  xmlids: Set<string>;
}

/** The user's groups with the closure of `implied_ids`, and their external ids. */
export async function loadUserGroups(cr: Cr, uid: number): Promise<UserGroupsInfo> {
  const rows: { id: number; module: string | null; name: string | null }[] = await cr
    .withRecursive('g', ['id'], (qb) => {
      qb.select('gid').from('res_groups_users_rel').where('uid', uid)
        .union((u) => {
          u.select('r.hid').from('res_groups_implied_rel as r').join('g', 'g.id', 'r.gid');
        });
    })
    .select('g.id', 'd.module', 'd.name')
    .from('g')
    .leftJoin('ir_model_data as d', (j) => {
      j.on('d.res_id', '=', 'g.id').andOn('d.model', '=', cr.raw('?', ['res.groups']));
    });
  const ids = new Set<number>();
  const xmlids = new Set<string>();
  for (const r of rows) {
    ids.add(Number(r.id));
    if (r.module && r.name) xmlids.add(`${r.module}.${r.name}`);
  }
  return { ids, xmlids };
}

export interface ModelAccessInfo {
  /** The model's description as reflected in ir_model (null when the model is not reflected). */
  description: string | null;
  transient: boolean;
  acls: AclRow[];
}

/** ir_model and its active ACL rows, in one query. */
export async function loadModelAccess(cr: Cr, model: string): Promise<ModelAccessInfo> {
  const rows: Record<string, unknown>[] = await cr('ir_model as m')
    .leftJoin('ir_model_access as a', (j) => {
      j.on('a.model_id', '=', 'm.id').andOn('a.active', '=', cr.raw('?', [true]));
    })
    .where('m.model', model)
    .select('m.name as description', 'm.transient', 'a.id as acl_id', 'a.group_id',
      'a.perm_read', 'a.perm_write', 'a.perm_create', 'a.perm_unlink');
  if (rows.length === 0) return { description: null, transient: false, acls: [] };
  const acls: AclRow[] = rows.filter((r) => r.acl_id !== null).map((r) => ({
    groupId: r.group_id === null ? null : Number(r.group_id),
    perm_read: !!r.perm_read,
    perm_write: !!r.perm_write,
    perm_create: !!r.perm_create,
    perm_unlink: !!r.perm_unlink,
  }));
  return { description: String(rows[0].description), transient: !!rows[0].transient, acls };
}

/** The active rules of a model with their groups, in one query. */
export async function loadModelRules(cr: Cr, model: string): Promise<RuleRow[]> {
  const rows: Record<string, unknown>[] = await cr('ir_rule as r')
    .join('ir_model as m', 'm.id', 'r.model_id')
    .leftJoin('rule_group_rel as rg', 'rg.rule_group_id', 'r.id')
    .where('m.model', model)
    .andWhere('r.active', true)
    .select('r.id', 'r.name', 'r.domain_force', 'r.perm_read', 'r.perm_write', 'r.perm_create',
      'r.perm_unlink', 'rg.group_id')
    .orderBy('r.id');
  const byId = new Map<number, RuleRow>();
  for (const r of rows) {
    const id = Number(r.id);
    let rule = byId.get(id);
    if (!rule) {
      rule = {
        id, name: String(r.name), domain: r.domain_force, groupIds: [],
        perm_read: !!r.perm_read, perm_write: !!r.perm_write,
        perm_create: !!r.perm_create, perm_unlink: !!r.perm_unlink,
      };
      byId.set(id, rule);
    }
    if (r.group_id !== null && r.group_id !== undefined) rule.groupIds.push(Number(r.group_id));
  }
  return [...byId.values()];
}

/** "Category/Name" of the given groups, sorted (for denial messages). */
export async function loadGroupNames(cr: Cr, ids: number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows: { name: string; category: string | null }[] = await cr('res_groups as g')
    .leftJoin('ir_module_category as c', 'c.id', 'g.category_id')
    .whereIn('g.id', ids)
    .select('g.name', 'c.name as category');
  return rows.map((r) => groupFullName(r.name, r.category)).sort();
}

/** The stored columns of a user's row (placeholders of record rules read them). */
export async function loadUserRow(cr: Cr, uid: number): Promise<Record<string, unknown>> {
  const row = await cr('res_users').where('id', uid).first();
  if (!row) return { id: uid };
  const out: Record<string, unknown> = { ...row };
  delete out.password;
  return out;
}
