// export_data (7.0): one row of text per record for the named field paths (`name`,
// `partner_id/name`, `partner_id/id`, `.id`, `line_ids/qty`). A many2one path reads through its
// target; an x2many path puts its first child on the record's row and each further child on a
// row of its own. Everything is read as the caller, so ACLs, rules and field groups apply, and a
// password reads as empty, as it does through `read`. Queries: one read per model and path prefix.
import { CallError } from '../../errors';
import { Double, newStruct, type RpcStruct, type RpcValue } from '../../values';
import type { FieldDef } from '../model-types';
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../registry';
import { langOf } from '../labels';
import { fieldType, isRelational, isX2many } from '../fields';
import { pyRepr } from '../py-repr';
import { exportXmlIds } from './export-xmlids';
import { readRecords } from './read';
import { displayNames } from './read-relations';

/** One exported row: a text (or False) per requested path; '' where the row has nothing. */
type Line = RpcValue[];

/** 7.0's fix_import_export_id_paths: `a.id` and `a:id` are `a/.id` and `a/id`. */
export function splitExportPath(path: string): string[] {
  return path.replace(/([^/])\.id/g, '$1/.id').replace(/([^/]):id/g, '$1/id').split('/');
}

function badPath(model: RuntimeModel, path: string[]): CallError {
  return new CallError(`Invalid field path ${pyRepr(path.join('/'))} on model '${model.name}'`, 'ValueError');
}

/** A value as 7.0 exports it: text, False when empty (or zero); each type words its own. */
function exportValue(env: CallEnv, field: FieldDef, raw: RpcValue): RpcValue {
  return fieldType(field).exportText(raw instanceof Double ? raw.value : raw, field, langOf(env.context));
}

/** Paths for a sub-export: the tails of the positions in `at`, nothing elsewhere. */
function tails(paths: string[][], at: number[]): string[][] {
  return paths.map((p, k) => (at.includes(k) ? p.slice(1) : []));
}

/** Puts the first sub-line's values at `at` in `line`; the others become rows of their own. */
function merge(line: Line, extra: Line[], sub: Line[] | undefined, at: number[]): void {
  for (const k of at) line[k] = sub?.length ? sub[0][k] : false;
  if (sub) extra.push(...sub.slice(1));
}

async function exportLines(env: CallEnv, model: RuntimeModel, ids: number[], paths: string[][]): Promise<Map<number, Line[]>> {
  const heads = new Map<string, number[]>();
  paths.forEach((p, k) => { if (p.length) heads.set(p[0], [...(heads.get(p[0]) ?? []), k]); });
  for (const [head, at] of heads) {
    const f = model.fields[head];
    const relational = f !== undefined && isRelational(f);
    const deep = at.find((k) => paths[k].length > 1);
    if ((!f && head !== 'id' && head !== '.id') || (deep !== undefined && !relational)) throw badPath(model, paths[deep ?? at[0]]);
  }
  const names = [...heads.keys()].filter((h) => h !== 'id' && h !== '.id');
  const rows = await readRecords(env, model, ids, names.length ? names : ['id'], {});
  const xmlids = heads.has('id') ? await exportXmlIds(env, model, rows.map((r) => Number(r.id))) : new Map<number, string>();
  const lines = new Map<number, { line: Line; extra: Line[] }>();
  for (const row of rows) {
    const line: Line = paths.map(() => '');
    for (const k of heads.get('.id') ?? []) line[k] = String(row.id);
    for (const k of heads.get('id') ?? []) line[k] = xmlids.get(Number(row.id)) ?? '';
    lines.set(Number(row.id), { line, extra: [] });
  }
  for (const name of names) await exportField(env, model.fields[name], heads.get(name)!, paths, rows, lines);
  return new Map([...lines].map(([id, { line, extra }]) => [id, [line, ...extra]]));
}

async function exportField(
  env: CallEnv, f: FieldDef, at: number[], paths: string[][], rows: RpcStruct[],
  lines: Map<number, { line: Line; extra: Line[] }>,
): Promise<void> {
  const bare = at.filter((k) => paths[k].length === 1);
  const deep = at.filter((k) => paths[k].length > 1);
  if (!isX2many(f)) {
    const many2one = fieldType(f).holdsId;
    const targets = many2one ? rows.map((r) => r[f.name]).filter(Array.isArray).map((v) => Number(v[0])) : [];
    const comodel = many2one ? env.registry.model(f.comodel!) : null;
    const sub = comodel && deep.length ? await exportLines(env, comodel, [...new Set(targets)], tails(paths, deep)) : new Map<number, Line[]>();
    for (const row of rows) {
      const { line, extra } = lines.get(Number(row.id))!;
      for (const k of bare) line[k] = exportValue(env, f, row[f.name]);
      const v = row[f.name];
      if (deep.length) merge(line, extra, Array.isArray(v) ? sub.get(Number(v[0])) : undefined, deep);
    }
    return;
  }
  const comodel = env.registry.model(f.comodel!);
  const children = [...new Set(rows.flatMap((r) => (Array.isArray(r[f.name]) ? (r[f.name] as number[]) : [])))];
  // 7.0: `tag_ids/id` of a many2many is one cell with every external id, comma-separated.
  const idLists = deep.filter((k) => fieldType(f).linkTable && paths[k].length === 2 && paths[k][1] === 'id');
  const nested = deep.filter((k) => !idLists.includes(k));
  const names = bare.length ? await displayNames(env, comodel, children, readRecords) : new Map<number, string>();
  const xmlids = idLists.length ? await exportXmlIds(env, comodel, children) : new Map<number, string>();
  const sub = nested.length ? await exportLines(env, comodel, children, tails(paths, nested)) : new Map<number, Line[]>();
  for (const row of rows) {
    const { line, extra } = lines.get(Number(row.id))!;
    const mine = Array.isArray(row[f.name]) ? (row[f.name] as number[]) : [];
    const joined = (m: Map<number, string>) => (mine.length ? mine.map((c) => m.get(c) ?? '').join(',') : false);
    for (const k of bare) line[k] = joined(names);
    for (const k of idLists) line[k] = joined(xmlids);
    if (nested.length) merge(line, extra, mine.flatMap((c) => sub.get(c) ?? []), nested);
  }
}

/** export_data(ids, fields_to_export): `{datas: [[...], ...]}` in the order of `ids`. */
export async function exportData(env: CallEnv, model: RuntimeModel, ids: number[], fields: unknown): Promise<RpcStruct> {
  if (!Array.isArray(fields) || fields.some((f) => typeof f !== 'string')) {
    throw new CallError('fields_to_export must be a list of field paths', 'TypeError');
  }
  const paths = (fields as string[]).map(splitExportPath);
  const lines = await exportLines(env, model, ids, paths);
  const out = newStruct();
  out.datas = ids.flatMap((id) => lines.get(id) ?? []);
  return out;
}
