// What every field type provides: its conversions between RPC values and column values, and
// how fields_get names it. One implementation per type lives beside this file.
import type { RpcValue } from '../../values';
import type { FieldDef } from '../model-types';
import type { Compat, Context } from '../env-types';

export interface ReadOptions {
  compat: Compat;
  context: Context;
}

export interface FieldType {
  /** The type name clients see in fields_get. */
  readonly rpcType: string;
  /** Has a column in the model's own table (x2many fields live elsewhere). */
  readonly hasColumn: boolean;
  /**
   * An incoming value (RPC shape, or a JS value from server code) to the value stored in the
   * column. Throws CallError / ValidationError with OpenERP's wording when the value is wrong.
   */
  toColumn(value: unknown, field: FieldDef, model: string): unknown;
  /** A column value as either backend returns it, to its RPC shape (NULL becomes False). */
  toRpc(raw: unknown, field: FieldDef, opts: ReadOptions): RpcValue;
}

/** Empty on the wire: False, None, or (for most types) the empty string. */
export function isEmpty(v: unknown): boolean {
  return v === false || v === null || v === undefined;
}
