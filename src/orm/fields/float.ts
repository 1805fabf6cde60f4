// float: always a <double> on the wire. False stores 0.0; `digits` rounds on the way in.
import { Double } from '../../values';
import type { FieldType } from './types';
import { isEmpty, plainExport, valueType } from './types';
import { toNumber } from './integer';
import { wrongValue } from './wrong-value';

export const floatType: FieldType = valueType({
  rpcType: 'float',
  summable: true,
  fractional: true,
  toColumn(value, field, model) {
    if (isEmpty(value)) return 0;
    let n: number | null = null;
    if (typeof value === 'number' || value instanceof Double) n = Number(value.valueOf());
    else if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) n = Number(value);
    else if (value === true) n = 1;
    if (n === null || !Number.isFinite(n)) throw wrongValue(model, field, value);
    if (field.digits) {
      const f = 10 ** field.digits[1];
      n = Math.round(n * f) / f;
    }
    return n;
  },
  toRpc(raw, _field, { compat }) {
    const n = toNumber(raw);
    if (n === null) return compat.nullNumbersAsZero ? new Double(0) : false;
    return new Double(n);
  },
  exportText: (v) => (typeof v === 'number' && v !== 0 && Number.isInteger(v) ? v.toFixed(1) : plainExport(v)),
  async loadCell(text) {
    return text !== '' && Number.isFinite(Number(text)) ? { value: Number(text) }
      : { problem: `'${text}' does not seem to be a number for field '%(field)s'` };
  },
});
