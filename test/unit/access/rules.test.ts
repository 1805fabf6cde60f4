// Record-rule combination, domain combinators and placeholders, without a database.
import { andDomains, normalizeDomain, orDomains } from '../../../src/orm/access/domain-ops';
import { placeholderFields, resolvePlaceholders, parseRuleDomain } from '../../../src/orm/access/placeholders';
import { combineRules, RuleRow } from '../../../src/orm/access/rules';
import { UserError } from '../../../src/errors';

const user = { id: 7, groupIds: [10, 11], row: { id: 7, company_id: 3, partner_id: 42 } };
const rule = (id: number, domain: unknown, groupIds: number[] = [], perms: Partial<RuleRow> = {}): RuleRow => ({
  id, name: `rule ${id}`, domain: JSON.stringify(domain), groupIds,
  perm_read: true, perm_write: true, perm_create: true, perm_unlink: true, ...perms,
});

describe('domain combinators', () => {
  it('adds the implicit ANDs', () => {
    expect(normalizeDomain([['a', '=', 1], ['b', '=', 2], '|', ['c', '=', 3], ['d', '=', 4]]))
      .toEqual(['&', '&', ['a', '=', 1], ['b', '=', 2], '|', ['c', '=', 3], ['d', '=', 4]]);
    expect(normalizeDomain([])).toEqual([[1, '=', 1]]);
  });

  it('ANDs and ORs normalised domains, dropping neutral parts', () => {
    expect(andDomains([[['a', '=', 1]], [], [['b', '=', 2], ['c', '=', 3]]]))
      .toEqual(['&', ['a', '=', 1], '&', ['b', '=', 2], ['c', '=', 3]]);
    expect(orDomains([[['a', '=', 1]], [['b', '=', 2]]])).toEqual(['|', ['a', '=', 1], ['b', '=', 2]]);
    expect(orDomains([[['a', '=', 1]], []])).toEqual([[1, '=', 1]]);
    expect(andDomains([[['a', '=', 1]], [[0, '=', 1]]])).toEqual([[0, '=', 1]]);
    expect(orDomains([])).toEqual([[0, '=', 1]]);
  });
});

describe('placeholders', () => {
  it('replaces {"$user": field} with the user\'s values, nested anywhere', () => {
    const d = [['user_id', '=', { $user: 'id' }], ['company_id', 'child_of', [{ $user: 'company_id' }]],
      ['partner_id', '=', { $user: 'partner_id' }], ['groups_id', 'in', { $user: 'groups_id' }]];
    expect(resolvePlaceholders(d, user)).toEqual([['user_id', '=', 7], ['company_id', 'child_of', [3]],
      ['partner_id', '=', 42], ['groups_id', 'in', [10, 11]]]);
  });

  it('turns an empty user value into False and refuses unknown fields', () => {
    const u = { ...user, row: { id: 7, company_id: null } };
    expect(resolvePlaceholders([['x', '=', { $user: 'company_id' }]], u)).toEqual([['x', '=', false]]);
    expect(() => resolvePlaceholders([['x', '=', { $user: 'nope' }]], u)).toThrow(UserError);
  });

  it('lists the user fields a domain needs', () => {
    expect(placeholderFields(['|', ['a', '=', { $user: 'id' }], ['b', 'in', [{ $user: 'company_id' }, 3]]]))
      .toEqual(new Set(['id', 'company_id']));
    expect(placeholderFields([['a', '=', { $other: 'x' }]])).toEqual(new Set());
    expect(() => placeholderFields([['a', '=', { $user: 3 }]])).toThrow(UserError);
  });

  it('parses stored JSON or 7.0 Python text and refuses anything that is not a list', () => {
    expect(parseRuleDomain('[["a","=",1]]', 'r')).toEqual([['a', '=', 1]]);
    expect(parseRuleDomain(null, 'r')).toEqual([]);
    expect(parseRuleDomain("[('a','=',1)]", 'r')).toEqual([['a', '=', 1]]);
    expect(() => parseRuleDomain("[('a','=',eval('1'))]", 'r')).toThrow(UserError);
    expect(() => parseRuleDomain('{"a":1}', 'r')).toThrow(UserError);
  });
});

describe('combining record rules (OpenERP 7.0)', () => {
  it('has no restriction when no rule applies', () => {
    expect(combineRules([], 'read', user)).toBeNull();
    expect(combineRules([rule(1, [['a', '=', 1]], [99])], 'read', user)).toBeNull();
    expect(combineRules([rule(1, [['a', '=', 1]], [], { perm_read: false })], 'read', user)).toBeNull();
  });

  it('ANDs global rules and ORs the rules of the user\'s groups', () => {
    const rules = [
      rule(1, [['company_id', '=', { $user: 'company_id' }]]),
      rule(2, [['active', '=', true]]),
      rule(3, [['user_id', '=', { $user: 'id' }]], [10]),
      rule(4, [['public', '=', true]], [11, 99]),
      rule(5, [['never', '=', true]], [99]),
    ];
    expect(combineRules(rules, 'write', user)).toEqual([
      '&', '&', ['company_id', '=', 3], ['active', '=', true],
      '|', ['user_id', '=', 7], ['public', '=', true],
    ]);
  });

  it('only takes rules that have the mode', () => {
    const rules = [rule(1, [['a', '=', 1]], [], { perm_read: false }), rule(2, [['b', '=', 2]])];
    expect(combineRules(rules, 'read', user)).toEqual([['b', '=', 2]]);
    expect(combineRules(rules, 'unlink', user)).toEqual(['&', ['a', '=', 1], ['b', '=', 2]]);
  });

  it('treats an empty rule domain as everything', () => {
    expect(combineRules([rule(1, [], [10]), rule(2, [['x', '=', 1]], [11])], 'read', user)).toEqual([[1, '=', 1]]);
  });
});
