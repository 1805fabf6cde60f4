// exists, check_access_rights, perm_read and get_external_id: what clients ask about records
// rather than of them.
import { AccessError, CallError } from '../../errors';
import { newStruct, type RpcStruct } from '../../values';
import type { AccessMode } from '../env-types';
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../registry';
import { isSuperuser } from '../access-policy';
import { pyRepr } from '../py-repr';
import { checkAccess, chunked, visibleIds } from './common';
import { readRecords } from './read';

/** exists(ids): the ids that exist and are visible to the caller, in the order given. */
export async function existing(env: CallEnv, model: RuntimeModel, ids: number[]): Promise<number[]> {
  const found = await visibleIds(env, model, ids, 'read');
  return ids.filter((id) => found.has(id));
}

const MODES: AccessMode[] = ['read', 'write', 'create', 'unlink'];

export async function checkAccessRights(env: CallEnv, model: RuntimeModel, operation: unknown, raiseException: unknown): Promise<boolean> {
  if (typeof operation !== 'string' || !MODES.includes(operation as AccessMode)) {
    throw new CallError(`Invalid access mode ${pyRepr(operation)}`, 'ValueError');
  }
  if (isSuperuser(env)) return true;
  try {
    await checkAccess(env, model, operation as AccessMode);
    return true;
  } catch (err) {
    if (err instanceof AccessError && raiseException === false) return false;
    throw err;
  }
}

/** External ids (`module.name`) of the records, from ir.model.data when it is installed. */
export async function externalIds(env: CallEnv, model: RuntimeModel, ids: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (!env.registry.has('ir.model.data') || !ids.length) return out;
  const table = env.registry.model('ir.model.data').table;
  for (const part of chunked(ids)) {
    const rows = (await env.cr(table).select('module', 'name', 'res_id').where('model', model.name)
      .whereIn('res_id', part).orderBy('id')) as { module: string; name: string; res_id: unknown }[];
    for (const r of rows) if (!out.has(Number(r.res_id))) out.set(Number(r.res_id), `${r.module}.${r.name}`);
  }
  return out;
}

/** get_external_id: `{"id": "module.name" or ""}`; keys are strings, as XML-RPC needs. */
export async function getExternalId(env: CallEnv, model: RuntimeModel, ids: number[]): Promise<RpcStruct> {
  await checkAccess(env, model, 'read');
  const xmlids = await externalIds(env, model, ids);
  const out = newStruct();
  for (const id of ids) out[String(id)] = xmlids.get(id) ?? '';
  return out;
}

/** perm_read: who created and last changed each record, and when, plus its external id. */
export async function permRead(env: CallEnv, model: RuntimeModel, ids: number[], details: unknown): Promise<RpcStruct[]> {
  const rows = await readRecords(env, model, ids, ['create_uid', 'create_date', 'write_uid', 'write_date'],
    { load: details === false ? '_classic_write' : undefined });
  const xmlids = await externalIds(env, model, ids);
  for (const row of rows) row.xmlid = xmlids.get(Number(row.id)) ?? false;
  return rows;
}
