// selection: one of the declared keys, or False. Anything else is Odoo's
// `Wrong value for <model>.<field>: <repr>`.
import type { FieldDef } from '../model-types';
import { labelText } from '../labels';
import type { FieldType } from './types';
import { isEmpty, plainExport, valueType } from './types';
import { wrongValue } from './wrong-value';

/** An import cell holds the key or a label in any language. */
function selectionKey(field: FieldDef, cell: string): string | null {
  for (const [key, label] of field.selection ?? []) {
    if (cell === key || (typeof label === 'string' ? label === cell : Object.values(label).includes(cell))) return key;
  }
  return null;
}

export const selectionType: FieldType = valueType({
  rpcType: 'selection',
  matchesText: true,
  hasChoices: true,
  toColumn(value, field, model) {
    if (isEmpty(value)) return null;
    if (typeof value === 'string' && (field.selection ?? []).some(([key]) => key === value)) return value;
    throw wrongValue(model, field, value);
  },
  toRpc: (raw) => (raw === null || raw === undefined ? false : String(raw)),
  /** Exported as its label in the reader's language. */
  exportText(v, field, lang) {
    if (plainExport(v) === false) return false;
    const label = field.selection?.find(([key]) => key === v)?.[1];
    return label === undefined ? String(v) : labelText(label, lang);
  },
  displayText(v, field, lang) {
    if (v === undefined || v === null || v === false) return '';
    const hit = (field.selection ?? []).find(([key]) => key === v);
    return hit ? labelText(hit[1], lang) : String(v);
  },
  async loadCell(text, _cell, field) {
    const key = selectionKey(field, text);
    return key !== null ? { value: key } : { problem: `Value '${text}' not found in selection field '%(field)s'` };
  },
});
