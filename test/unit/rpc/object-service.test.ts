// The object service's checks before any model code runs, in 7.0's order: credentials, private
// methods, unknown models; and the shapes of its params. No database is reached here.
import { AccessDenied, AccessError, CallError, UserError } from '../../../src/errors';
import type { Registry } from '../../../src/orm/registry';
import { createObjectService, isPrivateMethod } from '../../../src/rpc/services/object';
import type { ServiceCall } from '../../../src/rpc/services/types';
import type { RpcValue } from '../../../src/values';

function make() {
  const checks: unknown[][] = [];
  const opened: string[] = [];
  const svc = createObjectService({
    auth: { check: async (...a) => { checks.push(a); if (a[2] !== 'pw') throw new AccessDenied(); } },
    dbm: { get: async (name: string) => { opened.push(name); throw new UserError('no database in this test'); } },
    registry: { has: (m: string) => m === 'res.partner', model: () => ({ methods: {} }) } as unknown as Registry,
  });
  const fields: Record<string, unknown> = {};
  const call: ServiceCall = { profile: 'odoo', ip: '1.2.3.4', requestId: 'r', log: { set: (f) => Object.assign(fields, f) } };
  const run = (m: string, ...params: RpcValue[]) => svc[m](call, params);
  return { run, checks, opened, fields };
}

describe('object service', () => {
  it('checks credentials before anything else', async () => {
    const { run, checks, opened } = make();
    await expect(run('execute_kw', 'demo', 2, 'bad', 'no.model', '_private', [])).rejects.toBeInstanceOf(AccessDenied);
    await expect(run('execute', 'demo', 2, 'bad', 'res.partner', 'search', [])).rejects.toBeInstanceOf(AccessDenied);
    // The last argument asks for a deferred cache signal: the unit of work confirms it.
    expect(checks[0]).toEqual(['demo', 2, 'bad', '1.2.3.4', true]);
    expect(opened).toEqual([]);
  });

  it('refuses a uid that is not an int or a password that is not text as bad credentials', async () => {
    const { run, checks } = make();
    await expect(run('execute', 'demo', '2', 'pw', 'res.partner', 'search', [])).rejects.toBeInstanceOf(AccessDenied);
    await expect(run('execute', 'demo', 2, false, 'res.partner', 'search', [])).rejects.toBeInstanceOf(AccessDenied);
    await expect(run('execute', 'demo', 2.5, 'pw', 'res.partner', 'search', [])).rejects.toBeInstanceOf(AccessDenied);
    expect(checks).toHaveLength(0);
  });

  it('refuses private methods and init before looking at the model', async () => {
    const { run, opened } = make();
    await expect(run('execute_kw', 'demo', 2, 'pw', 'res.partner', '_compute_display_name', [[7]]))
      .rejects.toThrow(new AccessError("Private methods (such as 'res.partner._compute_display_name') cannot be called remotely."));
    await expect(run('execute', 'demo', 2, 'pw', 'no.such.model', 'init')).rejects.toBeInstanceOf(AccessError);
    expect(opened).toEqual([]);
    expect(isPrivateMethod('__proto__')).toBe(true);
    expect(isPrivateMethod('initialize')).toBe(false);
  });

  it("says Object <model> doesn't exist for an unknown model, with 7.0's title", async () => {
    const { run } = make();
    const err = await run('execute', 'demo', 2, 'pw', "res.partner' OR 1=1 --", 'search', []).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe("Object res.partner' OR 1=1 -- doesn't exist");
    expect(err.title).toBe('Object Error');
  });

  it('refuses params of the wrong shape with TypeErrors', async () => {
    const { run } = make();
    await expect(run('execute', 'demo', 2)).rejects.toBeInstanceOf(CallError);
    await expect(run('execute', 'demo', 2, 'pw', 'res.partner')).rejects.toThrow(/takes at least 5 arguments/);
    await expect(run('execute', 'demo', 2, 'pw', 42, 'search')).rejects.toThrow(/'model' must be str, not int/);
    await expect(run('execute', 7, 2, 'pw', 'res.partner', 'search')).rejects.toThrow(/'db' must be str/);
    await expect(run('execute_kw', 'demo', 2, 'pw', 'res.partner', 'search', 'not a list')).rejects.toThrow(/'args' must be list/);
    await expect(run('execute_kw', 'demo', 2, 'pw', 'res.partner', 'search', [], [1])).rejects.toThrow(/'kwargs' must be dict/);
    await expect(run('execute_kw', 'demo', 2, 'pw', 'res.partner', 'search', [], {}, 1)).rejects.toThrow(/at most 7/);
    await expect(run('exec_workflow', 'demo', 2, 'pw', 'res.partner', 'go', 'x')).rejects.toThrow(/record id must be an int/);
  });

  it('answers False to exec_workflow on a model without a workflow', async () => {
    const { run, opened } = make();
    expect(await run('exec_workflow', 'demo', 2, 'pw', 'res.partner', 'notify', 7)).toBe(false);
    expect(opened).toEqual([]);
  });

  it('refuses obj_list as 7.0 does', async () => {
    const { run } = make();
    await expect(run('obj_list')).rejects.toThrow(/obj_list has been discontinued via RPC as of 6.0/);
  });

  it('logs db, uid, model and method, never the password', async () => {
    const { run, fields } = make();
    await run('execute', 'demo', 2, 'pw', 'res.partner', 'search', []).catch(() => undefined);
    expect(fields).toMatchObject({ db: 'demo', uid: 2, model: 'res.partner', fn: 'search' });
    expect(Object.values(fields)).not.toContain('pw');
  });
});
