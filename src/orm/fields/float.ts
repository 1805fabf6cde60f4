// float: always a <double> on the wire. False stores 0.0; `digits` rounds on the way in.
import { Double } from '../../values';
import type { FieldType } from './types';
import { isEmpty } from './types';
import { toNumber } from './integer';
import { wrongValue } from './wrong-value';

export const floatType: FieldType = {
  rpcType: 'float',
  hasColumn: true,
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
};
