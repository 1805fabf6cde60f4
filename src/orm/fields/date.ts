// date: `YYYY-MM-DD` strings both ways. A datetime string is accepted and cut to its date,
// as Odoo's Date field does.
import type { FieldType } from './types';
import { isEmpty, valueType } from './types';
import { formatDate, parseServerDate, partsOfLocal, partsOfUtc, type DateParts } from './dates';
import { badDateFormat } from './wrong-value';

/** toColumn of date and datetime: a JS Date (UTC) or a server-format text, in `format`. */
export function dateColumn(format: (p: DateParts) => string, pyFormat: string): FieldType['toColumn'] {
  return (value) => {
    if (isEmpty(value) || value === '') return null;
    if (value instanceof Date && !Number.isNaN(value.getTime())) return format(partsOfUtc(value));
    const p = typeof value === 'string' ? parseServerDate(value) : null;
    if (!p) throw badDateFormat(value, pyFormat);
    return format(p);
  };
}

export const dateType: FieldType = valueType({
  rpcType: 'date',
  periodBound: (day) => day,
  // PostgreSQL reads it as text in the server format, so no JS Date (and no local zone) sits
  // between the column and RPC.
  columnSql: (backend) => (backend === 'pg' ? "to_char(??, 'YYYY-MM-DD')" : null),
  toColumn: dateColumn(formatDate, '%Y-%m-%d'),
  toRpc(raw) {
    if (raw === null || raw === undefined || raw === '') return false;
    if (raw instanceof Date) return formatDate(partsOfLocal(raw));
    return String(raw).slice(0, 10);
  },
});
