// The helpdesk migrations on both backends: tables and links exist, the full-text index follows
// the requests' text, and the migrations undo cleanly.
import { BACKENDS, createScratchDb, type ScratchDb } from '../../support/backends';
import { MIGRATIONS } from '../../../migrations';

const HELPDESK = ['0100_helpdesk_resources', '0101_helpdesk_general', '0102_helpdesk_master'];

async function matching(db: ScratchDb, words: string): Promise<number[]> {
  if (db.backend === 'pg') {
    const res = await db.knex.raw(`SELECT id FROM helpdesk_request
      WHERE helpdesk_request_document(subject, description) @@ to_tsquery('simple', ?) ORDER BY id`,
      [words.split(' ').join(' | ')]);
    return res.rows.map((r: { id: number }) => Number(r.id));
  }
  const rows = await db.knex.raw('SELECT rowid AS id FROM helpdesk_request_fts WHERE helpdesk_request_fts MATCH ? ORDER BY rowid',
    [words.split(' ').map((w) => `"${w}"`).join(' OR ')]);
  return rows.map((r: { id: number }) => Number(r.id));
}

describe.each(BACKENDS)('helpdesk schema on %s', (backend) => {
  let db: ScratchDb;
  beforeAll(async () => {
    db = await createScratchDb(backend);
    for (const m of MIGRATIONS) await m.up(db.knex);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('creates every helpdesk table and link table', async () => {
    for (const table of [
      'helpdesk_resource', 'helpdesk_problem', 'helpdesk_task', 'helpdesk_server', 'helpdesk_request',
      'helpdesk_solution', 'helpdesk_problem_task_rel', 'helpdesk_problem_resource_rel',
      'helpdesk_request_problem_rel', 'helpdesk_request_related_rel', 'helpdesk_request_solution_rel',
    ]) {
      expect(await db.knex.schema.hasTable(table)).toBe(true);
    }
  });

  it('keeps the text index in step with inserts, updates and deletes', async () => {
    const [{ id: a }] = await db.knex('helpdesk_request')
      .insert({ subject: 'Impresora no imprime', description: 'La configuración de red falla', category: 'technical' })
      .returning('id');
    const [{ id: b }] = await db.knex('helpdesk_request')
      .insert({ subject: 'Report is slow', description: 'Invoices take minutes', category: 'functional' })
      .returning('id');
    // Accents are folded: "configuracion" finds "configuración".
    expect(await matching(db, 'configuracion')).toEqual([Number(a)]);
    expect(await matching(db, 'invoices impresora')).toEqual([Number(a), Number(b)]);
    await db.knex('helpdesk_request').where('id', b).update({ description: 'Payroll takes minutes' });
    expect(await matching(db, 'invoices')).toEqual([]);
    expect(await matching(db, 'payroll')).toEqual([Number(b)]);
    await db.knex('helpdesk_request').where('id', a).delete();
    expect(await matching(db, 'impresora')).toEqual([]);
  });

  it('serves the related-requests search from the text index, on PostgreSQL also after an upgrade', async () => {
    if (backend === 'sqlite') {
      const rows = await db.knex.raw(`EXPLAIN QUERY PLAN SELECT f.rowid FROM helpdesk_request_fts f
        JOIN helpdesk_request r ON r.id = f.rowid WHERE helpdesk_request_fts MATCH 'impresora'`);
      expect(rows.map((r: { detail: string }) => r.detail).join('\n')).toMatch(/SCAN f VIRTUAL TABLE INDEX/);
      return;
    }
    const plan = async () => {
      await db.knex.raw('SET enable_seqscan = off');
      try {
        const res = await db.knex.raw(`EXPLAIN SELECT id FROM helpdesk_request
          WHERE helpdesk_request_document(subject, description) @@ to_tsquery('simple', 'impresora')`);
        return res.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
      } finally {
        await db.knex.raw('RESET enable_seqscan');
      }
    };
    expect(await plan()).toContain('helpdesk_request_text_idx');
    // a database made before the function existed indexed the expression itself
    await db.knex.raw('DROP INDEX helpdesk_request_text_idx');
    await db.knex.raw(`CREATE INDEX helpdesk_request_text_idx ON helpdesk_request USING GIN (to_tsvector('simple', subject))`);
    await MIGRATIONS.find((m) => m.name === '0321_request_text_function')!.up(db.knex);
    const def = await db.knex.raw("SELECT indexdef FROM pg_indexes WHERE indexname = 'helpdesk_request_text_idx'");
    expect(def.rows[0].indexdef).toContain('helpdesk_request_document(');
    expect(await plan()).toContain('helpdesk_request_text_idx');
  });

  it('undoes the helpdesk migrations', async () => {
    for (const m of [...MIGRATIONS].reverse().filter((x) => HELPDESK.includes(x.name))) await m.down(db.knex);
    expect(await db.knex.schema.hasTable('helpdesk_request')).toBe(false);
    expect(await db.knex.schema.hasTable('helpdesk_resource')).toBe(false);
    expect(await db.knex.schema.hasTable('res_partner')).toBe(true);
  });
});
