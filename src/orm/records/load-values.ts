// load()'s cell converter, as 7.0's ir.fields.converter: the text of one import cell becomes the
// value of its field (each field type reads its own cells), or a message saying why it cannot;
// here are the empty cell and the lookup of records by name, external id or database id.
import type { FieldDef } from '../model-types';
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../registry';
import { searchIds } from './search';
import { fieldType, type CellProblem, type CellValue } from '../fields';

export type { CellProblem, CellValue } from '../fields';

/** The module of external ids an import names without one (Odoo's). */
export const IMPORT_MODULE = '__import__';

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

/** Converts one cell for `field`, read through `subfield` ('' for the field itself, 'id', '.id'). */
export async function convertCell(
  env: CallEnv, field: FieldDef, subfield: string, cell: unknown,
): Promise<CellValue | CellProblem> {
  const type = fieldType(field);
  if (isEmptyCell(cell)) return { value: type.x2many ? [[6, 0, []]] : false };
  const find = (comodel: string, sub: string, ref: string) => recordFor(env, env.registry.model(comodel), sub, ref);
  return type.loadCell(text(cell), cell, field, subfield, find);
}
