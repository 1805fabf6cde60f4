// How the domain compiler sees a model's fields: `id` and the log columns always exist, which
// fields are columns, which are relations, and which cannot be searched at all.
import { CallError } from '../../errors';
import type { FieldDef } from '../model-types';
import type { DomainModel } from './types';
import { fieldType } from '../fields';

const MAGIC: Record<string, FieldDef> = {
  id: { type: 'integer', name: 'id' },
  create_uid: { type: 'many2one', name: 'create_uid', comodel: 'res.users' },
  write_uid: { type: 'many2one', name: 'write_uid', comodel: 'res.users' },
  create_date: { type: 'datetime', name: 'create_date' },
  write_date: { type: 'datetime', name: 'write_date' },
};

/** The field named `name` on the model (log columns included), or null. */
export function findField(model: DomainModel, name: string): FieldDef | null {
  if (name === 'id') return MAGIC.id;
  if (Object.prototype.hasOwnProperty.call(model.fields, name)) return model.fields[name];
  return Object.prototype.hasOwnProperty.call(MAGIC, name) ? MAGIC[name] : null;
}

export { isRelational, isX2many } from '../fields';

/**
 * Whether the field lives in the database (a column, or a relation for x2many). Computed and
 * related fields are stored only when they say so; passwords are never searchable, so that
 * nobody can probe a hash with `like`.
 */
export function isStored(f: FieldDef): boolean {
  if (fieldType(f).writeOnly) return false;
  if (f.store === false) return false;
  if ((f.compute || f.related) && f.store !== true) return false;
  return true;
}

export function isTextType(f: FieldDef): boolean {
  return fieldType(f).matchesText;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Names from model definitions only ever reach SQL through here. */
export function quoteId(name: string): string {
  if (!IDENT.test(name)) throw new CallError(`Invalid SQL identifier ${JSON.stringify(name)}`);
  return `"${name}"`;
}

export function col(alias: string, column: string): string {
  return `${quoteId(alias)}.${quoteId(column)}`;
}

/** The comodel of a relational field, checked to exist. */
export function comodelOf(f: FieldDef, getModel: (name: string) => DomainModel): DomainModel {
  if (!f.comodel) throw new CallError(`Field '${f.name}' has no comodel`);
  return getModel(f.comodel);
}
