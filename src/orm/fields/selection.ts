// selection: one of the declared keys, or False. Anything else is Odoo's
// `Wrong value for <model>.<field>: <repr>`.
import type { FieldType } from './types';
import { isEmpty } from './types';
import { wrongValue } from './wrong-value';

export const selectionType: FieldType = {
  rpcType: 'selection',
  hasColumn: true,
  toColumn(value, field, model) {
    if (isEmpty(value)) return null;
    if (typeof value === 'string' && (field.selection ?? []).some(([key]) => key === value)) return value;
    throw wrongValue(model, field, value);
  },
  toRpc: (raw) => (raw === null || raw === undefined ? false : String(raw)),
};
