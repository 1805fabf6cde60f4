// ir.sequence: numbered references (REQ/2026/00042). `next_by_code` is safe under concurrency:
// `standard` numbers (the default) never make concurrent calls wait or fail, and may leave gaps
// on PostgreSQL; `no_gap` numbers have no gaps, and concurrent callers are serialised.
import { boolean, char, defineModel, integer, many2one, selection, type Env } from '../../src/orm/define';
import { nextByCode, nextById } from './ir-sequence-next';
import { alterCounter, dropCounter, ensureCounter, peekCounters } from './ir-sequence-counter';
import { userCompany } from './company-default';

const COUNTED = ['implementation', 'number_next', 'number_increment'];

/** Keeps each row's SEQUENCE in step with what was written: created, altered, or dropped. */
async function syncCounters(env: Env, ids: number[], vals: Record<string, unknown>): Promise<void> {
  if (env.backend !== 'pg' || !COUNTED.some((k) => k in vals)) return;
  // Raw: the stored number_next, where a read through the ORM shows the SEQUENCE's next number.
  const rows = await env.cr('ir_sequence').whereIn('id', ids).select('id', 'implementation', 'number_next', 'number_increment');
  for (const row of rows) {
    const id = Number(row.id);
    if (row.implementation === 'no_gap') {
      // From now on the row is the counter: it takes over where the SEQUENCE was.
      const next = (await peekCounters(env, [id])).get(id);
      if (next === undefined) continue;
      // Raw: writing through the ORM would run this hook again from inside itself.
      if (!('number_next' in vals)) await env.cr('ir_sequence').where({ id }).update({ number_next: next });
      await dropCounter(env, id);
      continue;
    }
    await ensureCounter(env, id);
    if ('number_next' in vals || 'number_increment' in vals) {
      await alterCounter(env, id, row.number_increment, 'number_next' in vals ? row.number_next : undefined);
    }
  }
}

/** number_next as read: for a standard sequence on PostgreSQL, the number its SEQUENCE gives next. */
async function showNextNumbers(env: Env, rows: Record<string, unknown>[]): Promise<void> {
  const wanted = rows.filter((r) => 'number_next' in r);
  if (env.backend !== 'pg' || !wanted.length) return;
  const standard = await env.sudo().withContext({ active_test: false }).model('ir.sequence')
    .search([['id', 'in', wanted.map((r) => Number(r.id))], ['implementation', '!=', 'no_gap']]);
  const next = await peekCounters(env, standard);
  for (const r of wanted) {
    const n = next.get(Number(r.id));
    if (n !== undefined) r.number_next = n;
  }
}

async function incrementNotZero(env: Env, ids: number[]): Promise<string | null> {
  const zero = await env.sudo().withContext({ active_test: false }).model('ir.sequence')
    .searchCount([['id', 'in', ids], ['number_increment', '=', 0]]);
  return zero ? 'The increment of a sequence cannot be zero.' : null;
}

export default defineModel({
  name: 'ir.sequence',
  description: 'Sequence',
  order: 'name',
  fields: {
    name: char({ string: 'Name', required: true, size: 64 }),
    code: char({ string: 'Sequence Code', size: 64, index: true }),
    implementation: selection([['standard', 'Standard'], ['no_gap', 'No gap']], {
      string: 'Implementation', required: true, default: 'standard', size: 16,
      help: 'Standard numbers never hold up concurrent work, but a cancelled operation leaves a gap. '
        + '\'No gap\' numbers leave none, and concurrent operations wait for each other.',
    }),
    active: boolean({ string: 'Active', default: true }),
    prefix: char({ string: 'Prefix', size: 64, help: 'Prefix value of the record for the sequence' }),
    suffix: char({ string: 'Suffix', size: 64, help: 'Suffix value of the record for the sequence' }),
    number_next: integer({ string: 'Next Number', required: true, default: 1, help: 'Next number of this sequence' }),
    number_increment: integer({ string: 'Increment Number', required: true, default: 1,
      help: 'The next number of the sequence will be incremented by this number' }),
    padding: integer({ string: 'Number Padding', required: true, default: 0,
      help: 'OpenERP will automatically adds some \'0\' on the left of the \'Next Number\' to get the required padding size.' }),
    company_id: many2one('res.company', { string: 'Company', default: userCompany }),
  },
  constraints: [{ name: 'increment_not_zero', fields: ['number_increment'], check: incrementNotZero }],
  methods: {
    next_by_code: { params: ['sequence_code', 'context'], fn: (env, a) => nextByCode(env, a.sequence_code) },
    next_by_id: { params: ['sequence_id', 'context'], fn: (env, a) => nextById(env, a.sequence_id) },
    // The 6.x name of next_by_code, still called by old scripts.
    get: { params: ['code', 'context'], fn: (env, a) => nextByCode(env, a.code) },
  },
  hooks: {
    afterCreate: (env, id) => syncCounters(env, [id], { implementation: true }),
    afterWrite: syncCounters,
    beforeUnlink: async (env, ids) => {
      if (env.backend === 'pg') for (const id of ids) await dropCounter(env, id);
    },
    afterRead: showNextNumbers,
  },
});
