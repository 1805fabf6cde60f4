// ir.ui.menu: the menu tree clients show. `action` is a reference "ir.actions.act_window,<id>";
// a menu with groups is only seen by their members (a record rule of the base module).
import {
  char, defineModel, integer, many2many, many2one, nameGetFrom, one2many, type Env,
} from '../../src/orm/define';

/** "Parent/Child/Grandchild", walking up one query per level for all ids at once. */
async function completeNames(env: Env, ids: number[]): Promise<Map<number, string>> {
  const names = new Map<number, { name: string; parent: number | null }>();
  let pending = [...new Set(ids)];
  // Stored names (untranslated) and bare parent ids: a parent's display name would come back here.
  const menus = env.sudo().withContext({ lang: false }).model('ir.ui.menu');
  while (pending.length) {
    const rows = (await menus.call('read', { ids: pending, fields: ['name', 'parent_id'], load: '_classic_write' })) as
      { id: number; name: string; parent_id: number | false }[];
    for (const r of rows) names.set(Number(r.id), { name: r.name, parent: r.parent_id === false ? null : Number(r.parent_id) });
    pending = rows.map((r) => r.parent_id).filter((p): p is number => p !== false && !names.has(Number(p))).map(Number);
  }
  const out = new Map<number, string>();
  for (const id of ids) {
    const parts: string[] = [];
    const seen = new Set<number>();
    let at: number | null = id;
    while (at !== null && names.has(at) && !seen.has(at)) {
      seen.add(at);
      const node: { name: string; parent: number | null } = names.get(at)!;
      parts.unshift(node.name);
      at = node.parent;
    }
    if (parts.length) out.set(id, parts.join('/'));
  }
  return out;
}

export default defineModel({
  name: 'ir.ui.menu',
  // Servers cache these rows per database (identities, access, menus): a change drops their copies.
  invalidatesCache: true,
  description: 'Menu',
  order: 'sequence, id',
  parentName: 'parent_id',
  fields: {
    name: char({ string: 'Menu', required: true, translate: true }),
    sequence: integer({ string: 'Sequence', default: 10 }),
    parent_id: many2one('ir.ui.menu', { string: 'Parent Menu', index: true, ondelete: 'cascade' }),
    child_id: one2many('ir.ui.menu', 'parent_id', { string: 'Child IDs' }),
    groups_id: many2many('res.groups', {
      string: 'Groups', relation: 'ir_ui_menu_group_rel', column1: 'menu_id', column2: 'gid',
      help: 'If you have groups, the visibility of this menu will be based on these groups. If this field is empty, OpenERP will compute visibility based on the related object\'s read access.',
    }),
    complete_name: char({ string: 'Full Path', compute: completeNames }),
    icon: char({ string: 'Icon', size: 64 }),
    action: char({ string: 'Action', help: 'A reference "model,id" to the action this menu opens' }),
  },
  methods: {
    name_get: nameGetFrom('ir.ui.menu', 'complete_name'),
  },
});
