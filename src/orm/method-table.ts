// The ORM methods reachable over RPC, each with its 7.0 positional signature (PROTOCOL §4.1)
// and, where Odoo changed the positions, its Odoo signature. `context` marks where 7.0 takes the
// context positionally; a non-dict value there means the caller uses the Odoo signature.
import { CallError } from '../errors';
import { isStruct, type RpcValue } from '../values';
import type { CallEnv } from './call-env';
import type { RuntimeModel } from './registry';
import { normalizeIds } from './records/common';
import { createRecord, writeRecords, writesMayRunAlone } from './records/save';
import { createsMayRunAlone } from './records/create-alone';
import { readRecords } from './records/read';
import { unlinkRecords } from './records/unlink';
import { searchCount, searchIds, searchRead } from './records/search';
import { nameCreate, nameGet, nameSearch } from './records/names';
import { fieldsGet, fieldsGetKeys } from './records/fields-get';
import { defaultGet } from './records/defaults';
import { copyRecord } from './records/copy';
import { checkAccessRights, existing, getExternalId, permRead } from './records/metadata';
import { readGroup } from './records/read-group';
import { fieldsViewGet } from './records/views';
import { exportData } from './records/export';
import { loadRecords } from './records/load';

export interface ParamSpec {
  name: string;
  /** Other kwarg names for the same parameter (Odoo renamed some: args -> domain). */
  aliases?: string[];
  required?: boolean;
  /** The name Python's TypeError uses for it, when it differs. */
  label?: string;
}

export type Args = Record<string, unknown>;

export interface BuiltinMethod {
  /** Signatures: the 7.0 one first; the others are tried when a non-dict sits in its context slot. */
  variants: ParamSpec[][];
  run(env: CallEnv, model: RuntimeModel, a: Args): Promise<unknown>;
  /** Only reads: runs outside a transaction unless the model overrides it. */
  readOnly?: true;
  /** Creates, writes or unlinks and catches nothing: at the top of a call it needs no savepoint. */
  singleChange?: true;
}

const p = (name: string, extra: Omit<ParamSpec, 'name'> = {}): ParamSpec => ({ name, ...extra });
const req = (name: string, extra: Omit<ParamSpec, 'name'> = {}): ParamSpec => p(name, { ...extra, required: true });
const CTX = p('context');
const DOMAIN = req('args', { aliases: ['domain'], label: 'domain' });

async function create(env: CallEnv, model: RuntimeModel, vals: unknown): Promise<RpcValue> {
  if (Array.isArray(vals)) {
    if (!env.compat.createAcceptsList) throw new CallError('create() expects a dictionary of values', 'TypeError');
    const ids: number[] = [];
    for (const v of vals) ids.push(await createRecord(env, model, v));
    return ids;
  }
  return createRecord(env, model, vals);
}

export const BUILTINS: Record<string, BuiltinMethod> = {
  create: { singleChange: true, variants: [[req('vals', { aliases: ['vals_list'] }), CTX]], run: (env, m, a) => create(env, m, a.vals) },
  read: {
    readOnly: true,
    variants: [[req('ids'), p('fields'), CTX, p('load')]],
    async run(env, m, a) {
      const rows = await readRecords(env, m, normalizeIds(a.ids), a.fields, { load: typeof a.load === 'string' ? a.load : undefined });
      if (typeof a.ids === 'number' && env.compat.readIntReturnsDict) return rows[0] ?? false;
      return rows;
    },
  },
  write: { singleChange: true, variants: [[req('ids'), req('vals'), CTX]], run: (env, m, a) => writeRecords(env, m, normalizeIds(a.ids), a.vals) },
  unlink: { singleChange: true, variants: [[req('ids'), CTX]], run: (env, m, a) => unlinkRecords(env, m, normalizeIds(a.ids)) },
  search: {
    readOnly: true,
    variants: [[DOMAIN, p('offset'), p('limit'), p('order'), CTX, p('count')]],
    run: (env, m, a) => (a.count ? searchCount(env, m, a.args) : searchIds(env, m, a.args, a)),
  },
  search_count: {
    readOnly: true,
    variants: [[DOMAIN, CTX, p('limit')], [DOMAIN, p('limit')]],
    run: (env, m, a) => searchCount(env, m, a.args, a.limit),
  },
  search_read: {
    readOnly: true,
    variants: [[p('domain', { aliases: ['args'] }), p('fields'), p('offset'), p('limit'), p('order'), CTX]],
    run: (env, m, a) => searchRead(env, m, a.domain, a.fields, a),
  },
  name_get: {
    readOnly: true, variants: [[req('ids'), CTX]], run: (env, m, a) => nameGet(env, m, normalizeIds(a.ids)) },
  name_search: {
    readOnly: true,
    variants: [
      [p('name'), p('args', { aliases: ['domain'] }), p('operator'), CTX, p('limit')],
      [p('name'), p('args', { aliases: ['domain'] }), p('operator'), p('limit')],
    ],
    run: (env, m, a) => nameSearch(env, m, a),
  },
  name_create: { variants: [[req('name'), CTX]], run: (env, m, a) => nameCreate(env, m, a.name) },
  fields_get: {
    readOnly: true,
    variants: [[p('allfields'), CTX, p('write_access'), p('attributes')], [p('allfields'), p('attributes')]],
    run: (env, m, a) => fieldsGet(env, m, a.allfields, a.attributes),
  },
  fields_get_keys: {
    readOnly: true, variants: [[CTX]], run: (env, m) => fieldsGetKeys(env, m) },
  default_get: {
    readOnly: true,
    variants: [[req('fields_list', { aliases: ['fields'] }), CTX]],
    run: (env, m, a) => defaultGet(env, m, a.fields_list),
  },
  copy: {
    variants: [[req('id', { aliases: ['ids'] }), p('default'), CTX]],
    async run(env, m, a) {
      const [id] = normalizeIds(a.id);
      if (id === undefined) throw new CallError('copy() needs one record id', 'ValueError');
      return copyRecord(env, m, id, a.default);
    },
  },
  exists: {
    readOnly: true, variants: [[req('ids'), CTX]], run: (env, m, a) => existing(env, m, normalizeIds(a.ids)) },
  read_group: {
    readOnly: true,
    variants: [
      [req('domain'), req('fields'), req('groupby'), p('offset'), p('limit'), CTX, p('orderby'), p('lazy')],
      [req('domain'), req('fields'), req('groupby'), p('offset'), p('limit'), p('orderby'), p('lazy')],
    ],
    run: (env, m, a) => readGroup(env, m, a),
  },
  check_access_rights: {
    readOnly: true,
    variants: [[req('operation'), p('raise_exception')]],
    run: (env, m, a) => checkAccessRights(env, m, a.operation, a.raise_exception ?? true),
  },
  fields_view_get: {
    readOnly: true,
    variants: [[p('view_id'), p('view_type'), CTX, p('toolbar'), p('submenu')]],
    run: (env, m, a) => fieldsViewGet(env, m, a.view_id, a.view_type, a.toolbar),
  },
  perm_read: {
    readOnly: true,
    variants: [[req('ids'), CTX, p('details')]],
    run: (env, m, a) => permRead(env, m, normalizeIds(a.ids), a.details ?? true),
  },
  export_data: {
    variants: [[req('ids'), req('fields_to_export'), CTX]],
    run: (env, m, a) => exportData(env, m, normalizeIds(a.ids), a.fields_to_export),
  },
  load: {
    variants: [[req('fields'), req('data', { aliases: ['datas'] }), CTX]],
    run: (env, m, a) => loadRecords(env, m, a.fields, a.data),
  },
  get_external_id: { variants: [[req('ids')]], run: (env, m, a) => getExternalId(env, m, normalizeIds(a.ids)) },
  get_xml_id: { variants: [[req('ids')]], run: (env, m, a) => getExternalId(env, m, normalizeIds(a.ids)) },
};

/**
 * Whether `method` of `model` only reads: a builtin the model does not override, or a model
 * method that says so. Such calls run outside a transaction.
 */
export function isReadOnlyMethod(model: RuntimeModel, method: string): boolean {
  if (Object.prototype.hasOwnProperty.call(model.methods, method)) return model.methods[method].readOnly === true;
  return Object.prototype.hasOwnProperty.call(BUILTINS, method) && BUILTINS[method].readOnly === true;
}

/**
 * Whether `method` of `model` may run outside a transaction, its change being one statement: the
 * builtin write or create, not overridden, of a model whose writes can be their UPDATE alone, or
 * whose creates their INSERT alone.
 */
export function mayRunAlone(model: RuntimeModel, method: string): boolean {
  if (Object.prototype.hasOwnProperty.call(model.methods, method)) return false;
  if (method === 'write') return writesMayRunAlone(model);
  return method === 'create' && createsMayRunAlone(model);
}

/** Picks the signature: the 7.0 one unless a non-dict value sits where it takes the context. */
export function pickVariant(method: BuiltinMethod, args: unknown[]): ParamSpec[] {
  for (const variant of method.variants) {
    const slot = variant.findIndex((s) => s.name === 'context');
    const v = slot >= 0 ? args[slot] : undefined;
    if (slot < 0 || v === undefined || v === null || v === false || isStruct(v)) return variant;
  }
  return method.variants[method.variants.length - 1];
}
