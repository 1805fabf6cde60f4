// char, text and html: strings; NULL reads as False and an empty string stays "". HTML is
// sanitised on its way to the column.
import type { FieldType } from './types';
import { isEmpty, valueType } from './types';
import { tooLong, wrongValue } from './wrong-value';
import { sanitizeHtml } from './html-sanitize';

function toText(value: unknown, model: string, field: Parameters<FieldType['toColumn']>[1]): string | null {
  if (isEmpty(value)) return null;
  if (typeof value === 'string') return value;
  // Python's str() of a number is what 7.0 stored; anything structured is a client error.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw wrongValue(model, field, value);
}

export const charType: FieldType = valueType({
  rpcType: 'char',
  textual: true,
  matchesText: true,
  trims: true,
  toColumn(value, field, model) {
    const s = toText(value, model, field);
    if (s !== null && field.size && [...s].length > field.size) throw tooLong(model, field, [...s].length);
    return s;
  },
  toRpc(raw) {
    return raw === null || raw === undefined ? false : String(raw);
  },
});

export const textType: FieldType = valueType({
  rpcType: 'text',
  textual: true,
  matchesText: true,
  wide: true,
  toColumn: (value, field, model) => toText(value, model, field),
  toRpc: (raw) => (raw === null || raw === undefined ? false : String(raw)),
});

/** HTML is stored sanitised, whoever writes it. */
export const htmlType: FieldType = {
  ...textType,
  rpcType: 'html',
  toColumn(value, field, model) {
    const s = toText(value, model, field);
    return s === null ? null : sanitizeHtml(s);
  },
};
