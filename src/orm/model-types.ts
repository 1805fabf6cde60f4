// The shapes of model definitions (fields, models, modules) and of the registry built from them.
// Types only, so field types, the registry and the records service can all lean on this file.
import type { Env } from './env-types';
import type { AccessPolicy } from './access-policy';
import type { RpcValue } from '../values';

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
  /**
   * Computed when read: the function returns one value per id (in the field's RPC shape), and
   * nothing is stored. A stored computed value is a `storedCompute`, made of declared fields.
   */
  compute?: (env: Env, ids: number[]) => Promise<Map<number, unknown>>;
  /** Related field: a dotted path read through many2one fields (`partner_id.email`). */
  related?: string;
  store?: boolean;
  /** false: a copy starts from the default (references, states, closing dates...), as Odoo's
   * `copy=False`; true on a one2many: its lines are copied too. */
  copy?: boolean;
  /** A copy's value made from the original's: `%s` stands for it ('%s (copy)', in the copier's language). */
  copyFormat?: Label;
  /**
   * A value the server computes and keeps in the column (Odoo's stored compute with its
   * `@depends`): `depends` names own stored fields (`name`) and fields of a many2one's target
   * (`parent_id.name`); `value` makes the value from theirs (RPC shapes, keyed by those names,
   * False for a path without a target), with nothing else to look at. The server writes it on
   * create and whenever one of them changes, on the record or on its target (a company renamed
   * renames its contacts'). Clients may not write it.
   */
  storedCompute?: StoredCompute;
  /**
   * `like`/`ilike` on the field go through a trigram index: pg_trgm's GIN index on PostgreSQL, an
   * FTS5 table of trigrams on SQLite (`<table>_<field>_trgm`, kept by triggers) that narrows the
   * rows the exact test then checks. A migration makes either (the schema test checks it exists).
   */
  trigramIndex?: boolean;
}

export interface StoredCompute {
  depends: string[];
  value: (deps: Record<string, RpcValue>) => unknown;
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

/** One record whose watched fields a write changed: their values before and after (RPC shapes). */
export interface FieldChange {
  id: number;
  before: Record<string, RpcValue>;
  after: Record<string, RpcValue>;
}

/**
 * "After a write changes these fields, do X": the one way mail tracking and sync mirroring hear
 * of changes (a workflow move is a write of its state field). The values are read as superuser.
 */
export interface WriteWatch {
  /** Of the fields a write sets, the ones this watcher wants compared in this call ([]: none). */
  fields: (env: Env, written: string[]) => string[];
  /** Called after the write (in hook order, after this hook's afterWrite) when some record changed. */
  changed: (env: Env, changes: FieldChange[], fields: string[]) => Promise<void>;
}

export interface ModelHooks {
  /**
   * A pure rewrite of the values a create or a write sets (a website's missing scheme...), run
   * before the other hooks: it sees neither the records nor the database.
   */
  normalizeVals?: (vals: Record<string, unknown>) => void;
  beforeCreate?: (env: Env, vals: Record<string, unknown>) => Promise<void>;
  afterCreate?: (env: Env, id: number, vals: Record<string, unknown>) => Promise<void>;
  beforeWrite?: (env: Env, ids: number[], vals: Record<string, unknown>) => Promise<void>;
  afterWrite?: (env: Env, ids: number[], vals: Record<string, unknown>) => Promise<void>;
  beforeUnlink?: (env: Env, ids: number[]) => Promise<void>;
  /** Adjusts the rows a read returns (RPC shapes): a value kept outside the row (a counter). */
  afterRead?: (env: Env, rows: Record<string, unknown>[]) => Promise<void>;
  watch?: WriteWatch;
}

export interface ModelDef {
  name: string;
  description: Label;
  table?: string;
  order?: string;
  recName?: string;
  /** Field paths name_search matches, OR'ed (default: the recName), e.g. name, email, parent's name. */
  nameSearchPaths?: string[];
  /**
   * A stored char field whose value is a record's display name, where name_get is more than the
   * recName (a partner's complete name): names are then read from its column, joined into the rows
   * of a read that shows many2one targets of this model.
   */
  displayNameField?: string;
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

/** A model as the records service and the domain compiler see it. */
export interface RuntimeModel {
  name: string;
  description: Label;
  table: string;
  order: string;
  recName: string;
  /** Field paths name_search matches (OR'ed); empty means the recName. */
  nameSearchPaths: string[];
  /**
   * The stored char field holding a record's display name, or null when names take more than a
   * column (a name_get method, a computed display_name, "model,id"): the declared
   * displayNameField, else a plain stored recName.
   */
  displayNameField: string | null;
  parentName: string;
  transient: boolean;
  /** The module that defines the model. */
  module: string;
  /** Every field, magic fields included, keyed by name. */
  fields: Record<string, FieldDef>;
  sqlConstraints: SqlConstraint[];
  constraints: Constraint[];
  methods: Record<string, MethodDef>;
  /** Hooks of the model and of each extension, in module order. */
  hooks: ModelHooks[];
  /** Changes that move the cache signal: every change (true), writes of these fields, or none. */
  invalidatesCache: boolean | string[];
}

export interface ModuleData {
  module: string;
  records: DataRecord[];
  demo: DataRecord[];
}

export interface Registry {
  readonly models: ReadonlyMap<string, RuntimeModel>;
  /** Modules in load order (dependencies first). */
  readonly modules: readonly ModuleDef[];
  /** Workflow definitions of every module, in load order (opaque to the ORM). */
  readonly workflows: readonly { module: string; workflow: unknown }[];
  readonly data: readonly ModuleData[];
  readonly access?: AccessPolicy;
  /** pbkdf2 rounds for the passwords models hash (res.users), as configured. */
  readonly passwordRounds: number;
  has(name: string): boolean;
  /** A text of module data in `lang`, from the modules' terms; the text itself when none has it. */
  translate(text: string, lang: string): string;
  /** The model, or OpenERP's `Object <name> doesn't exist`. */
  model(name: string): RuntimeModel;
  /** Stored many2one fields of any model that point at `model` (for ondelete). */
  referencing(model: string): { model: RuntimeModel; field: FieldDef }[];
  /** many2many fields of any model whose comodel is `model` (their link rows die with it). */
  relationsTo(model: string): { model: RuntimeModel; field: FieldDef }[];
}
