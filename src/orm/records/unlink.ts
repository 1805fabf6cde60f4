// unlink: deletes records after applying every many2one's `ondelete` in code (restrict,
// cascade, set null), so both backends behave the same with or without foreign keys; link
// rows of many2many fields on either side, external ids and attachments go with them.
import { UserError } from '../../errors';
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../registry';
import { labelText, langOf } from '../labels';
import { refuseReadOnly, signalCachedChange } from './change-guard';
import { atomic, checkAccess, chunked, ensureVisible } from './common';
import { withDbErrors } from './db-errors';
import { checkConcurrency } from './concurrency';
import { fieldType } from '../fields';
import { recomputeAfterWrite, storedComputeFields } from './stored-compute';

async function idsReferencing(env: CallEnv, model: RuntimeModel, column: string, ids: number[]): Promise<number[]> {
  const out: number[] = [];
  for (const part of chunked(ids)) {
    const rows = (await env.cr(model.table).select('id').whereIn(column, part)) as { id: unknown }[];
    out.push(...rows.map((r) => Number(r.id)));
  }
  return out;
}

async function applyOndelete(env: CallEnv, model: RuntimeModel, ids: number[], deleting: Set<string>): Promise<void> {
  const refs = env.registry.referencing(model.name);
  const pending = (m: RuntimeModel, id: number) => deleting.has(`${m.name},${id}`);
  for (const { model: ref, field } of refs.filter((r) => r.field.ondelete === 'restrict')) {
    const blocking = (await idsReferencing(env, ref, field.name, ids)).filter((id) => !pending(ref, id));
    if (blocking.length) {
      throw new UserError(
        'The operation cannot be completed: another model requires the record being deleted. ' +
        `If possible, archive it instead.\n\nModel: ${labelText(ref.description, langOf(env.context))} (${ref.name})\n` +
        `Constraint: ${ref.table}_${field.name}_fkey\n`,
      );
    }
  }
  for (const { model: ref, field } of refs.filter((r) => r.field.ondelete === 'cascade')) {
    const children = (await idsReferencing(env, ref, field.name, ids)).filter((id) => !pending(ref, id));
    // Cascades are the database's doing in OpenERP: they ignore the caller's access rights.
    if (children.length) await removeRecords(env.sudo(), ref, children, deleting);
  }
  for (const { model: ref, field } of refs.filter((r) => r.field.ondelete !== 'restrict' && r.field.ondelete !== 'cascade')) {
    // the records left without their target get the stored values made from it made again
    const reads = storedComputeFields(ref).some((f) => f.storedCompute!.depends.some((p) => p.split('.')[0] === field.name));
    const orphans = reads ? (await idsReferencing(env, ref, field.name, ids)).filter((id) => !pending(ref, id)) : [];
    for (const part of chunked(ids)) await env.cr(ref.table).whereIn(field.name, part).update({ [field.name]: null });
    await recomputeAfterWrite(env, ref, orphans, [field.name]);
  }
}

async function removeRecords(env: CallEnv, model: RuntimeModel, ids: number[], deleting: Set<string>): Promise<void> {
  for (const id of ids) deleting.add(`${model.name},${id}`);
  for (const hooks of model.hooks) if (hooks.beforeUnlink) await hooks.beforeUnlink(env, ids);
  await applyOndelete(env, model, ids, deleting);
  const links = [
    ...Object.values(model.fields).filter((f) => fieldType(f).linkTable && !f.compute).map((f) => [f.relation!, f.column1!] as const),
    ...env.registry.relationsTo(model.name).map(({ field }) => [field.relation!, field.column2!] as const),
  ];
  const owned = ownedRows(env, model);
  for (const part of chunked(ids)) {
    for (const [rel, col] of links) await env.cr(rel).whereIn(col, part).delete();
    for (const o of owned) await env.cr(o.table).where(o.modelColumn, model.name).whereIn(o.idColumn, part).delete();
    await env.cr(model.table).whereIn('id', part).delete();
  }
}

/**
 * Rows that exist only for a record and go with it, as in Odoo: its external ids and its
 * attachments (matched by model name and id).
 */
function ownedRows(env: CallEnv, model: RuntimeModel): { table: string; modelColumn: string; idColumn: string }[] {
  const out: { table: string; modelColumn: string; idColumn: string }[] = [];
  const add = (name: string, modelColumn: string) => {
    if (name === model.name || !env.registry.has(name)) return;
    const m = env.registry.model(name);
    if (m.fields[modelColumn] && m.fields.res_id) out.push({ table: m.table, modelColumn, idColumn: 'res_id' });
  };
  add('ir.model.data', 'model');
  add('ir.attachment', 'res_model');
  return out;
}

export async function unlinkRecords(env: CallEnv, model: RuntimeModel, ids: number[]): Promise<true> {
  refuseReadOnly(env, model, 'unlink');
  await checkAccess(env, model, 'unlink');
  if (!ids.length) return true;
  return atomic(env, (env) => withDbErrors(env, model, async () => {
    await signalCachedChange(env, model, 'unlink');
    await ensureVisible(env, model, ids, 'unlink');
    await checkConcurrency(env, model, ids);
    await removeRecords(env, model, ids, new Set());
    return true as const;
  }));
}
