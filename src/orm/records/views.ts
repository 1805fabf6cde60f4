// fields_view_get: the view stored in ir.ui.view for this model and type when there is one,
// else a generated default (name `default`, view_id 0), with the fields the arch uses. Password
// fields stay in the view, as char fields marked `password` (so clients mask the input).
import { UserError } from '../../errors';
import { isStruct, newStruct, type RpcStruct } from '../../values';
import type { FieldDef } from '../model-types';
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../registry';
import { isMagic } from '../magic-fields';
import { contextLang, labelText, langOf } from '../labels';
import { isSuperuser } from '../access-policy';
import { fieldType } from '../fields';
import { fieldAllowed } from './common';
import { fieldsGet } from './fields-get';
import { readRecords } from './read';
import { searchIds } from './search';
import { archFields, filterArch, parseArch, serializeArch, translateArch, type ArchNode } from './view-arch';

interface StoredView { id: number; name: string; arch: string; type: string; fieldParent: string | false }

async function storedView(env: CallEnv, model: RuntimeModel, viewId: unknown, viewType: string): Promise<StoredView | null> {
  if (!env.registry.has('ir.ui.view')) return null;
  const views = env.registry.model('ir.ui.view');
  const su = env.sudo().withContext({ active_test: false });
  let ids: number[];
  if (typeof viewId === 'number' && viewId > 0) ids = [viewId];
  else {
    const domain: unknown[] = [['model', '=', model.name], ['type', '=', viewType]];
    if (views.fields.inherit_id) domain.push(['inherit_id', '=', false]);
    ids = await searchIds(su, views, domain, { limit: 1, order: views.fields.priority ? 'priority, id' : 'id' });
  }
  const wanted = ['name', 'arch', 'type', 'field_parent'].filter((f) => views.fields[f]);
  const [row] = ids.length ? await readRecords(su, views, ids, wanted, {}) : [];
  if (!row || typeof row.arch !== 'string') return null;
  return {
    id: Number(row.id), name: String(row.name || 'default'), arch: row.arch,
    type: typeof row.type === 'string' ? row.type : viewType,
    fieldParent: typeof row.field_parent === 'string' ? row.field_parent : false,
  };
}

function defaultArch(env: CallEnv, model: RuntimeModel, viewType: string, fields: FieldDef[]): string {
  const title = labelText(model.description, langOf(env.context)).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const nameField = model.recName !== 'id' ? model.recName : fields.find((f) => fieldType(f).textual && !fieldType(f).wide)?.name ?? 'id';
  if (viewType === 'tree') return `<tree string="${title}"><field name="${nameField}"/></tree>`;
  if (viewType === 'search') return `<search string="${title}"><field name="${nameField}"/></search>`;
  if (viewType === 'form') {
    const body = fields.map((f) => (fieldType(f).wide
      ? `<field name="${f.name}" colspan="4"/>` : `<field name="${f.name}"/>`)).join('');
    return `<form string="${title}">${body}</form>`;
  }
  throw new UserError(`No default view of type '${viewType}' could be found !`, 'Invalid Architecture!');
}

function writeOnly(f: FieldDef | undefined): boolean {
  return f !== undefined && fieldType(f).writeOnly;
}

/** Every `<field>` of this model's password fields gets `password="True"` (OpenERP's view attribute). */
function markPasswords(node: ArchNode, model: RuntimeModel): ArchNode {
  const isPassword = node.tag === 'field' && writeOnly(model.fields[node.attrs.name ?? '']);
  return {
    ...node,
    attrs: isPassword ? { ...node.attrs, password: 'True' } : node.attrs,
    // Fields inside an inline sub-view belong to their comodel: leave them alone.
    children: node.tag === 'field' ? node.children : node.children.map((c) => (typeof c === 'string' ? c : markPasswords(c, model))),
  };
}

export async function fieldsViewGet(
  env: CallEnv, model: RuntimeModel, viewId: unknown, viewType: unknown, toolbar: unknown,
): Promise<RpcStruct> {
  const type = typeof viewType === 'string' && viewType ? viewType : 'form';
  const visibleFields: FieldDef[] = [];
  for (const f of Object.values(model.fields)) {
    if (!isMagic(f.name) && await fieldAllowed(env, f)) visibleFields.push(f);
  }
  // ir.ui.view declares its rows cached: kept per database until the signal moves.
  const key = `${model.name}\u0000${typeof viewId === 'number' ? viewId : 0}\u0000${type}`;
  const stored = await env.cache.get('views.stored', key, () => storedView(env, model, viewId, type));
  const arch = parseArch(stored?.arch ?? defaultArch(env, model, type, visibleFields));
  const groups = isSuperuser(env) ? null : await env.userGroups();
  const allowed = new Set(visibleFields.map((f) => f.name).concat(['id']));
  const filtered = filterArch(arch, (n: ArchNode) => {
    if (n.attrs.groups && groups && !n.attrs.groups.split(',').some((g) => groups.has(g.trim()))) return false;
    if (n.tag === 'field' && n.attrs.name && model.fields[n.attrs.name] && !allowed.has(n.attrs.name)) return false;
    return true;
  });
  const lang = contextLang(env.context);
  const marked = markPasswords(filtered, model);
  const view = lang ? translateArch(marked, (text) => env.registry.translate(text, lang)) : marked;
  const names = archFields(view).filter((n) => model.fields[n]);
  const fields = names.length ? await fieldsGet(env, model, names, null) : newStruct();
  for (const name of names) {
    // 7.0 clients mask a char field whose view says password="True"; its value is never sent.
    const entry = fields[name];
    if (writeOnly(model.fields[name]) && isStruct(entry)) entry.password = true;
  }
  const out = newStruct();
  out.arch = serializeArch(view);
  out.fields = fields;
  out.model = model.name;
  out.name = stored?.name ?? 'default';
  out.type = stored?.type ?? type;
  out.view_id = stored?.id ?? 0;
  out.field_parent = stored?.fieldParent ?? false;
  if (toolbar) out.toolbar = Object.assign(newStruct(), { print: [], action: [], relate: [] });
  return out;
}
