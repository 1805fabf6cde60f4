// The public vocabulary of models: field builders, defineModel, extendModel, defineModule.
// Everything here is plain data; the registry (registry.ts) validates it and builds the runtime.
import type { Env } from './env-types';
import type { FieldDef, FieldOptions, FieldType, Label, MethodDef, ModelDef, ModelExtension, ModuleDef, Registry, XmlRef } from './model-types';
import { hashPassword } from './password';

export type {
  Label, FieldType, DefaultValue, FieldOptions, FieldDef, SqlConstraint, Constraint, MethodDef, ModelHooks, WriteWatch, FieldChange,
  ModelDef, ModelExtension, XmlRef, DataRecord, ModuleDef,
} from './model-types';

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

/** A reference to a record by external id, resolved when module data is loaded. */
export const ref = (xmlid: string): XmlRef => ({ $ref: xmlid });

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

/**
 * A name_get that shows one field of the record (a menu's full path, a group's full name), read
 * through the records API so the caller's ACLs and record rules apply.
 */
export function nameGetFrom(model: string, fieldName: string): MethodDef {
  return {
    params: ['ids', 'context'],
    readOnly: true,
    fn: async (env, { ids }) => {
      const list = (Array.isArray(ids) ? ids : [ids]).map(Number);
      const rows = await env.model(model).read(list, [fieldName]);
      return rows.map((r) => [r.id, r[fieldName]]);
    },
  };
}

/** Password hashing for models that keep secrets (res.users hashes its password in hooks). */
export { hashPassword, verifyPassword } from './password';

/** Hashes `plain` at the cost the registry was built with (`buildRegistry(mods, { passwordRounds })`). */
export function hashPasswordFor(env: Env, plain: string): Promise<string> {
  return hashPassword(plain, (env.registry as Registry).passwordRounds);
}
/** Why a record rule's domain text (JSON or a 7.0 Python literal) cannot be used, or null (ir.rule). */
export { ruleDomainProblem } from './access/rule-domain-check';
/** A SELECT of model code compiled once per shape (see records/statements.ts): `selectRows`, and `slots` for its ids. */
export { selectRows, slots } from './records/statements';
/** The environment model hooks, defaults and methods receive. */
export type { Env } from './env-types';
export { labelText, langOf } from './labels';
export { partsInZone } from './fields/dates';
export { userIdentity } from './identity';
