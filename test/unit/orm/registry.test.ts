// The registry refuses bad definitions when it is built, orders modules by dependency,
// applies extensions and adds the magic fields.
import { UserError, ValidationError } from '../../../src/errors';
import { buildRegistry } from '../../../src/orm/registry';
import {
  char, defineModel, defineModule, extendModel, integer, many2many, many2one, one2many, selection, type ModuleDef,
} from '../../../src/orm/define';

const mod = (name: string, depends: string[], extra: Partial<ModuleDef> = {}): ModuleDef => defineModule({ name, depends, ...extra });
const model = (name: string, fields: Parameters<typeof defineModel>[0]['fields'], more = {}) =>
  defineModel({ name, description: name, fields, ...more });

describe('buildRegistry', () => {
  test('orders modules after their dependencies and keeps workflows and data in that order', () => {
    const r = buildRegistry([
      mod('c', ['b'], { workflows: ['wc'], data: [{ id: 'x', model: 'm', values: {} }] }),
      mod('a', [], { workflows: ['wa'] }),
      mod('b', ['a']),
    ]);
    expect(r.modules.map((m) => m.name)).toEqual(['a', 'b', 'c']);
    expect(r.workflows).toEqual([{ module: 'a', workflow: 'wa' }, { module: 'c', workflow: 'wc' }]);
    expect(r.data.map((d) => [d.module, d.records.length])).toEqual([['a', 0], ['b', 0], ['c', 1]]);
  });

  test('carries the password cost it is given, the default otherwise, and refuses a bad one', () => {
    expect(buildRegistry([mod('a', [])], { passwordRounds: 1234 }).passwordRounds).toBe(1234);
    expect(buildRegistry([mod('a', [])]).passwordRounds).toBe(600_000);
    expect(() => buildRegistry([mod('a', [])], { passwordRounds: 0 })).toThrow('passwordRounds must be a positive integer, not 0');
    expect(() => buildRegistry([mod('a', [])], { passwordRounds: 1.5 })).toThrow(ValidationError);
  });

  test('unknown dependencies and cycles stop the load', () => {
    expect(() => buildRegistry([mod('a', ['zz'])])).toThrow("Module 'a' depends on unknown module 'zz'");
    expect(() => buildRegistry([mod('a', ['b']), mod('b', ['a'])])).toThrow('Circular module dependency: a -> b -> a');
  });

  test('models get magic fields, default table, order, recName and labels', () => {
    const r = buildRegistry([mod('a', [], { models: [model('x.thing', { partner_id: integer() })] })]);
    const m = r.model('x.thing');
    expect(m.table).toBe('x_thing');
    expect(m.order).toBe('id');
    expect(m.recName).toBe('id');
    expect(Object.keys(m.fields)).toEqual(['id', 'create_uid', 'create_date', 'write_uid', 'write_date', 'partner_id']);
    expect(m.fields.partner_id.string).toBe('Partner');
    expect(m.fields.create_uid.type).toBe('integer');
    expect(() => r.model('nope')).toThrow(new UserError("Object nope doesn't exist"));
  });

  test('extensions add fields, constraints and hooks; only from dependent modules', () => {
    const base = mod('a', [], { models: [model('x.thing', { name: char() })] });
    const ext = mod('b', ['a'], { extensions: [extendModel({ extends: 'x.thing', fields: { code: char() }, hooks: { beforeCreate: async () => undefined } })] });
    const r = buildRegistry([ext, base]);
    expect(r.model('x.thing').fields.code.name).toBe('code');
    expect(r.model('x.thing').hooks).toHaveLength(1);
    const stray = mod('c', [], { extensions: [extendModel({ extends: 'x.thing', fields: {} })] });
    expect(() => buildRegistry([base, stray])).toThrow("Module 'c' extends 'x.thing', which none of its dependencies defines");
  });

  test.each([
    ['unknown comodel', { p: many2one('no.model') }, "field 'p' points to unknown model 'no.model'"],
    ['one2many without inverse', { line_ids: one2many('x.thing', 'owner_id') }, "one2many 'line_ids' needs a many2one 'owner_id'"],
    ['many2many without relation', { t: many2many('x.thing', { relation: '', column1: 'a', column2: 'b' }) }, "many2many 't' needs relation"],
    ['default outside selection', { s: selection([['a', 'A']], { default: 'z' }) }, "default 'z' of field 's'"],
    ['duplicate selection key', { s: selection([['a', 'A'], ['a', 'B']]) }, "has the key 'a' twice"],
    ['unknown related path', { r: char({ related: 'nope.name' }) }, "related field 'r': unknown field 'nope'"],
    ['a computed field stored', { c: char({ compute: async () => new Map(), store: true }) },
      "field 'c' is computed and stored: declare it with storedCompute { depends, value }"],
    ['a display name field that is not a stored char', { n: char({ compute: async () => new Map() }) }, "displayNameField 'n' is not a stored char field"],
  ])('refuses %s', (_label, fields, message) => {
    const more = 'n' in fields ? { displayNameField: 'n' } : {};
    expect(() => buildRegistry([mod('a', [], { models: [model('x.thing', { name: char(), ...fields }, more)] })])).toThrow(ValidationError);
    expect(() => buildRegistry([mod('a', [], { models: [model('x.thing', { name: char(), ...fields }, more)] })])).toThrow(message);
  });

  test('refuses a recName that is not a field and an order on unknown fields', () => {
    expect(() => buildRegistry([mod('a', [], { models: [model('x.thing', { name: char() }, { recName: 'title' })] })]))
      .toThrow("recName 'title' is not a field");
    expect(() => buildRegistry([mod('a', [], { models: [model('x.thing', { name: char() }, { order: 'rank desc' })] })]))
      .toThrow("order 'rank desc' names unknown field 'rank'");
  });

  test('knows which many2one and many2many fields point at a model', () => {
    const r = buildRegistry([mod('a', [], {
      models: [
        model('x.a', { name: char() }),
        model('x.b', { a_id: many2one('x.a'), a_ids: many2many('x.a', { relation: 'b_a_rel', column1: 'b_id', column2: 'a_id' }) }),
      ],
    })]);
    expect(r.referencing('x.a').map((x) => `${x.model.name}.${x.field.name}`)).toEqual(['x.b.a_id']);
    expect(r.relationsTo('x.a').map((x) => x.field.relation)).toEqual(['b_a_rel']);
  });
});
