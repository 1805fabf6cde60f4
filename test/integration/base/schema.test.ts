// The base migrations and the base models describe the same tables: every stored field has its
// column with a matching type, size and NOT NULL, every column is a field, and every many2many
// has its link table.
import type { FieldDef } from '../../../src/orm/define';
import { isStored } from '../../../src/orm/fields';
import { migrate } from '../../../src/db/migrate';
import { BACKENDS, createScratchDb, type ScratchDb } from '../../support/backends';
import { baseRegistry } from './support';

const FAMILY: Record<string, RegExp> = {
  char: /char/, selection: /char/, password: /char/, text: /text/, html: /text/, binary: /text/,
  integer: /int/, many2one: /int/, boolean: /bool/, float: /double|real|float/, date: /^date$/, datetime: /timestamp|datetime/,
};

describe.each(BACKENDS)('base schema on %s', (backend) => {
  let db: ScratchDb;
  beforeAll(async () => {
    db = await createScratchDb(backend);
    await migrate(db.knex, backend);
  });
  afterAll(async () => { await db?.destroy(); });

  const registry = baseRegistry();
  const models = [...registry.models.values()].filter((m) => m.module === 'base');

  it.each(models.map((m) => [m.name, m] as const))('%s matches its table', async (_name, model) => {
    const columns = await db.knex(model.table).columnInfo();
    const stored = Object.values(model.fields).filter((f: FieldDef) => isStored(f));
    const problems: string[] = [];
    for (const f of stored) {
      const col = columns[f.name];
      if (!col) { problems.push(`${f.name}: no column`); continue; }
      if (!FAMILY[f.type].test(col.type.toLowerCase())) problems.push(`${f.name}: ${f.type} stored as ${col.type}`);
      if (f.name !== 'id' && Boolean(f.required) === col.nullable) problems.push(`${f.name}: required=${!!f.required}, nullable=${col.nullable}`);
      if (f.size && (f.type === 'char' || f.type === 'selection') && Number(col.maxLength) !== f.size) {
        problems.push(`${f.name}: size ${f.size}, column ${col.maxLength}`);
      }
    }
    // Tables shared by two models (ir_act_window) hold the union of their fields.
    const sharing = [...registry.models.values()].filter((m) => m.table === model.table);
    const known = new Set(sharing.flatMap((m) => Object.values(m.fields).filter((f) => isStored(f)).map((f) => f.name)));
    for (const c of Object.keys(columns)) if (!known.has(c)) problems.push(`${c}: column without a field`);
    expect(problems).toEqual([]);
  });

  it('has the link table of every many2many', async () => {
    const problems: string[] = [];
    for (const m of models) {
      for (const f of Object.values(m.fields)) {
        if (f.type !== 'many2many' || f.store === false) continue;
        const cols = await db.knex(f.relation!).columnInfo().catch(() => null);
        if (!cols || !cols[f.column1!] || !cols[f.column2!]) problems.push(`${m.name}.${f.name} (${f.relation})`);
      }
    }
    expect(problems).toEqual([]);
  });
});
