// The models' write watchers (ModelHooks.watch): the watched fields a write sets are read before
// the UPDATE and after it (unless the written values already say what they now are), once for all
// watchers, and each watcher hears of the records whose values changed. Reads are as superuser: a
// watcher reports what changed, whoever wrote it.
import type { RpcValue } from '../../values';
import type { FieldChange, RuntimeModel } from '../model-types';
import type { CallEnv } from '../call-env';
import type { ReadRows } from './read-relations';
import { fieldType } from '../fields';

type Snapshot = Map<number, Record<string, RpcValue>>;

export interface WriteWatching {
  /** Calls the watcher of `hooks` (if any) with the records that changed. */
  notify(hooks: RuntimeModel['hooks'][number]): Promise<void>;
}

const NONE: WriteWatching = { notify: async () => undefined };

/**
 * The values after the write, from the snapshot before it, when every watched field is a stored
 * choice written as a key or False (it reads back exactly as written); else null: read them.
 */
function afterFromVals(model: RuntimeModel, fields: string[], before: Snapshot, vals: Record<string, unknown>): Snapshot | null {
  const asWritten = fields.every((f) => {
    const def = model.fields[f];
    return def && !def.compute && !def.related && fieldType(def).hasChoices && (typeof vals[f] === 'string' || vals[f] === false);
  });
  if (!asWritten) return null;
  const out: Snapshot = new Map();
  for (const [id, row] of before) out.set(id, { ...row, ...Object.fromEntries(fields.map((f) => [f, vals[f] as RpcValue])) });
  return out;
}

/** Reads the watched fields before a write; call it after the before-write hooks. */
export async function watchWrite(
  env: CallEnv, model: RuntimeModel, ids: number[], vals: Record<string, unknown>, read: ReadRows,
): Promise<WriteWatching> {
  const written = Object.keys(vals);
  const wanted = new Map<(typeof model.hooks)[number], string[]>();
  for (const hooks of model.hooks) {
    const fields = hooks.watch?.fields(env, written) ?? [];
    if (fields.length) wanted.set(hooks, fields);
  }
  if (!wanted.size) return NONE;
  const fields = [...new Set([...wanted.values()].flat())];
  const snapshot = async (): Promise<Snapshot> => {
    const rows = await read(env.sudo(), model, ids, fields, {});
    return new Map(rows.map((r) => [Number(r.id), r as Record<string, RpcValue>]));
  };
  const before = await snapshot();
  let after: Snapshot | null = null;
  return {
    async notify(hooks) {
      const mine = wanted.get(hooks);
      if (!mine || !hooks.watch) return;
      // Read when the first watcher is told, after the after-write hooks before it.
      after ??= afterFromVals(model, fields, before, vals) ?? await snapshot();
      const changes: FieldChange[] = [];
      for (const id of ids) {
        const was = before.get(id);
        const now = after.get(id);
        if (was && now && mine.some((f) => JSON.stringify(was[f]) !== JSON.stringify(now[f]))) {
          changes.push({ id, before: was, after: now });
        }
      }
      if (changes.length) await hooks.watch.changed(env, changes, mine);
    },
  };
}
