// Column expressions for SELECTs. PostgreSQL dates and timestamps are read as text in the
// server format, so no JS Date (and no local time zone) ever sits between the column and RPC.
import type { Knex } from 'knex';
import type { FieldDef } from '../model-types';
import type { CallEnv } from '../call-env';

export function selectColumn(env: CallEnv, table: string, field: FieldDef, as = field.name): string | Knex.Raw {
  const col = `${table}.${field.name}`;
  if (env.backend === 'pg' && field.type === 'datetime') {
    return env.cr.raw(`to_char(??, 'YYYY-MM-DD HH24:MI:SS') as ??`, [col, as]);
  }
  if (env.backend === 'pg' && field.type === 'date') {
    return env.cr.raw(`to_char(??, 'YYYY-MM-DD') as ??`, [col, as]);
  }
  return as === field.name ? col : `${col} as ${as}`;
}
