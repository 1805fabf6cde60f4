// many2one: an id (or False) stored in the column. Reads become `[id, display name]`; the
// names are fetched in one query per target model by the read path, not here.
import { Double } from '../../values';
import type { FieldType } from './types';
import { isEmpty } from './types';
import { wrongValue } from './wrong-value';

export const many2oneType: FieldType = {
  rpcType: 'many2one',
  hasColumn: true,
  toColumn(value, field, model) {
    if (isEmpty(value)) return null;
    // Clients sometimes send back what they read: a [id, name] pair.
    const v = Array.isArray(value) && value.length === 2 && typeof value[1] === 'string' ? value[0] : value;
    const n = v instanceof Double ? v.value : v;
    if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) throw wrongValue(model, field, value);
    return n;
  },
  toRpc(raw) {
    if (raw === null || raw === undefined) return false;
    return Number(raw);
  },
};
