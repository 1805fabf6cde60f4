// boolean: Python truthiness on the way in; SQLite's 0/1 and NULL read as False/True.
import { Double, isStruct } from '../../values';
import type { FieldType } from './types';

function truthy(v: unknown): boolean {
  if (v instanceof Double) return v.value !== 0;
  if (Array.isArray(v)) return v.length > 0;
  if (isStruct(v)) return Object.keys(v).length > 0;
  return Boolean(v);
}

export const booleanType: FieldType = {
  rpcType: 'boolean',
  hasColumn: true,
  toColumn: (value) => truthy(value),
  toRpc: (raw) => raw === true || raw === 1 || raw === '1' || raw === 't' || raw === 'true',
};
