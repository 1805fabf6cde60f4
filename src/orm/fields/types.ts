// What every field type provides: its conversions (RPC value <-> column, read value -> export
// text, import cell -> value), how it is read from SQL and grouped, and the flags the records
// service asks instead of naming types. One implementation per type lives beside this file.
import type { RpcValue } from '../../values';
import type { FieldDef } from '../model-types';
import type { Compat, Context } from '../env-types';

export interface ReadOptions {
  compat: Compat;
  context: Context;
}

export type Backend = 'sqlite' | 'pg';

/** An import cell that cannot be converted: the message names the field with `%(field)s`, as 7.0's. */
export interface CellProblem {
  problem: string;
}

/** A converted import cell, plus a warning (several records matched a name: the first is taken). */
export interface CellValue {
  value: unknown;
  warning?: string;
}

/** How an import finds the record a cell names (by name, external id `id`, or database id `.id`). */
export type FindRecord = (comodel: string, subfield: string, ref: string) => Promise<CellValue | CellProblem>;

export interface FieldType {
  /** The type name clients see in fields_get (and ir.model.fields' ttype). */
  readonly rpcType: string;
  /** Has a column in the model's own table (x2many fields live elsewhere). */
  readonly hasColumn: boolean;
  /** Points at records of a comodel (many2one, one2many, many2many). */
  readonly relational: boolean;
  /** A list of records kept outside the row: reads as an id list, written with commands. */
  readonly x2many: boolean;
  /** The column holds one record's id (many2one): reads as `[id, name]`, checked on write. */
  readonly holdsId: boolean;
  /** The links live in a relation table of (owner, target) rows (many2many). */
  readonly linkTable: boolean;
  /** Written but never read back, exported, copied, grouped or searched (password). */
  readonly writeOnly: boolean;
  /** Free text (char, text, html): fields_get tells whether it is translated. */
  readonly textual: boolean;
  /** fields_get (Odoo) says clients trim it (char). */
  readonly trims: boolean;
  /** Its values are the keys of the field's `selection` list, checked when the registry loads. */
  readonly hasChoices: boolean;
  /** Searched and matched as text (`like`, case folding): textual ones and selection keys. */
  readonly matchesText: boolean;
  /** Takes a whole row in a generated form view (long text, lines). */
  readonly wide: boolean;
  /** May be a read_group groupby key. */
  readonly groupable: boolean;
  /** Summed by read_group when listed plainly in its fields. */
  readonly summable: boolean;
  /** Aggregates of it are floats on the wire. */
  readonly fractional: boolean;
  /** What a copy does: the value, new links to the same targets, copies of the lines, or nothing. */
  readonly copyAs: 'value' | 'links' | 'lines' | 'never';
  /** For date types: a day (`YYYY-MM-DD`) as a bound of this type (read_group periods); else null. */
  readonly periodBound: ((day: string) => string) | null;
  /** The RPC value of "nothing" (False, or [] for x2many). */
  empty(): RpcValue;
  /**
   * An incoming value (RPC shape, or a JS value from server code) to the value stored in the
   * column. Throws CallError / ValidationError with OpenERP's wording when the value is wrong.
   */
  toColumn(value: unknown, field: FieldDef, model: string): unknown;
  /** A column value as either backend returns it, to its RPC shape (NULL becomes False). */
  toRpc(raw: unknown, field: FieldDef, opts: ReadOptions): RpcValue;
  /** The SELECT expression over `??` (the column) when it is not read as is, else null. */
  columnSql(backend: Backend): string | null;
  /** The GROUP BY expression over `??` when the column is not grouped as is, else null. */
  groupSql(backend: Backend): string | null;
  /** A read value (Double unwrapped) as export_data writes it: text, or False when empty. */
  exportText(value: RpcValue, field: FieldDef, lang: string): RpcValue;
  /** A read value as a person reads it in a message (tracking): labels, names, yes/no; '' when empty. */
  displayText(value: RpcValue | undefined, field: FieldDef, lang: string): string;
  /** An import cell (non-empty, trimmed `text`; `cell` as sent) to the value load() writes. */
  loadCell(text: string, cell: unknown, field: FieldDef, subfield: string, find: FindRecord): Promise<CellValue | CellProblem>;
}

/**
 * Every member of FieldType, with whether it is a function: the unit test holds each registered
 * type against it. The `satisfies` makes a member added to the interface fail to compile here.
 */
export const FIELD_TYPE_MEMBERS = {
  rpcType: 'string', hasColumn: 'boolean', relational: 'boolean', x2many: 'boolean', holdsId: 'boolean',
  linkTable: 'boolean', writeOnly: 'boolean', textual: 'boolean', trims: 'boolean', hasChoices: 'boolean',
  matchesText: 'boolean', wide: 'boolean', groupable: 'boolean', summable: 'boolean', fractional: 'boolean',
  copyAs: 'string', periodBound: 'function|null', empty: 'function', toColumn: 'function', toRpc: 'function',
  columnSql: 'function', groupSql: 'function', exportText: 'function', displayText: 'function', loadCell: 'function',
} as const satisfies Record<keyof FieldType, string>;

/** Empty on the wire: False, None, or (for most types) the empty string. */
export function isEmpty(v: unknown): boolean {
  return v === false || v === null || v === undefined;
}

/** 7.0's export of a plain value: False when empty or zero, else its text. */
export function plainExport(v: RpcValue): RpcValue {
  if (v === false || v === null || v === '' || v === 0 || (Array.isArray(v) && !v.length)) return false;
  return String(v);
}

/** A plain value as a person reads it: '' when empty, lists comma-separated. */
export function plainDisplay(v: RpcValue | undefined): string {
  if (v === undefined || v === null || v === false) return '';
  if (Array.isArray(v)) return v.map(String).join(', ');
  return String(v);
}

type Core = Pick<FieldType, 'rpcType' | 'toColumn' | 'toRpc'>;

/** A type of plain values in a column of the row: `core` gives what differs from the defaults. */
export function valueType(core: Core & Partial<FieldType>): FieldType {
  return {
    hasColumn: true,
    relational: false,
    x2many: false,
    holdsId: false,
    linkTable: false,
    writeOnly: false,
    textual: false,
    matchesText: false,
    trims: false,
    hasChoices: false,
    wide: false,
    groupable: true,
    summable: false,
    fractional: false,
    copyAs: 'value',
    periodBound: null,
    empty: () => false,
    columnSql: () => null,
    groupSql: () => null,
    exportText: (v) => plainExport(v),
    displayText: (v) => plainDisplay(v),
    loadCell: async (text, cell) => ({ value: typeof cell === 'string' ? cell : text }),
    ...core,
  };
}
