// Sequences: next_by_code formats prefix, padding and suffix, and under concurrent calls hands
// out every number exactly once; a `no_gap` sequence leaves no gaps where calls roll back.
import { withTransaction } from '../../../src/db/transaction';
import { AccessError, UserError } from '../../../src/errors';
import { BACKENDS } from '../../support/backends';
import { baseDbWithEmployee, makeUser, type BaseDb } from './support';

/** `count` calls at once, each its own transaction as over RPC; every third fails after drawing. */
async function drawConcurrently(base: BaseDb, uid: number, code: string, count: number): Promise<(string | null)[]> {
  const db = { name: base.db.name, knex: base.db.knex, backend: base.db.backend };
  return Promise.all(Array.from({ length: count }, (_, i) => withTransaction(db, async (trx) => {
    const env = base.env(uid, { cr: trx as never });
    const ref = (await env.model('ir.sequence').call('next_by_code', { sequence_code: code })) as string;
    if (i % 3 === 2) throw new UserError('rolled back');
    return ref;
  }).catch((e: unknown) => {
    if (e instanceof UserError) return null;
    throw e;
  })));
}

describe.each(BACKENDS)('ir.sequence on %s', (backend) => {
  const base = baseDbWithEmployee(backend);
  const year = String(new Date().getUTCFullYear());

  it('formats the prefix, the padded number and the suffix', async () => {
    await base.env(1).model('ir.sequence').create({
      name: 'Requests', code: 'test.request', prefix: 'REQ/%(year)s/', suffix: '-%(y)s', padding: 5,
    });
    const env = base.env(base.employee);
    expect(await env.model('ir.sequence').call('next_by_code', { sequence_code: 'test.request' }))
      .toBe(`REQ/${year}/00001-${year.slice(2)}`);
    expect(await env.model('ir.sequence').call('next_by_code', { sequence_code: 'test.request' }))
      .toBe(`REQ/${year}/00002-${year.slice(2)}`);
    expect(await env.model('ir.sequence').call('next_by_code', { sequence_code: 'no.such.code' })).toBe(false);
  });

  it('steps by its increment and refuses an unknown interpolation key', async () => {
    const id = await base.env(1).model('ir.sequence').create({ name: 'Tens', code: 'test.tens', number_next: 10, number_increment: 10 });
    const env = base.env(base.employee);
    expect(await env.model('ir.sequence').call('next_by_id', { sequence_id: id })).toBe('10');
    expect(await env.model('ir.sequence').call('next_by_code', { sequence_code: 'test.tens' })).toBe('20');
    await base.env(1).model('ir.sequence').create({ name: 'Bad', code: 'test.bad', prefix: '%(century)s' });
    await expect(env.model('ir.sequence').call('next_by_code', { sequence_code: 'test.bad' }))
      .rejects.toThrow(new UserError("Invalid prefix or suffix for sequence 'Bad'"));
  });

  it('needs read access to sequences', async () => {
    const nobody = await makeUser(base, 'nobody', []);
    await expect(base.env(nobody).model('ir.sequence').call('next_by_code', { sequence_code: 'test.request' }))
      .rejects.toThrow(AccessError);
  });

  it('gives each concurrent call its own number; a no_gap sequence leaves no gaps', async () => {
    await base.env(1).model('ir.sequence').create({ name: 'Busy', code: 'test.busy', padding: 3, implementation: 'no_gap' });
    const attempts = 24;
    const committed = (await drawConcurrently(base, base.employee, 'test.busy', attempts)).filter((r): r is string => r !== null).sort();
    expect(committed).toEqual(Array.from({ length: attempts - attempts / 3 }, (_, i) => String(i + 1).padStart(3, '0')));
    const row = await base.db.knex('ir_sequence').where('code', 'test.busy').first('number_next');
    expect(Number(row.number_next)).toBe(committed.length + 1);
  });

  it('never gives a standard number twice, whatever calls commit or roll back', async () => {
    const id = await base.env(1).model('ir.sequence').create({ name: 'Fast', code: 'test.fast', padding: 3 });
    const attempts = 30;
    const committed = (await drawConcurrently(base, base.employee, 'test.fast', attempts)).filter((r): r is string => r !== null);
    expect(committed).toHaveLength(attempts - attempts / 3);
    expect(new Set(committed).size).toBe(committed.length);
    const numbers = committed.map(Number);
    // Every call drew once: the numbers stay within what was drawn. Only PostgreSQL leaves gaps.
    expect(Math.max(...numbers)).toBeLessThanOrEqual(attempts);
    if (backend === 'sqlite') expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: committed.length }, (_, i) => i + 1));
    const [read] = await base.env(1).model('ir.sequence').read([id], ['number_next']);
    expect(read.number_next).toBe(backend === 'pg' ? attempts + 1 : committed.length + 1);
    const next = await base.env(base.employee).model('ir.sequence').call('next_by_id', { sequence_id: id });
    expect(next).toBe(String(read.number_next).padStart(3, '0'));
  });
});
