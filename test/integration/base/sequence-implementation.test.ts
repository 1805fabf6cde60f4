// The two implementations of ir.sequence as an administrator sees them: number_next reads as the
// number given next, writing it restarts the numbering, switching between standard and no_gap
// carries on where the other left off, and deleting a sequence takes its counter with it.
import { ValidationError } from '../../../src/errors';
import { BACKENDS } from '../../support/backends';
import { openBaseDb, type BaseDb } from './support';

describe.each(BACKENDS)('ir.sequence implementations on %s', (backend) => {
  let base: BaseDb;
  beforeAll(async () => { base = await openBaseDb(backend); });
  afterAll(async () => { await base?.destroy(); });

  const seq = () => base.env(1).model('ir.sequence');
  const next = (code: string) => seq().call('next_by_code', { sequence_code: code });
  const nextNumber = async (id: number) => (await seq().read([id], ['number_next']))[0].number_next;
  /** Whether PostgreSQL holds a counter for the row (never on SQLite). */
  const hasCounter = async (id: number): Promise<boolean> => backend === 'pg'
    && (await base.db.knex.raw('SELECT to_regclass(?) AS c', [`ir_sequence__number_next__${id}`])).rows[0].c !== null;

  it('is standard unless asked, and reads number_next as the number it gives next', async () => {
    const id = await seq().create({ name: 'Read', code: 'impl.read' });
    const [row] = await seq().read([id], ['implementation', 'number_next']);
    expect(row).toMatchObject({ implementation: 'standard', number_next: 1 });
    expect(await hasCounter(id)).toBe(backend === 'pg');
    for (const n of ['1', '2', '3']) expect(await next('impl.read')).toBe(n);
    expect(await nextNumber(id)).toBe(4);
    expect(await seq().searchRead([['code', '=', 'impl.read']], ['number_next'])).toEqual([{ id, number_next: 4 }]);
    // Reading draws nothing.
    expect(await next('impl.read')).toBe('4');
  });

  it('restarts at a number_next written by hand, and steps by a new increment', async () => {
    const id = await seq().create({ name: 'Restart', code: 'impl.restart' });
    await next('impl.restart');
    await seq().write([id], { number_next: 100 });
    expect(await nextNumber(id)).toBe(100);
    expect(await next('impl.restart')).toBe('100');
    await seq().write([id], { number_next: 200, number_increment: 10 });
    expect(await next('impl.restart')).toBe('200');
    expect(await next('impl.restart')).toBe('210');
    expect(await nextNumber(id)).toBe(220);
  });

  it('carries the numbering on when switched to no_gap and back', async () => {
    const id = await seq().create({ name: 'Switch', code: 'impl.switch', number_next: 5 });
    expect(await next('impl.switch')).toBe('5');
    await seq().write([id], { implementation: 'no_gap' });
    expect(await hasCounter(id)).toBe(false);
    const [row] = await base.db.knex('ir_sequence').where({ id }).select('number_next');
    expect(Number(row.number_next)).toBe(6);
    expect(await next('impl.switch')).toBe('6');
    await seq().write([id], { implementation: 'standard' });
    expect(await hasCounter(id)).toBe(backend === 'pg');
    expect(await nextNumber(id)).toBe(7);
    expect(await next('impl.switch')).toBe('7');
  });

  it('continues from its row when its counter is missing, as in a restored database', async () => {
    const id = await seq().create({ name: 'Restored', code: 'impl.restored', number_next: 40 });
    if (backend === 'pg') await base.db.knex.raw(`DROP SEQUENCE "ir_sequence__number_next__${id}"`);
    expect(await nextNumber(id)).toBe(40);
    expect(await next('impl.restored')).toBe('40');
    expect(await hasCounter(id)).toBe(backend === 'pg');
    expect(await next('impl.restored')).toBe('41');
  });

  it('takes its counter with it when deleted', async () => {
    const id = await seq().create({ name: 'Gone', code: 'impl.gone' });
    await next('impl.gone');
    await seq().unlink([id]);
    expect(await hasCounter(id)).toBe(false);
    expect(await next('impl.gone')).toBe(false);
  });

  it('copies a sequence from the number the original gives next', async () => {
    const id = await seq().create({ name: 'Original', code: 'impl.copy', number_next: 7 });
    await next('impl.copy');
    const copy = await seq().copy(id, { code: 'impl.copied' });
    expect(await nextNumber(copy)).toBe(8);
    expect(await next('impl.copied')).toBe('8');
    expect(await next('impl.copy')).toBe('8');
  });

  it('refuses an increment of zero', async () => {
    await expect(seq().create({ name: 'Still', code: 'impl.still', number_increment: 0 })).rejects.toThrow(ValidationError);
    const id = await seq().create({ name: 'Moving', code: 'impl.moving' });
    await expect(seq().write([id], { number_increment: 0 })).rejects.toThrow(ValidationError);
    expect(await next('impl.moving')).toBe('1');
  });
});
