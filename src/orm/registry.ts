// The registry: modules in dependency order, their models with extensions applied and magic
// fields added, validated when it is built so a bad definition stops the server at start.
import { UserError, ValidationError } from '../errors';
import type { FieldDef, ModelDef, ModuleDef, Registry, RuntimeModel } from './model-types';
import type { AccessPolicy } from './access-policy';
import { dependencyClosure, orderModules, REGISTRY_ERROR } from './registry-order';
import { magicFields } from './magic-fields';
import { defaultFieldString } from './labels';
import { fieldType, isPlainNameColumn } from './fields';
import { validateModels } from './registry-validate';
import { DEFAULT_PASSWORD_ROUNDS } from './password';
import { ownTable } from '../values';

export type { ModuleData, Registry, RuntimeModel } from './model-types';

export interface RegistryOptions {
  access?: AccessPolicy;
  /** pbkdf2 rounds for new password hashes; DEFAULT_PASSWORD_ROUNDS when not given. */
  passwordRounds?: number;
}

function newModel(def: ModelDef, module: string): RuntimeModel {
  return {
    name: def.name,
    description: def.description,
    table: def.table ?? def.name.replace(/\./g, '_'),
    order: def.order ?? 'id',
    recName: def.recName ?? 'name',
    nameSearchPaths: [...(def.nameSearchPaths ?? [])],
    displayNameField: def.displayNameField ?? null,
    parentName: def.parentName ?? 'parent_id',
    transient: def.transient ?? false,
    module,
    fields: ownTable(def.fields),
    sqlConstraints: [...(def.sqlConstraints ?? [])],
    constraints: [...(def.constraints ?? [])],
    methods: ownTable(def.methods),
    hooks: def.hooks ? [def.hooks] : [],
    invalidatesCache: def.invalidatesCache ?? false,
  };
}

/** The union of two declarations: true wins, field lists add up. */
function mergeInvalidation(a: boolean | string[], b: boolean | string[] | undefined): boolean | string[] {
  if (b === undefined || b === false) return a;
  if (a === true || b === true) return true;
  return [...new Set([...(a === false ? [] : a), ...b])];
}

/** Fills what definitions may leave out: names, labels, `store` of computed fields. */
function completeFields(model: RuntimeModel, hasUsers: boolean): void {
  const magic = magicFields(hasUsers);
  const fields = ownTable<FieldDef>();
  for (const [name, f] of Object.entries({ ...magic, ...model.fields })) {
    const done: FieldDef = { ...f, name, string: f.string ?? defaultFieldString(name) };
    if ((f.compute || f.related) && f.store === undefined) done.store = false;
    fields[name] = done;
  }
  model.fields = fields;
}

/** The recName, when a record's display name is its column as stored: no name_get, no computed display_name. */
function plainNameField(m: RuntimeModel): string | null {
  if (m.methods.name_get || m.fields.display_name?.compute || m.recName === 'id') return null;
  const f = m.fields[m.recName];
  return f && isPlainNameColumn(f) ? m.recName : null;
}

export function buildRegistry(modules: ModuleDef[], opts: RegistryOptions = {}): Registry {
  const ordered = orderModules(modules);
  const byName = new Map(ordered.map((m) => [m.name, m]));
  const models = new Map<string, RuntimeModel>();
  const explicitRecName = new Set<string>();
  for (const mod of ordered) {
    for (const def of mod.models ?? []) {
      if (def.recName) explicitRecName.add(def.name);
      if (models.has(def.name)) {
        throw new ValidationError(`Model '${def.name}' is defined twice (module ${mod.name})`, REGISTRY_ERROR);
      }
      models.set(def.name, newModel(def, mod.name));
    }
    const visible = dependencyClosure(mod.name, byName);
    for (const ext of mod.extensions ?? []) {
      const target = models.get(ext.extends);
      if (!target || !visible.has(target.module)) {
        throw new ValidationError(
          `Module '${mod.name}' extends '${ext.extends}', which none of its dependencies defines`, REGISTRY_ERROR,
        );
      }
      Object.assign(target.fields, ext.fields ?? {});
      target.sqlConstraints.push(...(ext.sqlConstraints ?? []));
      target.constraints.push(...(ext.constraints ?? []));
      Object.assign(target.methods, ext.methods ?? {});
      if (ext.hooks) target.hooks.push(ext.hooks);
      target.invalidatesCache = mergeInvalidation(target.invalidatesCache, ext.invalidatesCache);
    }
  }
  const hasUsers = models.has('res.users');
  for (const m of models.values()) completeFields(m, hasUsers);
  for (const m of models.values()) {
    // Without a `name` field and no explicit recName, records are named "model,id" (7.0).
    if (!m.fields[m.recName] && !explicitRecName.has(m.name)) m.recName = 'id';
    m.displayNameField ??= plainNameField(m);
  }
  validateModels(models);
  const rounds = opts.passwordRounds ?? DEFAULT_PASSWORD_ROUNDS;
  if (!Number.isInteger(rounds) || rounds < 1) {
    throw new ValidationError(`passwordRounds must be a positive integer, not ${String(opts.passwordRounds)}`, REGISTRY_ERROR);
  }
  return makeRegistry(models, ordered, { ...opts, passwordRounds: rounds });
}

function makeRegistry(models: Map<string, RuntimeModel>, ordered: ModuleDef[], opts: RegistryOptions): Registry {
  const referencing = new Map<string, { model: RuntimeModel; field: FieldDef }[]>();
  const relations = new Map<string, { model: RuntimeModel; field: FieldDef }[]>();
  const push = (map: typeof referencing, key: string, v: { model: RuntimeModel; field: FieldDef }) => {
    map.set(key, [...(map.get(key) ?? []), v]);
  };
  for (const model of models.values()) {
    for (const field of Object.values(model.fields)) {
      if (fieldType(field).holdsId && field.store !== false && !field.related && field.comodel) {
        push(referencing, field.comodel, { model, field });
      }
      if (fieldType(field).linkTable && field.comodel && !field.compute) push(relations, field.comodel, { model, field });
    }
  }
  const terms = new Map<string, Map<string, string>>();
  for (const m of ordered) {
    for (const [lang, table] of Object.entries(m.terms ?? {})) {
      const known = terms.get(lang) ?? new Map<string, string>();
      for (const [source, target] of Object.entries(table)) known.set(source, target);
      terms.set(lang, known);
    }
  }
  return {
    models,
    modules: ordered,
    translate: (text, lang) => terms.get(lang)?.get(text.trim()) ?? text,
    workflows: ordered.flatMap((m) => (m.workflows ?? []).map((workflow) => ({ module: m.name, workflow }))),
    data: ordered.map((m) => ({ module: m.name, records: m.data ?? [], demo: m.demo ?? [] })),
    access: opts.access,
    passwordRounds: opts.passwordRounds ?? DEFAULT_PASSWORD_ROUNDS,
    has: (name) => models.has(name),
    model(name) {
      const m = models.get(name);
      if (!m) throw new UserError(`Object ${name} doesn't exist`, 'Object Error');
      return m;
    },
    referencing: (name) => referencing.get(name) ?? [],
    relationsTo: (name) => relations.get(name) ?? [],
  };
}
