// datetime: `YYYY-MM-DD HH:MM:SS` in UTC, no zone, no fraction. A bare date means midnight
// (Odoo accepts it too); fractions of a second are dropped.
import type { FieldType } from './types';
import { valueType } from './types';
import { formatDateTime, parseServerDate, partsOfLocal } from './dates';
import { dateColumn } from './date';

export const datetimeType: FieldType = valueType({
  rpcType: 'datetime',
  periodBound: (day) => `${day} 00:00:00`,
  // PostgreSQL reads it as text in the server format, so no JS Date (and no local zone) sits
  // between the column and RPC.
  columnSql: (backend) => (backend === 'pg' ? "to_char(??, 'YYYY-MM-DD HH24:MI:SS')" : null),
  toColumn: dateColumn(formatDateTime, '%Y-%m-%d %H:%M:%S'),
  toRpc(raw) {
    if (raw === null || raw === undefined || raw === '') return false;
    if (raw instanceof Date) return formatDateTime(partsOfLocal(raw));
    const s = String(raw);
    const p = parseServerDate(s);
    return p ? formatDateTime(p) : s.slice(0, 19);
  },
});
