// Column expressions for SELECTs: each field type says when its column is not read as is
// (PostgreSQL dates and timestamps are read as text in the server format).
import type { Knex } from 'knex';
import type { FieldDef } from '../model-types';
import type { CallEnv } from '../call-env';
import { fieldType } from '../fields';

export function selectColumn(env: CallEnv, table: string, field: FieldDef, as = field.name): string | Knex.Raw {
  const col = `${table}.${field.name}`;
  const sql = fieldType(field).columnSql(env.backend);
  if (sql) return env.cr.raw(`${sql} as ??`, [col, as]);
  return as === field.name ? col : `${col} as ${as}`;
}
