// many2one: an id (or False) stored in the column. Reads become `[id, display name]`; the
// names are fetched in one query per target model by the read path, not here.
import { Double } from '../../values';
import type { FieldType } from './types';
import { isEmpty, plainDisplay, plainExport, valueType } from './types';
import { wrongValue } from './wrong-value';

export const many2oneType: FieldType = valueType({
  rpcType: 'many2one',
  relational: true,
  holdsId: true,
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
  /** Exported as the target's display name. */
  exportText: (v) => (Array.isArray(v) && v.length ? String(v[1]) : plainExport(v)),
  /** Shown as the target's display name. */
  displayText: (v) => (Array.isArray(v) ? String(v[1]) : plainDisplay(v)),
  /** A name, an external id (`field/id`) or a database id (`field/.id`) of the comodel. */
  loadCell: (text, _cell, field, subfield, find) => find(field.comodel!, subfield, text),
});
