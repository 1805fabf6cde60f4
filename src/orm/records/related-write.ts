// Writing a related field (`partner_id.email`) writes the target record, as Odoo does: the
// path is followed through its many2one steps (one query per step) and the last field is
// written on the distinct targets in one write per value.
import type { FieldDef } from '../model-types';
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../registry';
import { readRecords } from './read';
import type { Saves } from './x2many-commands';

export async function writeRelated(
  env: CallEnv, model: RuntimeModel, ids: number[], items: { field: FieldDef; value: unknown }[], saves: Saves,
): Promise<void> {
  for (const { field, value } of items) {
    const path = field.related!.split('.');
    let current = model;
    let at = ids;
    for (const step of path.slice(0, -1)) {
      const rows = await readRecords(env.sudo(), current, at, [step], { load: '_classic_write' });
      at = [...new Set(rows.map((r) => r[step]).filter((v): v is number => typeof v === 'number'))];
      current = env.registry.model(current.fields[step].comodel!);
    }
    if (at.length) await saves.write(env, current, at, { [path[path.length - 1]]: value });
  }
}
