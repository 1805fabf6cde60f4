// How the records service applies an access policy: ACL denials, record rules that make
// hidden records indistinguishable from missing ones, field groups, and the superuser.
import { AccessError, MissingError } from '../../../src/errors';
import { Double } from '../../../src/values';
import { callModelMethod } from '../../../src/orm/call-method';
import type { AccessPolicy } from '../../../src/orm/access-policy';
import type { AccessMode } from '../../../src/orm/env-types';
import { BACKENDS } from '../../support/backends';
import { openTestDb, type TestDb } from './support/schema';

/** Users see only partners aged under 100; managers also see salaries; nobody may unlink tags. */
function policy(groups: string[] = []): AccessPolicy & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async check(_env, model, mode: AccessMode) {
      calls.push(`${model}:${mode}`);
      if (model === 'test.tag' && mode === 'unlink') throw new AccessError(`You are not allowed to delete 'Tag' (test.tag) records.`);
    },
    async ruleDomain(_env, model) {
      return model === 'test.partner' ? [['age', '<', 100]] : null;
    },
    userGroups: async () => new Set(groups),
  };
}

describe.each(BACKENDS)('access on %s', (backend) => {
  let t: TestDb;
  let visible: number;
  let hidden: number;
  beforeAll(async () => {
    t = await openTestDb(backend);
    const p = t.env({ su: true }).model('test.partner');
    visible = await p.create({ name: 'Young', age: 30, salary: 1000 });
    hidden = await p.create({ name: 'Old', age: 120 });
  });
  afterAll(async () => { await t.db.destroy(); });

  const as = (groups: string[] = []) => t.env({ access: policy(groups) });
  const call = (env: ReturnType<typeof as>, method: string, args: unknown[], kwargs: Record<string, unknown> = {}) =>
    callModelMethod(env, 'test.partner', method, args, kwargs);

  test('search, search_count and name_search leave out records hidden by a rule', async () => {
    const env = as();
    expect(await call(env, 'search', [[['name', 'in', ['Young', 'Old']]]])).toEqual([visible]);
    expect(await call(env, 'search_count', [[['name', 'in', ['Young', 'Old']]]])).toBe(1);
    expect(await call(env, 'name_search', ['o'])).toEqual([[visible, 'Young']]);
  });

  test('read skips hidden ids; write and unlink of a hidden id fail exactly as for a missing one', async () => {
    const env = as();
    expect(await call(env, 'read', [[visible, hidden], ['name']])).toEqual([{ id: visible, name: 'Young' }]);
    expect(await call(env, 'read', [hidden, ['name']])).toBe(false);
    const missingText = (id: number) => `Record does not exist or has been deleted.\n(Record: test.partner(${id},), User: 2)`;
    await expect(call(env, 'write', [[hidden], { name: 'x' }])).rejects.toThrow(new MissingError(missingText(hidden)));
    await expect(call(env, 'unlink', [[hidden]])).rejects.toThrow(new MissingError(missingText(hidden)));
    expect(await call(env, 'exists', [[visible, hidden]])).toEqual([visible]);
    const [row] = await t.env({ su: true }).model('test.partner').read([hidden], ['name']);
    expect(row.name).toBe('Old');
  });

  test('a record the rules hide after a write makes the write fail as a whole', async () => {
    const env = as();
    const id = await env.model('test.partner').create({ name: 'Ageing', age: 99 });
    await env.model('test.partner').write([id], { age: 150 });
    await expect(call(env, 'write', [[id], { name: 'y' }])).rejects.toThrow(MissingError);
  });

  test('ACL denials come from the policy', async () => {
    const tagId = await t.env().model('test.tag').create({ name: 'acl' });
    await expect(callModelMethod(as(), 'test.tag', 'unlink', [[tagId]])).rejects.toThrow(AccessError);
    expect(await t.env().model('test.tag').exists([tagId])).toEqual([tagId]);
  });

  test('fields of a group are refused when named by others, and allowed to members', async () => {
    await expect(call(as(), 'read', [[visible], ['name', 'salary']])).rejects.toThrow(
      new AccessError('You do not have enough rights to access the fields "salary" on Test Partner (test.partner). ' +
        'Please contact your system administrator.\n\n(Operation: read, User: 2)'));
    await expect(call(as(), 'write', [[visible], { salary: 1 }])).rejects.toThrow(AccessError);
    await expect(call(as(), 'search', [[['salary', '>', 10]]])).rejects.toThrow(AccessError);
    await expect(call(as(), 'read_group', [[], ['salary'], ['kind']])).rejects.toThrow(AccessError);
    await expect(call(as(), 'read_group', [[], ['name'], ['salary']])).rejects.toThrow(AccessError);
    expect(await call(as(['test.group_manager']), 'read', [[visible], ['salary']])).toEqual([{ id: visible, salary: new Double(1000) }]);
    const [all] = await call(as(['test.group_manager']), 'read', [[visible]]) as Record<string, unknown>[];
    expect(all).toHaveProperty('salary');
  });

  test('the superuser (su, or uid 1) bypasses ACLs, rules and field groups', async () => {
    const p = policy();
    const root = t.env({ uid: 1, access: p });
    expect(await call(root, 'read', [[hidden], ['name', 'salary']])).toEqual([{ id: hidden, name: 'Old', salary: false }]);
    const su = t.env({ su: true, access: p });
    expect(await call(su, 'search', [[['name', '=', 'Old']]])).toEqual([hidden]);
    expect(p.calls).toEqual([]);
  });

  test('userGroups() delegates to the policy once per call', async () => {
    let asked = 0;
    const env = t.env({ access: { ...policy(), userGroups: async () => { asked += 1; return new Set(['g']); } } });
    expect(await env.userGroups()).toEqual(new Set(['g']));
    await env.withContext({ lang: 'es_ES' }).userGroups();
    expect(asked).toBe(1);
  });
});
