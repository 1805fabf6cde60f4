// Record-rule domains written as 7.0 Python literals: what they read as, and what is refused
// (anything that would need evaluating code, over-long or over-deep text, broken literals).
import { ValidationError } from '../../../src/errors';
import { parsePyDomain, readPyDomain, PY_DOMAIN_MAX_DEPTH, PY_DOMAIN_MAX_LENGTH } from '../../../src/orm/access/py-domain';
import { combineRules, type RuleRow } from '../../../src/orm/access/rules';
import { resolvePlaceholders } from '../../../src/orm/access/placeholders';
import { strftimeUtc } from '../../../src/orm/access/strftime';

const refused = (text: string): string => {
  try {
    parsePyDomain(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as Error).message;
  }
  throw new Error(`accepted: ${text}`);
};

describe('7.0 Python rule domains', () => {
  it('reads the domains 7.0 modules ship', () => {
    expect(parsePyDomain("[('company_id','child_of',[user.company_id.id])]"))
      .toEqual([['company_id', 'child_of', [{ $user: 'company_id' }]]]);
    expect(parsePyDomain("[('user_id','=',user.id)]")).toEqual([['user_id', '=', { $user: 'id' }]]);
    expect(parsePyDomain("['|',('user_id','=',False),('user_id','=',user.id)]"))
      .toEqual(['|', ['user_id', '=', false], ['user_id', '=', { $user: 'id' }]]);
    expect(parsePyDomain('[(1,\'=\',1)]')).toEqual([[1, '=', 1]]);
    expect(parsePyDomain("[('partner_id', '=', user.partner_id.id)]")).toEqual([['partner_id', '=', { $user: 'partner_id' }]]);
    expect(parsePyDomain("[('groups_id','in',[g.id for g in user.groups_id])]")).toEqual([['groups_id', 'in', { $user: 'groups_id' }]]);
    expect(parsePyDomain("[('date','<=',time.strftime('%Y-%m-%d'))]")).toEqual([['date', '<=', { $time: '%Y-%m-%d' }]]);
    expect(parsePyDomain('[]')).toEqual([]);
  });

  it('reads every literal: tuples, lists, numbers, None, strings with escapes and prefixes', () => {
    expect(parsePyDomain("[('a','in',(1, 2.5, -3, +4, 1e2, .5)), ('b','=',None), ('c','!=',True)]"))
      .toEqual([['a', 'in', [1, 2.5, -3, 4, 100, 0.5]], ['b', '=', null], ['c', '!=', true]]);
    expect(parsePyDomain(`[("n", "=", 'it\\'s "x"\\n\\t\\\\'), ('m','=',"\\x41\\u00e9\\101")]`))
      .toEqual([['n', '=', 'it\'s "x"\n\t\\'], ['m', '=', 'AéA']]);
    expect(parsePyDomain("[('n','=',u'caf\\xe9'), ('r','=',r'a\\d'), ('j','=','a' 'b')]"))
      .toEqual([['n', '=', 'café'], ['r', '=', 'a\\d'], ['j', '=', 'ab']]);
    expect(parsePyDomain("[('t','=',(1,)), ('e','=',()), ('p','=',(7)),]"))
      .toEqual([['t', '=', [1]], ['e', '=', []], ['p', '=', 7]]);
    // written over several lines, with a comment, as in XML data files
    expect(parsePyDomain("[\n  # own records\n  ('user_id', '=', user.id),\n]")).toEqual([['user_id', '=', { $user: 'id' }]]);
  });

  it('lists the user values a domain names, with the form they are named in', () => {
    expect(readPyDomain("[('a','=',user.id),('b','=',user.company_id.id),('c','=',user.login),('d','in',[x.id for x in user.groups_id])]").userRefs)
      .toEqual([{ field: 'company_id', form: 'id' }, { field: 'login', form: 'value' }, { field: 'groups_id', form: 'ids' }]);
  });

  it('refuses code, naming the offending text', () => {
    expect(refused("[('a','=',__import__('os').system('rm -rf /'))]")).toMatch(/unknown name "__import__".*position 10/);
    expect(refused("[('a','=',eval('1'))]")).toMatch(/unknown name "eval"/);
    expect(refused("[('a','=',user)]")).toMatch(/"user" alone/);
    expect(refused("[('a','=',user.company_id.name)]")).toMatch(/only user.<field>.id/);
    expect(refused("[('a','=',user.write({}))]")).toMatch(/calls and subscripts/);
    expect(refused("[('a','=',time.sleep(10))]")).toMatch(/only time.strftime/);
    expect(refused("[('a','=',time.strftime('%c'))]")).toMatch(/time.strftime may use only/);
    expect(refused("[('a','=',1+1)]")).toMatch(/expected "," or "\)"/);
    expect(refused("[('a','=',{'x': 1})]")).toMatch(/unexpected character "\{"/);
    expect(refused("[('a','=',[x for x in range(9)])]")).toMatch(/unknown name "x"|expected "\."/);
    expect(refused("[('a','=',lambda: 1)]")).toMatch(/unknown name "lambda"/);
  });

  it('refuses broken literals and anything that is not a list', () => {
    expect(refused("('a','=',1)")).toMatch(/a domain must be a list/);
    expect(refused("[('a','=','open)]")).toMatch(/unterminated string/);
    expect(refused("[('a','=',1)] x")).toMatch(/unexpected text after the domain/);
    expect(refused("[('a','=',017)]")).toMatch(/leading zero/);
    expect(refused("[('a','=',99999999999999999999)]")).toMatch(/out of range/);
    expect(refused("[('a','=','\\x4')]")).toMatch(/invalid escape/);
    expect(refused("[('a','=',b'x')]")).toMatch(/unknown name "b"/);
    expect(refused('[(')).toMatch(/unexpected end/);
    expect(refused('')).toMatch(/a domain must be a list/);
  });

  it('bounds the length and the nesting of the text', () => {
    expect(refused(`[${' '.repeat(PY_DOMAIN_MAX_LENGTH)}]`)).toMatch(/longer than/);
    expect(refused(`${'['.repeat(PY_DOMAIN_MAX_DEPTH + 1)}${']'.repeat(PY_DOMAIN_MAX_DEPTH + 1)}`)).toMatch(/nests too deeply/);
    expect(parsePyDomain(`${'['.repeat(PY_DOMAIN_MAX_DEPTH)}${']'.repeat(PY_DOMAIN_MAX_DEPTH)}`)).toHaveLength(1);
  });

  it('reads hostile long texts in one pass', () => {
    // Unclosed strings and long runs of openers must fail without revisiting the text.
    const n = PY_DOMAIN_MAX_LENGTH - 10;
    expect(refused(`['${'\\'.repeat(n)}`)).toMatch(/unterminated string/);
    expect(refused(`[${'(1,'.repeat(n / 3)}`)).toMatch(/nests too deeply/);
    expect(refused(`[${'user.'.repeat(n / 5)}`)).toMatch(/expected a name|only user/);
    expect(parsePyDomain(`[${"('a','=',1),".repeat(Math.floor(n / 13))}]`)).toHaveLength(Math.floor(n / 13));
  });

  it('evaluates exactly as its JSON twin for the same user', () => {
    const user = { id: 7, groupIds: [10, 11], row: { id: 7, company_id: 3, partner_id: 42 } };
    const rule = (domain: unknown): RuleRow => ({
      id: 1, name: 'r', domain, groupIds: [], perm_read: true, perm_write: true, perm_create: true, perm_unlink: true,
    });
    const py = "['|','|',('company_id','child_of',[user.company_id.id]),('partner_id','=',user.partner_id.id),('groups_id','in',[g.id for g in user.groups_id])]";
    const json = JSON.stringify(['|', '|', ['company_id', 'child_of', [{ $user: 'company_id' }]], ['partner_id', '=', { $user: 'partner_id' }],
      ['groups_id', 'in', { $user: 'groups_id' }]]);
    const expected = ['|', '|', ['company_id', 'child_of', [3]], ['partner_id', '=', 42], ['groups_id', 'in', [10, 11]]];
    expect(combineRules([rule(py)], 'read', user)).toEqual(combineRules([rule(json)], 'read', user));
    expect(combineRules([rule(py)], 'read', user)).toEqual(expected);
  });

  it('writes time.strftime dates in UTC', () => {
    const now = new Date(Date.UTC(2026, 1, 3, 4, 5, 6));
    expect(strftimeUtc('%Y-%m-%d %H:%M:%S %y %j %%', now)).toBe('2026-02-03 04:05:06 26 034 %');
    expect(resolvePlaceholders([['date', '<=', { $time: '%Y-%m-%d' }]], { id: 1, groupIds: [], row: {} }, now))
      .toEqual([['date', '<=', '2026-02-03']]);
  });
});
