// Every field type a model can declare carries its whole behaviour (conversions, SQL, export,
// import, flags), so a new type cannot be added as a bare name that the records code would
// then have to special-case.
import * as define from '../../../src/orm/define';
import type { FieldDef } from '../../../src/orm/define';
import { allFieldTypes, fieldType } from '../../../src/orm/fields';
import { FIELD_TYPE_MEMBERS } from '../../../src/orm/fields/types';
import { COMPAT_70 } from '../../../src/orm/env-types';
import { Double } from '../../../src/values';

/** One field made with each public builder of define.ts. */
const DECLARED: FieldDef[] = [
  define.char(), define.text(), define.html(), define.integer(), define.float(), define.boolean(),
  define.date(), define.datetime(), define.binary(), define.password(), define.selection([['a', 'A']]),
  define.many2one('res.partner'), define.one2many('res.partner', 'parent_id'),
  define.many2many('res.partner', { relation: 'r', column1: 'a', column2: 'b' }),
].map((f) => ({ ...f, name: 'f' }));

const READ = { compat: COMPAT_70, context: {} };

describe('field types', () => {
  test('every declared type is registered, and every registered one can be declared', () => {
    const registered = allFieldTypes().map(([name]) => name).sort();
    expect(DECLARED.map((f) => f.type).sort()).toEqual(registered);
  });

  test.each(allFieldTypes())('%s implements every member of FieldType', (_name, type) => {
    for (const [member, kind] of Object.entries(FIELD_TYPE_MEMBERS)) {
      const value = (type as unknown as Record<string, unknown>)[member];
      const got = value === null ? 'null' : typeof value;
      expect({ member, ok: kind.split('|').includes(got) }).toEqual({ member, ok: true });
    }
  });

  test.each(DECLARED.map((f) => [f.type, f] as const))('%s: flags agree with each other', (_name, f) => {
    const t = fieldType(f);
    expect(t.relational).toBe(t.holdsId || t.x2many);
    expect(t.hasColumn).toBe(!t.x2many);
    if (t.linkTable) expect(t.x2many).toBe(true);
    if (t.textual) expect(t.matchesText).toBe(true);
    if (t.writeOnly) expect([t.copyAs, t.groupable]).toEqual(['never', false]);
    expect(['value', 'links', 'lines', 'never']).toContain(t.copyAs);
  });

  test.each(DECLARED.map((f) => [f.type, f] as const))('%s: NULL reads as the type\'s empty value', (_name, f) => {
    const t = fieldType(f);
    expect(t.toRpc(null, f, READ)).toEqual(t.empty());
    expect(t.empty()).toEqual(t.x2many ? [] : false);
  });

  test.each(DECLARED.filter((f) => fieldType(f).hasColumn && !fieldType(f).writeOnly).map((f) => [f.type, f] as const))(
    '%s: nothing written exports as nothing', (_name, f) => {
      const t = fieldType(f);
      const read = t.toRpc(t.toColumn(false, f, 'm'), f, READ);
      // booleans export their value, False included; numbers store 0 and export it as empty
      expect(t.exportText(read instanceof Double ? read.value : read, f, 'en_US')).toBe(f.type === 'boolean' ? 'False' : false);
    },
  );

  test('each type words its own exports and reads its own import cells', async () => {
    const sel: FieldDef = { ...define.selection([['open', { en_US: 'Open', es_ES: 'Abierto' }]]), name: 's' };
    expect(fieldType(sel).exportText('open', sel, 'es_ES')).toBe('Abierto');
    const flt: FieldDef = { ...define.float(), name: 'x' };
    expect(fieldType(flt).exportText(2, flt, 'en_US')).toBe('2.0');
    const none = () => Promise.reject(new Error('no lookup expected'));
    await expect(fieldType(sel).loadCell('Abierto', 'Abierto', sel, '', none)).resolves.toEqual({ value: 'open' });
    const int: FieldDef = { ...define.integer(), name: 'n' };
    await expect(fieldType(int).loadCell('1.5', '1.5', int, '', none)).resolves.toHaveProperty('problem');
    const m2m = DECLARED.find((f) => f.type === 'many2many')!;
    const found = (_co: string, _sub: string, ref: string) => Promise.resolve({ value: ref === 'a' ? 1 : 2 });
    await expect(fieldType(m2m).loadCell('a, b', 'a, b', m2m, '', found)).resolves.toEqual({ value: [[6, 0, [1, 2]]], warning: undefined });
  });

  test('each type words its values for people (tracking messages)', () => {
    const sel: FieldDef = { ...define.selection([['open', { en_US: 'Open', es_ES: 'Abierto' }]]), name: 's' };
    const flag: FieldDef = { ...define.boolean(), name: 'b' };
    const m2o = DECLARED.find((f) => f.type === 'many2one')!;
    expect(fieldType(sel).displayText('open', sel, 'es_ES')).toBe('Abierto');
    expect(fieldType(flag).displayText(false, flag, 'es_ES')).toBe('No');
    expect(fieldType(flag).displayText(true, flag, 'es_ES')).toBe('Sí');
    expect(fieldType(m2o).displayText([4, 'Ana'], m2o, 'en_US')).toBe('Ana');
    for (const f of DECLARED) expect(fieldType(f).displayText(undefined, f, 'en_US')).toBe('');
  });

  test('date types bound read_group periods and read as text on PostgreSQL', () => {
    const d = DECLARED.find((f) => f.type === 'date')!;
    const dt = DECLARED.find((f) => f.type === 'datetime')!;
    expect(fieldType(d).periodBound?.('2014-08-01')).toBe('2014-08-01');
    expect(fieldType(dt).periodBound?.('2014-08-01')).toBe('2014-08-01 00:00:00');
    expect(fieldType(dt).columnSql('pg')).toContain('to_char');
    expect(fieldType(dt).columnSql('sqlite')).toBeNull();
  });
});
