// load()'s cell converter, as 7.0's ir.fields.converter: the text of one import cell becomes the
// value of its field (booleans, numbers, selection keys or labels, many2one by name, external id
// or database id, many2many as comma-separated lists), or a message saying why it cannot.
import type { FieldDef } from '../model-types';
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../registry';
import { searchIds } from './search';

/** A cell that cannot be converted: the message names the field with `%(field)s`, as 7.0's. */
export interface CellProblem {
  problem: string;
}

/** The converted value, plus a warning (several records matched a name: the first is taken). */
export interface CellValue {
  value: unknown;
  warning?: string;
}

/** The module of external ids an import names without one (Odoo's). */
export const IMPORT_MODULE = '__import__';

const TRUE_WORDS = new Set(['1', 'true', 'yes']);
const FALSE_WORDS = new Set(['0', 'false', 'no']);

export function isEmptyCell(cell: unknown): boolean {
  return cell === null || cell === undefined || cell === false || (typeof cell === 'string' && cell.trim() === '');
}

function text(cell: unknown): string {
  return typeof cell === 'string' ? cell.trim() : String(cell);
}

/** `[model, res_id]` of an external id (`module.name`, or a bare name of an earlier import). */
export async function xmlidTarget(env: CallEnv, xmlid: string): Promise<{ model: string; id: number } | null> {
  if (!env.registry.has('ir.model.data')) return null;
  const [module, name] = xmlid.includes('.') ? [xmlid.slice(0, xmlid.indexOf('.')), xmlid.slice(xmlid.indexOf('.') + 1)]
    : [IMPORT_MODULE, xmlid];
  const row = await env.cr(env.registry.model('ir.model.data').table).where({ module, name }).first('model', 'res_id') as
    { model: string; res_id: unknown } | undefined;
  return row ? { model: String(row.model), id: Number(row.res_id) } : null;
}

async function recordFor(env: CallEnv, co: RuntimeModel, subfield: string, ref: string): Promise<CellValue | CellProblem> {
  if (subfield === 'id') {
    const target = await xmlidTarget(env, ref);
    if (!target || target.model !== co.name) {
      return { problem: `No matching record found for external id '${ref}' in field '%(field)s'` };
    }
    return { value: target.id };
  }
  if (subfield === '.id') {
    const id = /^\d+$/.test(ref) ? Number(ref) : NaN;
    const found = Number.isSafeInteger(id) ? await searchIds(env, co, [['id', '=', id]], {}) : [];
    if (!found.length) return { problem: `No matching record found for database id '${ref}' in field '%(field)s'` };
    return { value: id };
  }
  const name = co.recName === 'id' ? 'id' : co.recName;
  const ids = await searchIds(env, co, [[name, '=', ref]], { limit: 2 });
  if (!ids.length) return { problem: `No matching record found for name '${ref}' in field '%(field)s'` };
  return ids.length > 1
    ? { value: ids[0], warning: `Found multiple matches for field '%(field)s' (${ids.length} matches)` }
    : { value: ids[0] };
}

/** A selection cell holds the key or a label in any language. */
function selectionKey(field: FieldDef, cell: string): string | null {
  for (const [key, label] of field.selection ?? []) {
    if (cell === key || (typeof label === 'string' ? label === cell : Object.values(label).includes(cell))) return key;
  }
  return null;
}

/** Converts one cell for `field`, read through `subfield` ('' for the field itself, 'id', '.id'). */
export async function convertCell(
  env: CallEnv, field: FieldDef, subfield: string, cell: unknown,
): Promise<CellValue | CellProblem> {
  if (isEmptyCell(cell)) {
    return { value: field.type === 'many2many' || field.type === 'one2many' ? [[6, 0, []]] : false };
  }
  const value = text(cell);
  switch (field.type) {
    case 'boolean':
      if (typeof cell === 'boolean') return { value: cell };
      if (TRUE_WORDS.has(value.toLowerCase())) return { value: true };
      if (FALSE_WORDS.has(value.toLowerCase())) return { value: false };
      return { value: true, warning: `Unknown value '${value}' for boolean field '%(field)s', assuming 'yes'` };
    case 'integer':
      return /^[-+]?\d+$/.test(value) ? { value: Number(value) }
        : { problem: `'${value}' does not seem to be an integer for field '%(field)s'` };
    case 'float':
      return value !== '' && Number.isFinite(Number(value)) ? { value: Number(value) }
        : { problem: `'${value}' does not seem to be a number for field '%(field)s'` };
    case 'selection': {
      const key = selectionKey(field, value);
      return key !== null ? { value: key } : { problem: `Value '${value}' not found in selection field '%(field)s'` };
    }
    case 'many2one':
      return recordFor(env, env.registry.model(field.comodel!), subfield, value);
    case 'many2many': {
      const ids: number[] = [];
      let warning: string | undefined;
      for (const ref of value.split(',').map((s) => s.trim()).filter(Boolean)) {
        const one = await recordFor(env, env.registry.model(field.comodel!), subfield, ref);
        if ('problem' in one) return one;
        ids.push(one.value as number);
        warning ??= one.warning;
      }
      return { value: [[6, 0, ids]], warning };
    }
    case 'one2many':
      return { problem: "Importing the lines of the one2many field '%(field)s' is not supported" };
    default:
      return { value: typeof cell === 'string' ? cell : value };
  }
}
