// Sequences: next_by_code formats prefix, padding and suffix, and under concurrent transactions
// hands out every number exactly once, with no gaps left by transactions that roll back.
import { AccessError, UserError } from '../../../src/errors';
import { BACKENDS } from '../../support/backends';
import { makeUser, openBaseDb, type BaseDb } from './support';

describe.each(BACKENDS)('ir.sequence on %s', (backend) => {
  let base: BaseDb;
  let employee: number;
  beforeAll(async () => {
    base = await openBaseDb(backend);
    employee = await makeUser(base, 'employee', ['base.group_user']);
  });
  afterAll(async () => { await base?.destroy(); });
  const year = String(new Date().getUTCFullYear());

  it('formats the prefix, the padded number and the suffix', async () => {
    await base.env(1).model('ir.sequence').create({
      name: 'Requests', code: 'test.request', prefix: 'REQ/%(year)s/', suffix: '-%(y)s', padding: 5,
    });
    const env = base.env(employee);
    expect(await env.model('ir.sequence').call('next_by_code', { sequence_code: 'test.request' }))
      .toBe(`REQ/${year}/00001-${year.slice(2)}`);
    expect(await env.model('ir.sequence').call('next_by_code', { sequence_code: 'test.request' }))
      .toBe(`REQ/${year}/00002-${year.slice(2)}`);
    expect(await env.model('ir.sequence').call('next_by_code', { sequence_code: 'no.such.code' })).toBe(false);
  });

  it('steps by its increment and refuses an unknown interpolation key', async () => {
    const id = await base.env(1).model('ir.sequence').create({ name: 'Tens', code: 'test.tens', number_next: 10, number_increment: 10 });
    const env = base.env(employee);
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

  it('gives each concurrent transaction its own number, without gaps', async () => {
    await base.env(1).model('ir.sequence').create({ name: 'Busy', code: 'test.busy', padding: 3 });
    const attempts = 24;
    const results = await Promise.all(Array.from({ length: attempts }, (_, i) => base.db.knex.transaction(async (trx) => {
      const env = base.env(employee, { cr: trx as never });
      const ref = (await env.model('ir.sequence').call('next_by_code', { sequence_code: 'test.busy' })) as string;
      // Every third transaction fails after drawing its number: the number goes back.
      if (i % 3 === 2) throw new Error('rolled back');
      return ref;
    }).catch(() => null)));
    const committed = results.filter((r): r is string => r !== null).sort();
    expect(committed).toHaveLength(attempts - attempts / 3);
    expect(committed).toEqual(Array.from({ length: committed.length }, (_, i) => String(i + 1).padStart(3, '0')));
    const row = await base.db.knex('ir_sequence').where('code', 'test.busy').first('number_next');
    expect(Number(row.number_next)).toBe(committed.length + 1);
  });
});
