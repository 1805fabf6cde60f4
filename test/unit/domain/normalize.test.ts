// Parsing and normalisation of domains, and the error texts clients see for bad ones.
import { CallError } from '../../../src/errors';
import { modelsSearched, parseDomain } from '../../../src/orm/domain';
import { normalizeDomain, type Node } from '../../../src/orm/domain/normalize';
import { leafRepr } from '../../../src/orm/domain/py-repr';
import { PARTNER, TAG, parseCtx } from './models';

/** A compact picture of a normalised tree: (& a b), (| a b), (! a), leaves as "path op value". */
function show(n: Node): string {
  switch (n.kind) {
    case 'const': return n.value ? 'TRUE' : 'FALSE';
    case 'and': return `(& ${n.items.map(show).join(' ')})`;
    case 'or': return `(| ${n.items.map(show).join(' ')})`;
    case 'not': return `(! ${show(n.item)})`;
    case 'leaf': return `${n.leaf.path} ${n.leaf.op} ${JSON.stringify(n.leaf.value)}`;
  }
}

const A = ['a', '=', 1];
const B = ['b', '=', 2];
const C = ['c', '=', 3];

describe('normalisation', () => {
  test.each([
    [[], 'TRUE'],
    [false, 'TRUE'],
    [null, 'TRUE'],
    [[A], 'a = 1'],
    [[A, B, C], '(& a = 1 b = 2 c = 3)'],
    [['|', A, B, C], '(& (| a = 1 b = 2) c = 3)'],
    [[A, '|', B, C], '(& a = 1 (| b = 2 c = 3))'],
    [['|', A, '&', B, C], '(| a = 1 (& b = 2 c = 3))'],
    [['|', '|', A, B, C], '(| a = 1 b = 2 c = 3)'],
    [[[1, '=', 1]], 'TRUE'],
    [[[0, '=', 1]], 'FALSE'],
  ])('%j reads as %s', (raw, want) => {
    expect(show(normalizeDomain(raw))).toBe(want);
  });

  test.each([
    [['!', A], 'a != 1'],
    [['!', ['a', '<', 1]], 'a >= 1'],
    [['!', ['a', '>=', 1]], 'a < 1'],
    [['!', ['a', 'in', [1]]], 'a not in [1]'],
    [['!', ['a', 'not ilike', 'x']], 'a ilike "x"'],
    [['!', ['a', '=like', 'x']], '(! a =like "x")'],
    [['!', ['a', 'child_of', 1]], '(! a child_of 1)'],
    [['!', '|', A, B], '(& a != 1 b != 2)'],
    [['!', '!', A], 'a = 1'],
    [['!', [1, '=', 1]], 'FALSE'],
  ])('negation is pushed to the leaves: %j is %s', (raw, want) => {
    expect(show(normalizeDomain(raw))).toBe(want);
  });

  test.each([
    [[['a', '<>', 1]], 'a != 1'],
    [[['a', 'in', false]], 'a = false'],
    [[['a', 'not in', true]], 'a != true'],
    [[['a', '=', [1, 2]]], 'a in [1,2]'],
    [[['a', '!=', [1]]], 'a not in [1]'],
    [[['a', 'in', 5]], 'a in [5]'],
  ])('leaves are canonical: %j is %s', (raw, want) => {
    expect(show(normalizeDomain(raw))).toBe(want);
  });

  test('a long chain of | costs no recursion', () => {
    const raw: unknown[] = [];
    for (let i = 0; i < 20000; i++) raw.push('|');
    for (let i = 0; i <= 20000; i++) raw.push(['id', '=', i]);
    const n = normalizeDomain(raw);
    expect(n.kind === 'or' && n.items.length).toBe(20001);
  });
});

describe('errors', () => {
  const parse = (raw: unknown) => () => parseDomain(raw, PARTNER, parseCtx());

  test.each([
    [[['name', '~~', 'x']], "Invalid leaf ('name', '~~', 'x')"],
    [[['name', 'ILIKE', 'x']], "Invalid leaf ('name', 'ILIKE', 'x')"],
    [[['name', '=']], "Invalid leaf ('name', '=')"],
    [[['', '=', 1]], "Invalid leaf ('', '=', 1)"],
    [['name'], "Invalid leaf 'name'"],
    [[['name', '=', { a: 1 }]], "Invalid leaf ('name', '=', {'a': 1})"],
    [[['no_such_field', '=', 1]], "Invalid field 'no_such_field' in leaf ('no_such_field', '=', 1)"],
    [[['name.foo', '=', 1]], "Invalid field 'name.foo' in leaf ('name.foo', '=', 1)"],
    [[['category_id.nope', 'ilike', "l'x"]], 'Invalid field \'nope\' in leaf (\'nope\', \'ilike\', "l\'x")'],
    [['&', A], "This domain is syntactically not correct: ['&', ['a', '=', 1]]"],
    ['name', "Invalid domain 'name'"],
  ])('%j is refused: %s', (raw, message) => {
    expect(parse(raw)).toThrow(CallError);
    expect(parse(raw)).toThrow(message);
  });

  test('bad fields are ValueErrors, a bad structure an AssertionError', () => {
    const pyType = (raw: unknown) => {
      try {
        parseDomain(raw, PARTNER, parseCtx());
      } catch (e) {
        return (e as CallError).pyType;
      }
      return null;
    };
    expect(pyType([['nope', '=', 1]])).toBe('ValueError');
    expect(pyType(['|', A])).toBe('AssertionError');
  });

  test('an unknown comodel is the registry error', () => {
    const broken = { ...TAG, fields: { ...TAG.fields, x_id: { type: 'many2one' as const, name: 'x_id', comodel: 'no.model' } } };
    expect(() => parseDomain([['x_id.name', '=', 'a']], broken, parseCtx())).toThrow("Object no.model doesn't exist");
  });

  test('a field the caller may not use is refused by checkField', () => {
    const ctx = parseCtx({
      checkField: (model, field) => {
        if (field === 'credit') throw new CallError(`no access to ${model}.${field}`);
      },
    });
    expect(() => parseDomain([['parent_id.credit', '>', 1]], PARTNER, ctx)).toThrow('no access to test.partner.credit');
  });
});

describe('python repr of leaves', () => {
  test.each([
    [['name', '=', 'x'], "('name', '=', 'x')"],
    [['a', 'in', [1, false, null, true]], "('a', 'in', [1, False, None, True])"],
    [['a', '=', "it's"], '(\'a\', \'=\', "it\'s")'],
    [['a', '=', 'back\\slash\n'], "('a', '=', 'back\\\\slash\\n')"],
    [['a', '=', 1.5], "('a', '=', 1.5)"],
  ])('%j', (leaf, want) => {
    expect(leafRepr(leaf)).toBe(want);
  });
});

describe('modelsSearched', () => {
  test('names the targets of sub-searches, related paths and hierarchies included', () => {
    const ctx = parseCtx();
    expect(modelsSearched([['name', '=', 'a'], ['tag_ids', 'in', [1]]], PARTNER, ctx)).toEqual([]);
    expect(modelsSearched([['category_name', '=', 'a']], PARTNER, ctx)).toEqual(['test.category']);
    expect(modelsSearched(['|', ['tag_ids.name', '=', 'a'], ['parent_id', 'ilike', 'b']], PARTNER, ctx).sort())
      .toEqual(['test.partner', 'test.tag']);
    expect(modelsSearched([['category_id', 'child_of', 1]], PARTNER, ctx)).toEqual(['test.category']);
  });
});
