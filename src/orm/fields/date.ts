// date: `YYYY-MM-DD` strings both ways. A datetime string is accepted and cut to its date,
// as Odoo's Date field does.
import type { FieldType } from './types';
import { isEmpty, valueType } from './types';
import { formatDate, parseServerDate, partsOfLocal, partsOfUtc } from './dates';
import { badDateFormat } from './wrong-value';

export const dateType: FieldType = valueType({
  rpcType: 'date',
  periodBound: (day) => day,
  // PostgreSQL reads it as text in the server format, so no JS Date (and no local zone) sits
  // between the column and RPC.
  columnSql: (backend) => (backend === 'pg' ? "to_char(??, 'YYYY-MM-DD')" : null),
  toColumn(value) {
    if (isEmpty(value) || value === '') return null;
    if (value instanceof Date && !Number.isNaN(value.getTime())) return formatDate(partsOfUtc(value));
    const p = typeof value === 'string' ? parseServerDate(value) : null;
    if (!p) throw badDateFormat(value, '%Y-%m-%d');
    return formatDate(p);
  },
  toRpc(raw) {
    if (raw === null || raw === undefined || raw === '') return false;
    if (raw instanceof Date) return formatDate(partsOfLocal(raw));
    return String(raw).slice(0, 10);
  },
});
