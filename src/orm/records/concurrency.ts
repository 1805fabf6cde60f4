// 7.0's optimistic concurrency check: a client sends `__last_update` {"model,id": stamp} in the
// context, and a record changed since that stamp refuses write/unlink.
import { UserError } from '../../errors';
import { isStruct } from '../../values';
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../registry';
import { labelText, langOf } from '../labels';
import { chunked } from './common';
import { selectColumn } from './columns';

export async function checkConcurrency(env: CallEnv, model: RuntimeModel, ids: number[]): Promise<void> {
  const stamps = env.context.__last_update;
  if (!isStruct(stamps)) return;
  const wanted = ids.filter((id) => typeof stamps[`${model.name},${id}`] === 'string');
  if (!wanted.length) return;
  const t = model.table;
  for (const part of chunked(wanted)) {
    const rows = (await env.cr(t).select(`${t}.id`, selectColumn(env, t, model.fields.write_date),
      selectColumn(env, t, model.fields.create_date)).whereIn(`${t}.id`, part)) as Record<string, unknown>[];
    for (const row of rows) {
      const current = String(row.write_date ?? row.create_date ?? '').slice(0, 19);
      const seen = String(stamps[`${model.name},${Number(row.id)}`]).slice(0, 19);
      if (current && current > seen) {
        throw new UserError(
          `A document was modified since you last viewed it (${labelText(model.description, langOf(env.context))}:${Number(row.id)})`,
          'ConcurrencyException',
        );
      }
    }
  }
}
