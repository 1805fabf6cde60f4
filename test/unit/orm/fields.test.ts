// Field types convert values both ways without a database: what clients send, what the
// backends return, and the errors for values that cannot be stored.
import { CallError, ValidationError } from '../../../src/errors';
import { Double } from '../../../src/values';
import { COMPAT_70, COMPAT_ODOO } from '../../../src/orm/env-types';
import { fieldType } from '../../../src/orm/fields';
import { humanSize } from '../../../src/orm/fields/binary';
import { binary, boolean, char, date, datetime, float, integer, many2one, password, selection, type FieldDef } from '../../../src/orm/define';

const named = (f: FieldDef, name = 'f'): FieldDef => ({ ...f, name });
const toCol = (f: FieldDef, v: unknown) => fieldType(f).toColumn(v, f, 'x.model');
const toRpc = (f: FieldDef, raw: unknown, compat = COMPAT_70, context = {}) => fieldType(f).toRpc(raw, f, { compat, context });

describe('field conversions', () => {
  test('char keeps "" and reads NULL as False; size is enforced', () => {
    const f = named(char({ size: 3 }));
    expect(toCol(f, 'abc')).toBe('abc');
    expect(toCol(f, false)).toBeNull();
    expect(toCol(f, 12)).toBe('12');
    expect(toRpc(f, null)).toBe(false);
    expect(toRpc(f, '')).toBe('');
    expect(() => toCol(f, 'abcd')).toThrow(ValidationError);
    expect(() => toCol(f, ['a'])).toThrow(new CallError("Wrong value for x.model.f: ['a']"));
  });

  test('integer: strict whole numbers, pg strings back to numbers, NULL per profile', () => {
    const f = named(integer());
    expect(toCol(f, 7)).toBe(7);
    expect(toCol(f, false)).toBe(0);
    expect(toCol(f, '42')).toBe(42);
    expect(() => toCol(f, 1.5)).toThrow('Wrong value for x.model.f: 1.5');
    expect(() => toCol(f, 2 ** 31)).toThrow(CallError);
    expect(toRpc(f, '9')).toBe(9);
    expect(toRpc(f, null)).toBe(false);
    expect(toRpc(f, null, COMPAT_ODOO)).toBe(0);
  });

  test('float: always a Double, rounded to its digits', () => {
    const f = named(float({ digits: [16, 2] }));
    expect(toCol(f, 1.005 + 0.001)).toBe(1.01);
    expect(toCol(f, new Double(2))).toBe(2);
    expect(toRpc(f, 3)).toEqual(new Double(3));
    expect(toRpc(f, '2.5')).toEqual(new Double(2.5));
    expect(toRpc(f, null)).toBe(false);
    expect(toRpc(f, null, COMPAT_ODOO)).toEqual(new Double(0));
    expect(() => toCol(f, 'abc')).toThrow(CallError);
  });

  test('boolean: Python truthiness in, SQLite 0/1 out', () => {
    const f = named(boolean());
    expect([toCol(f, 1), toCol(f, 0), toCol(f, ''), toCol(f, []), toCol(f, 'x')]).toEqual([true, false, false, false, true]);
    expect([toRpc(f, 1), toRpc(f, 0), toRpc(f, null), toRpc(f, true)]).toEqual([true, false, false, true]);
  });

  test('date and datetime: server formats, real calendar dates, UTC', () => {
    const d = named(date());
    const dt = named(datetime());
    expect(toCol(d, '2024-02-29')).toBe('2024-02-29');
    expect(toCol(d, '2024-02-29 10:00:00')).toBe('2024-02-29');
    expect(() => toCol(d, '2023-02-29')).toThrow("time data '2023-02-29' does not match format '%Y-%m-%d'");
    expect(() => toCol(d, 20240101)).toThrow(CallError);
    expect(toCol(dt, '2024-01-02 03:04:05.123456')).toBe('2024-01-02 03:04:05');
    expect(toCol(dt, '2024-01-02')).toBe('2024-01-02 00:00:00');
    expect(toCol(dt, new Date(Date.UTC(2024, 0, 2, 3, 4, 5)))).toBe('2024-01-02 03:04:05');
    expect(() => toCol(dt, '2024-01-02 25:00:00')).toThrow(CallError);
    expect(toRpc(dt, '2024-01-02 03:04:05')).toBe('2024-01-02 03:04:05');
    expect(toRpc(dt, new Date(2024, 0, 2, 3, 4, 5))).toBe('2024-01-02 03:04:05');
    expect(toRpc(d, new Date(2024, 0, 2))).toBe('2024-01-02');
    expect(toRpc(d, null)).toBe(false);
  });

  test('selection: only declared keys', () => {
    const f = named(selection([['a', 'A'], ['b', { en_US: 'B', es_ES: 'Be' }]]), 'type');
    expect(toCol(f, 'b')).toBe('b');
    expect(toCol(f, false)).toBeNull();
    expect(() => toCol(f, 'bogus')).toThrow(new CallError("Wrong value for x.model.type: 'bogus'"));
  });

  test('binary: base64 in (line breaks allowed), human sizes with bin_size', () => {
    const f = named(binary(), 'photo');
    expect(toCol(f, 'aGVs\nbG8=')).toBe('aGVsbG8=');
    expect(() => toCol(f, 'a$b=')).toThrow(CallError);
    expect(toRpc(f, 'aGVsbG8=', COMPAT_70, { bin_size: true })).toBe('5.00 bytes');
    expect(toRpc(f, 'aGVsbG8=', COMPAT_70, { bin_size_photo: true })).toBe('5.00 bytes');
    expect(toRpc(f, 'aGVsbG8=', COMPAT_70, { bin_size: true, bin_size_photo: false })).toBe('aGVsbG8=');
    expect(humanSize(1536)).toBe('1.50 Kb');
    expect(humanSize(3 * 1024 ** 3)).toBe('3.00 Gb');
  });

  test('many2one: positive ids or a read-back pair; password never reads back', () => {
    const f = named(many2one('res.partner'));
    expect(toCol(f, 5)).toBe(5);
    expect(toCol(f, [5, 'Name'])).toBe(5);
    expect(toCol(f, false)).toBeNull();
    expect(() => toCol(f, 'five')).toThrow(CallError);
    expect(toRpc(f, '7')).toBe(7);
    const p = named(password());
    expect(toCol(p, 'secret')).toBe('secret');
    expect(toRpc(p, 'hash')).toBe(false);
    expect(fieldType(p).rpcType).toBe('char');
  });
});
