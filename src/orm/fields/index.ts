// The registry of field types: the type of a definition, and whether a field is kept in the
// model's table. Adding a type is one file beside this one and one line in TYPES.
import type { FieldDef, FieldType as FieldTypeName } from '../model-types';
import type { FieldType } from './types';
import { charType, htmlType, textType } from './char';
import { integerType } from './integer';
import { floatType } from './float';
import { booleanType } from './boolean';
import { dateType } from './date';
import { datetimeType } from './datetime';
import { selectionType } from './selection';
import { binaryType } from './binary';
import { passwordType } from './password';
import { many2oneType } from './many2one';
import { many2manyType, one2manyType } from './x2many';

export type { CellProblem, CellValue, FieldType, FindRecord, ReadOptions } from './types';

const TYPES: Record<FieldTypeName, FieldType> = {
  char: charType, text: textType, html: htmlType, integer: integerType, float: floatType,
  boolean: booleanType, date: dateType, datetime: datetimeType, selection: selectionType,
  binary: binaryType, password: passwordType, many2one: many2oneType,
  one2many: one2manyType, many2many: many2manyType,
};

export function fieldType(field: FieldDef): FieldType {
  return TYPES[field.type];
}

/** Every registered type by name (for checks over all of them). */
export function allFieldTypes(): [FieldTypeName, FieldType][] {
  return Object.entries(TYPES) as [FieldTypeName, FieldType][];
}

export function isKnownType(name: string): name is FieldTypeName {
  return Object.prototype.hasOwnProperty.call(TYPES, name);
}

/** Has a column in the model's table: not x2many, not computed, not related (unless stored). */
export function isStored(field: FieldDef): boolean {
  if (TYPES[field.type].x2many) return false;
  return field.store ?? !(field.compute || field.related);
}

export function isX2many(field: FieldDef): boolean {
  return TYPES[field.type].x2many;
}

/** Points at records of a comodel (many2one, one2many, many2many). */
export function isRelational(field: FieldDef): boolean {
  return TYPES[field.type].relational;
}

/** A stored char or text column, read as it is: a display name can be joined straight from it. */
export function isPlainNameColumn(field: FieldDef): boolean {
  return (field.type === 'char' || field.type === 'text') && isStored(field) && !fieldType(field).columnSql('pg') && !fieldType(field).columnSql('sqlite');
}
