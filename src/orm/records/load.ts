// load(fields, data): 7.0's import method. Each row creates a record, or updates the one its `id`
// (external id) or `.id` (database id) column names. Any error rolls the whole import back and
// answers {ids: False, messages}; warnings alone keep it. Fields: `f`, `f/id`, `f/.id`, `id`, `.id`.
import { AppError, CallError, InternalError, UserError } from '../../errors';
import { newStruct, type RpcStruct, type RpcValue } from '../../values';
import type { FieldDef } from '../model-types';
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../registry';
import type { Vals } from '../env-types';
import { labelText, langOf } from '../labels';
import { atomic } from './common';
import { createRecord, writeRecords } from './save';
import { searchIds } from './search';
import { convertCell, IMPORT_MODULE, isEmptyCell, xmlidTarget } from './load-values';
import { isRelational } from '../fields';

interface Column {
  /** 'id' and '.id' name the record itself; otherwise the field and how the cell refers to it. */
  kind: 'xmlid' | 'dbid' | 'field';
  field?: FieldDef;
  subfield: string;
}

type Message = RpcStruct;

function columnsOf(model: RuntimeModel, rawFields: unknown): Column[] {
  if (!Array.isArray(rawFields) || rawFields.some((f) => typeof f !== 'string')) {
    throw new CallError('load() expects a list of field names', 'TypeError');
  }
  return (rawFields as string[]).map((path) => {
    if (path === 'id') return { kind: 'xmlid', subfield: '' };
    if (path === '.id') return { kind: 'dbid', subfield: '' };
    const [name, subfield = '', ...deeper] = path.replace(/:id$/, '/id').split('/');
    const field = Object.prototype.hasOwnProperty.call(model.fields, name) ? model.fields[name] : undefined;
    const relational = field !== undefined && isRelational(field);
    if (!field || deeper.length || (subfield && !(relational && (subfield === 'id' || subfield === '.id')))) {
      throw new CallError(`Invalid field path '${path}' on model '${model.name}'`, 'ValueError');
    }
    return { kind: 'field', field, subfield };
  });
}

function message(type: 'error' | 'warning', text: string, row: number, field?: FieldDef, lang = 'en_US'): Message {
  const m = newStruct();
  m.type = type;
  m.message = field ? text.replace('%(field)s', labelText(field.string, lang)) : text;
  m.record = row;
  m.rows = Object.assign(newStruct(), { from: row, to: row });
  if (field) m.field = field.name;
  return m;
}

/** The record a row updates (from its `id` or `.id` column), or null to create one. */
async function targetOf(env: CallEnv, model: RuntimeModel, kind: Column['kind'], ref: string): Promise<number | null> {
  if (kind === 'xmlid') {
    const target = await xmlidTarget(env, ref);
    return target && target.model === model.name ? target.id : null;
  }
  const id = /^\d+$/.test(ref) ? Number(ref) : NaN;
  const found = Number.isSafeInteger(id) ? await searchIds(env, model, [['id', '=', id]], {}) : [];
  if (!found.length) throw new UserError(`Unknown database identifier '${ref}'`);
  return id;
}

async function registerXmlid(env: CallEnv, model: RuntimeModel, xmlid: string, id: number): Promise<void> {
  if (!env.registry.has('ir.model.data')) return;
  const dot = xmlid.indexOf('.');
  const [module, name] = dot > 0 ? [xmlid.slice(0, dot), xmlid.slice(dot + 1)] : [IMPORT_MODULE, xmlid];
  await createRecord(env.sudo(), env.registry.model('ir.model.data'), { module, name, model: model.name, res_id: id },
    { internal: true });
}

/** Imports one row in its own savepoint; returns its id, or null when it gave error messages. */
async function loadRow(
  env: CallEnv, model: RuntimeModel, columns: Column[], row: unknown[], index: number, messages: Message[],
): Promise<number | null> {
  const lang = langOf(env.context);
  const vals: Vals = {};
  let self: { kind: Column['kind']; ref: string } | null = null;
  let failed = false;
  for (const [i, col] of columns.entries()) {
    const cell = row[i];
    if (col.kind !== 'field') {
      if (!isEmptyCell(cell)) self = { kind: col.kind, ref: String(cell).trim() };
      continue;
    }
    const name = col.field!.name;
    // Two columns may name one field (`parent_id`, `parent_id/id`): an empty one changes nothing.
    if (name in vals && isEmptyCell(cell)) continue;
    const converted = await convertCell(env, col.field!, col.subfield, cell);
    if ('problem' in converted) {
      messages.push(message('error', converted.problem, index, col.field, lang));
      failed = true;
      continue;
    }
    if (converted.warning) messages.push(message('warning', converted.warning, index, col.field, lang));
    vals[name] = converted.value as RpcValue;
  }
  if (failed) return null;
  try {
    return await atomic(env, async (sp) => {
      const existing = self ? await targetOf(sp, model, self.kind, self.ref) : null;
      if (existing !== null) {
        await writeRecords(sp, model, [existing], vals);
        return existing;
      }
      const id = await createRecord(sp, model, vals);
      if (self?.kind === 'xmlid') await registerXmlid(sp, model, self.ref, id);
      return id;
    });
  } catch (err) {
    if (!(err instanceof AppError) || err instanceof InternalError) throw err;
    messages.push(message('error', err.message, index));
    return null;
  }
}

export async function loadRecords(env: CallEnv, model: RuntimeModel, rawFields: unknown, rawData: unknown): Promise<RpcStruct> {
  const columns = columnsOf(model, rawFields);
  if (!Array.isArray(rawData) || rawData.some((r) => !Array.isArray(r))) {
    throw new CallError('load() expects a list of rows, each a list of values', 'TypeError');
  }
  const messages: Message[] = [];
  const ids: number[] = [];
  // Nothing of a failed import may stay: the rows run inside one savepoint given up on any error.
  const rollback = new UserError('import rolled back');
  try {
    await atomic(env, async (sp) => {
      for (const [index, row] of (rawData as unknown[][]).entries()) {
        const id = await loadRow(sp, model, columns, row, index, messages);
        if (id !== null) ids.push(id);
      }
      if (messages.some((m) => m.type === 'error')) throw rollback;
    });
  } catch (err) {
    if (err !== rollback) throw err;
  }
  const answer = newStruct();
  answer.ids = messages.some((m) => m.type === 'error') ? false : ids;
  answer.messages = messages;
  return answer;
}
