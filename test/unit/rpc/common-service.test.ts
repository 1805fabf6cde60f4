// The common service's answers and signatures (PROTOCOL §1.3), with a stand-in for auth.
import { AccessDenied, CallError } from '../../../src/errors';
import { createCommonService, versionInfo } from '../../../src/rpc/services/common';
import type { Profile, ServiceCall } from '../../../src/rpc/services/types';
import { Double, type RpcValue } from '../../../src/values';

function make(profile: Profile = 'legacy') {
  const logins: unknown[][] = [];
  const svc = createCommonService({
    serverVersion: '7.0',
    auth: { login: async (...a) => { logins.push(a); return a[2] === 'pw' ? 1 : false; } },
    checkMasterPassword: async (p) => { if (p !== 'master') throw new AccessDenied(); },
  });
  const fields: Record<string, unknown> = {};
  const call: ServiceCall = { profile, ip: '10.0.0.9', requestId: 'r', log: { set: (f) => Object.assign(fields, f) } };
  const run = (m: string, ...params: RpcValue[]) => svc[m](call, params);
  return { run, logins, fields };
}

describe('common service', () => {
  it('version() is the 7.0 struct', async () => {
    expect({ ...(await make().run('version')) as object }).toEqual({
      server_version: '7.0', server_version_info: [7, 0, 0, 'final', 0], server_serie: '7.0', protocol_version: 1,
    });
  });

  it('version info follows the configured version (9+ has the edition item)', () => {
    expect(versionInfo('6.1').server_version_info).toEqual([6, 1, 0, 'final', 0]);
    expect(versionInfo('17.0').server_version_info).toEqual([17, 0, 0, 'final', 0, '']);
    expect(versionInfo('7.0-20140804').server_serie).toBe('7.0');
  });

  it('about() and about(True)', async () => {
    const { run } = make();
    expect(typeof await run('about')).toBe('string');
    expect(await run('about', true)).toEqual([expect.any(String), '7.0']);
    expect(await run('about', false)).toEqual(expect.any(String));
  });

  it('login and authenticate return the uid or False, never a fault', async () => {
    const { run, logins, fields } = make();
    expect(await run('login', 'demo', 'admin', 'pw')).toBe(1);
    expect(await run('login', 'demo', 'admin', 'bad')).toBe(false);
    expect(await run('authenticate', 'demo', 'admin', 'pw', {})).toBe(1);
    expect(await run('authenticate', 'demo', 'admin', 'bad', {})).toBe(false);
    expect(logins[0]).toEqual(['demo', 'admin', 'pw', '10.0.0.9']);
    expect(fields).toMatchObject({ db: 'demo', login: 'admin' });
    expect(JSON.stringify(fields)).not.toContain('pw');
  });

  it('login with values of the wrong type is just False', async () => {
    const { run, logins } = make();
    expect(await run('login', 'demo', 'admin', false)).toBe(false);
    expect(await run('login', 1, 'admin', 'pw')).toBe(false);
    expect(await run('login', 'demo', ['admin'], 'pw')).toBe(false);
    expect(logins).toHaveLength(0);
  });

  it('refuses a wrong number of params with a TypeError', async () => {
    const { run } = make();
    await expect(run('login', 'demo', 'admin')).rejects.toThrow(new CallError('login() takes exactly 3 arguments (2 given)', 'TypeError'));
    await expect(run('version', 1)).rejects.toBeInstanceOf(CallError);
    await expect(run('authenticate', 'd', 'l', 'p')).rejects.toBeInstanceOf(CallError);
  });

  it('cheap answers', async () => {
    const { run } = make();
    expect(await run('timezone_get', 'demo', 1, 'pw')).toBe('UTC');
    expect(await run('login_message')).toBe(false);
    expect(await run('check_connectivity')).toBe(true);
    expect(await run('list_http_services')).toEqual([]);
    expect(await run('get_server_environment')).toContain('7.0');
    expect(await run('get_stats')).toEqual(expect.any(String));
  });

  it('master-password methods check it', async () => {
    const { run } = make();
    await expect(run('get_sqlcount', 'wrong')).rejects.toBeInstanceOf(AccessDenied);
    expect(await run('get_sqlcount', 'master')).toBe(0);
    const t = await run('get_os_time', 'master') as RpcValue[];
    expect(t).toHaveLength(5);
    expect(t.every((v) => v instanceof Double)).toBe(true);
    expect(await run('set_loglevel', 'master', 'debug')).toBe(true);
    await expect(run('set_loglevel', 'wrong', 'debug')).rejects.toBeInstanceOf(AccessDenied);
    await expect(run('get_available_updates', 'master', 'c', 'p')).rejects.toBeInstanceOf(CallError);
    await expect(run('get_migration_scripts', 'wrong', 'c', 'p')).rejects.toBeInstanceOf(AccessDenied);
  });

  it("set_loglevel takes Odoo 17's signature on /xmlrpc/2", async () => {
    expect(await make('odoo').run('set_loglevel', 'debug')).toBe(true);
  });
});
