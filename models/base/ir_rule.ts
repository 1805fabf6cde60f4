// ir.rule: record rules. `domain_force` is stored as written: JSON, where values that depend on
// the current user are {"$user": "id"}, {"$user": "company_id"}..., or the Python literal text of
// 7.0 ("[('user_id','=',user.id)]"), so a 7.0 client reads back what it wrote. Both evaluate alike.
import {
  boolean, char, defineModel, many2many, many2one, ruleDomainProblem, text, type Env,
} from '../../src/orm/define';

async function isGlobal(env: Env, ids: number[]): Promise<Map<number, boolean>> {
  const rows = await env.sudo().model('ir.rule').read(ids, ['groups']);
  const withGroups = new Set(rows.filter((r) => (r.groups as number[]).length).map((r) => Number(r.id)));
  return new Map(ids.map((id) => [id, !withGroups.has(id)]));
}

export default defineModel({
  name: 'ir.rule',
  // Servers cache these rows per database (identities, access, menus): a change drops their copies.
  invalidatesCache: true,
  description: 'Record Rule',
  order: 'model_id DESC, id',
  fields: {
    name: char({ string: 'Name', index: true }),
    active: boolean({ string: 'Active', default: true,
      help: 'If you uncheck the active field, it will disable the record rule without deleting it (if you delete a native record rule, it may be re-created when you reload the module).' }),
    model_id: many2one('ir.model', { string: 'Object', required: true, ondelete: 'cascade', index: true }),
    groups: many2many('res.groups', { string: 'Groups', relation: 'rule_group_rel', column1: 'rule_group_id', column2: 'group_id' }),
    domain_force: text({ string: 'Domain', help: 'A domain: a JSON list where {"$user": "<field>"} stands for a value of the current user, or a 7.0 Python list using user.id, user.<field>.id and time.strftime(...).' }),
    global: boolean({ string: 'Global', compute: isGlobal,
      help: 'If no group is specified the rule is global and applied to everyone' }),
    perm_read: boolean({ string: 'Apply for Read', default: true }),
    perm_write: boolean({ string: 'Apply for Write', default: true }),
    perm_create: boolean({ string: 'Apply for Create', default: true }),
    perm_unlink: boolean({ string: 'Apply for Delete', default: true }),
  },
  constraints: [{
    name: 'domain_is_valid',
    fields: ['domain_force'],
    check: async (env, ids) => {
      const rows = await env.sudo().model('ir.rule').read(ids, ['name', 'domain_force']);
      for (const r of rows) {
        const problem = ruleDomainProblem(env, r.domain_force, String(r.name || r.id));
        if (problem) return problem;
      }
      return null;
    },
  }],
});
