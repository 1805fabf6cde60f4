// integer: whole numbers within 32 bits. False stores 0 (as 7.0 and Odoo do); NULL reads as
// False (7.0) or 0 (Odoo), per Compat. PostgreSQL int8 and counts arrive as strings.
import { Double } from '../../values';
import type { FieldType } from './types';
import { isEmpty, valueType } from './types';
import { wrongValue } from './wrong-value';

const INT32_MAX = 2 ** 31 - 1;

export function toNumber(raw: unknown): number | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'bigint') return Number(raw);
  if (typeof raw === 'boolean') return raw ? 1 : 0;
  if (raw instanceof Double) return raw.value;
  if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  return null;
}

export const integerType: FieldType = valueType({
  rpcType: 'integer',
  summable: true,
  toColumn(value, field, model) {
    if (isEmpty(value)) return 0;
    let n: number | null = null;
    if (typeof value === 'number' || value instanceof Double) n = Number(value.valueOf());
    else if (typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value)) n = Number(value);
    else if (value === true) n = 1;
    if (n === null || !Number.isInteger(n) || Math.abs(n) > INT32_MAX) throw wrongValue(model, field, value);
    return n;
  },
  toRpc(raw, _field, { compat }) {
    const n = toNumber(raw);
    if (n === null) return compat.nullNumbersAsZero ? 0 : false;
    return n;
  },
  async loadCell(text) {
    return /^[-+]?\d+$/.test(text) ? { value: Number(text) }
      : { problem: `'${text}' does not seem to be an integer for field '%(field)s'` };
  },
});
