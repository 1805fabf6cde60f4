// Writing a related field (`partner_id.email`) writes the target record, as Odoo does: the
// path is followed through its many2one steps (one query per step) and the last field is
// written on the distinct targets in one write per value.
import type { FieldDef } from '../define';
import type { OrmEnv } from '../env';
import type { RuntimeModel } from '../registry';
import { readRecords } from './read';
import { writeRecords } from './write';

export async function writeRelated(
  env: OrmEnv, model: RuntimeModel, ids: number[], items: { field: FieldDef; value: unknown }[],
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
    if (at.length) await writeRecords(env, current, at, { [path[path.length - 1]]: value });
  }
}
