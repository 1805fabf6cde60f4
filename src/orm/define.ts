// The public vocabulary of models: field builders, defineModel, extendModel, defineModule.
// Everything here is plain data; the registry (registry.ts) validates it and builds the runtime.
import type { Env } from './env-types';
import type { Registry } from './registry';
import { hashPassword } from './password';

/** A label in English, or per language (`{ en_US: 'Draft', es_ES: 'Borrador' }`). */
export type Label = string | { en_US: string; [lang: string]: string };

export type FieldType =
  | 'char' | 'text' | 'html' | 'integer' | 'float' | 'boolean' | 'date' | 'datetime'
  | 'selection' | 'binary' | 'many2one' | 'one2many' | 'many2many' | 'password';

export type DefaultValue = unknown | ((env: Env) => unknown | Promise<unknown>);

export interface FieldOptions {
  string?: Label;
  help?: Label;
  required?: boolean;
  /** Refused on write by the server, not only hidden by clients. */
  readonly?: boolean;
  default?: DefaultValue;
  size?: number;
  translate?: boolean;
  /** External ids of the groups that may see this field (e.g. 'base.group_system'). */
  groups?: string[];
  index?: boolean;
  /** Computed, not stored: the function returns one value per id (in the field's RPC shape). */
  compute?: (env: Env, ids: number[]) => Promise<Map<number, unknown>>;
  /** Related field: a dotted path read through many2one fields (`partner_id.email`). */
  related?: string;
  store?: boolean;
  /** false: a copy starts from the default (references, states, closing dates...), as Odoo's
   * `copy=False`; true on a one2many: its lines are copied too. */
  copy?: boolean;
  /** A copy's value made from the original's: `%s` stands for it ('%s (copy)', in the copier's language). */
  copyFormat?: Label;
}

export interface FieldDef extends FieldOptions {
  type: FieldType;
  /** Filled in by defineModel from the key in `fields`. */
  name: string;
  selection?: [string, Label][];
  comodel?: string;
  inverseName?: string;
  relation?: string;
  column1?: string;
  column2?: string;
  ondelete?: 'set null' | 'cascade' | 'restrict';
  digits?: [number, number];
  domain?: unknown[];
}

type Opts<T = object> = FieldOptions & T;
const field = (type: FieldType, o: object): FieldDef => ({ type, name: '', ...o } as FieldDef);

export const char = (o: Opts = {}) => field('char', o);
export const text = (o: Opts = {}) => field('text', o);
export const html = (o: Opts = {}) => field('html', o);
export const integer = (o: Opts = {}) => field('integer', o);
export const float = (o: Opts<{ digits?: [number, number] }> = {}) => field('float', o);
export const boolean = (o: Opts = {}) => field('boolean', o);
export const date = (o: Opts = {}) => field('date', o);
export const datetime = (o: Opts = {}) => field('datetime', o);
export const binary = (o: Opts = {}) => field('binary', o);
/** Write-only secret: stored hashed (or encrypted, by the model's hooks), never read back. */
export const password = (o: Opts = {}) => field('password', o);
export const selection = (values: [string, Label][], o: Opts = {}) => field('selection', { ...o, selection: values });
export const many2one = (comodel: string, o: Opts<{ ondelete?: FieldDef['ondelete']; domain?: unknown[] }> = {}) =>
  field('many2one', { ondelete: 'set null', ...o, comodel });
export const one2many = (comodel: string, inverseName: string, o: Opts<{ domain?: unknown[] }> = {}) =>
  field('one2many', { ...o, comodel, inverseName });
export const many2many = (
  comodel: string,
  o: Opts<{ relation: string; column1: string; column2: string; domain?: unknown[] }>,
) => field('many2many', { ...o, comodel });

export interface SqlConstraint {
  name: string;
  /** Columns that must be unique together. */
  unique: string[];
  message: Label;
}

/** A Python-style constraint: returns a message when the records break it, else null. */
export interface Constraint {
  name: string;
  fields: string[];
  check: (env: Env, ids: number[]) => Promise<Label | null>;
}

/**
 * A public method reachable over RPC. `params` is its 7.0 positional signature after (cr, uid),
 * e.g. ['ids', 'limit', 'context']; `execute_kw` kwargs bind by the same names.
 */
export interface MethodDef {
  params: string[];
  /** Parameters a caller must give (TypeError otherwise); `ids` always is. */
  required?: string[];
  fn: (env: Env, args: Record<string, unknown>) => Promise<unknown>;
  /** The method only reads: it may run outside a transaction (a write makes the call rerun in one). */
  readOnly?: boolean;
}

export interface ModelHooks {
  beforeCreate?: (env: Env, vals: Record<string, unknown>) => Promise<void>;
  afterCreate?: (env: Env, id: number, vals: Record<string, unknown>) => Promise<void>;
  beforeWrite?: (env: Env, ids: number[], vals: Record<string, unknown>) => Promise<void>;
  afterWrite?: (env: Env, ids: number[], vals: Record<string, unknown>) => Promise<void>;
  beforeUnlink?: (env: Env, ids: number[]) => Promise<void>;
  /** Adjusts the rows a read returns (RPC shapes): a value kept outside the row (a counter). */
  afterRead?: (env: Env, rows: Record<string, unknown>[]) => Promise<void>;
}

export interface ModelDef {
  name: string;
  description: Label;
  table?: string;
  order?: string;
  recName?: string;
  /** Field paths name_search matches, OR'ed (default: the recName), e.g. name, email, parent's name. */
  nameSearchPaths?: string[];
  parentName?: string;
  transient?: boolean;
  fields: Record<string, FieldDef>;
  sqlConstraints?: SqlConstraint[];
  constraints?: Constraint[];
  methods?: Record<string, MethodDef>;
  hooks?: ModelHooks;
  /**
   * Servers cache what this model holds (users, groups, access rows, rules, menus...): true makes
   * its create, write and unlink move the database's cache signal; a list of fields limits that
   * to writes of those fields (a partner's language, say).
   */
  invalidatesCache?: boolean | string[];
}

export interface ModelExtension {
  extends: string;
  fields?: Record<string, FieldDef>;
  sqlConstraints?: SqlConstraint[];
  constraints?: Constraint[];
  methods?: Record<string, MethodDef>;
  hooks?: ModelHooks;
  /**
   * Servers cache what this model holds (users, groups, access rows, rules, menus...): true makes
   * its create, write and unlink move the database's cache signal; a list of fields limits that
   * to writes of those fields (a partner's language, say).
   */
  invalidatesCache?: boolean | string[];
}

/** A reference to a record by external id, resolved when module data is loaded. */
export interface XmlRef {
  $ref: string;
}
export const ref = (xmlid: string): XmlRef => ({ $ref: xmlid });

/** A record a module installs (groups, access rows, rules, menus, actions, views, sequences). */
export interface DataRecord {
  /** External id, without the module prefix (the module's name is added). */
  id: string;
  model: string;
  values: Record<string, unknown>;
  /** Loaded once; later upgrades leave it alone (OpenERP noupdate). */
  noupdate?: boolean;
}

export interface ModuleDef {
  name: string;
  description?: string;
  depends: string[];
  models?: ModelDef[];
  extensions?: ModelExtension[];
  /** Workflow definitions (src/workflow/define); kept opaque here so the orm does not import upward. */
  workflows?: unknown[];
  /** Report definitions (src/report/define); opaque here for the same reason. */
  reports?: unknown[];
  data?: DataRecord[];
  /** Records only for demonstration databases. */
  demo?: DataRecord[];
  /** Translations of the texts of this module's data (view archs, menu and action names): per
   * language, the text as written in the data -> its translation. */
  terms?: Record<string, Record<string, string>>;
}

function named(fields: Record<string, FieldDef>): Record<string, FieldDef> {
  const out: Record<string, FieldDef> = {};
  for (const [name, f] of Object.entries(fields)) out[name] = { ...f, name };
  return out;
}

export function defineModel(def: ModelDef): ModelDef {
  return { ...def, fields: named(def.fields) };
}

export function extendModel(ext: ModelExtension): ModelExtension {
  return { ...ext, fields: ext.fields ? named(ext.fields) : undefined };
}

export function defineModule(def: ModuleDef): ModuleDef {
  return def;
}

/** Password hashing for models that keep secrets (res.users hashes its password in hooks). */
export { hashPassword, verifyPassword } from './password';

/** Hashes `plain` at the cost the registry was built with (`buildRegistry(mods, { passwordRounds })`). */
export function hashPasswordFor(env: Env, plain: string): Promise<string> {
  return hashPassword(plain, (env.registry as Registry).passwordRounds);
}
/** Why a record rule's domain text (JSON or a 7.0 Python literal) cannot be used, or null (ir.rule). */
export { ruleDomainProblem } from './access/rule-domain-check';
/** The environment model hooks, defaults and methods receive. */
export type { Env } from './env-types';
export { labelText, langOf } from './labels';
