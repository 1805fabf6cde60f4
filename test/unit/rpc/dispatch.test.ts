// The dispatcher on fake services: results, faults per profile, unknown names, bugs with refs,
// and exactly one log line per call that never carries a password.
import { PassThrough } from 'node:stream';
import { AccessDenied, UserError } from '../../../src/errors';
import { createLogger } from '../../../src/logger';
import { parseMethodResponse, serializeMethodCall } from '../../../src/rpc/codec';
import { createDispatcher } from '../../../src/rpc/dispatch';
import { resolveRoute } from '../../../src/rpc/routes';
import type { Service } from '../../../src/rpc/services/types';
import type { RpcValue } from '../../../src/values';

function setup() {
  const stream = new PassThrough();
  const lines: string[] = [];
  stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  const logger = createLogger({ stream, level: 'info' });
  const common: Service = {
    version: async () => ({ server_version: '7.0' }),
    login: async (call, params) => {
      call.log.set({ db: params[0], login: params[1] });
      return params[2] === 'right' ? 2 : false;
    },
    nothing: async () => null as unknown as RpcValue,
    refuse: async () => { throw new UserError('Nope', 'Warning'); },
    denied: async () => { throw new AccessDenied(); },
    crash: async () => { throw new Error('connect ECONNREFUSED 10.1.2.3:5432 /var/lib/secret.sqlite'); },
  };
  const dispatcher = createDispatcher({ services: { common, object: {}, db: {} }, logger, debugFaults: false });
  const flush = () => new Promise((r) => setImmediate(r));
  return { dispatcher, lines, flush };
}

const call = (service: string, method: string, params: RpcValue[] = [], profile: 'legacy' | 'odoo' | 'v7int' = 'odoo') =>
  ({ service, method, params, profile, ip: '127.0.0.1' });

describe('dispatch', () => {
  it('returns the service result, and False for null', async () => {
    const { dispatcher } = setup();
    expect(await dispatcher.dispatch(call('common', 'version'))).toEqual({ ok: true, value: { server_version: '7.0' } });
    expect(await dispatcher.dispatch(call('common', 'nothing'))).toEqual({ ok: true, value: false });
  });

  it('answers an unknown service with KeyError in each profile', async () => {
    const { dispatcher } = setup();
    const legacy = await dispatcher.dispatch(call('nosuch', 'version', [], 'legacy'));
    expect(legacy.ok || legacy.fault).toEqual({ faultCode: 'nosuch', faultString: expect.stringMatching(/\nKeyError: nosuch$/) });
    const odoo = await dispatcher.dispatch(call('nosuch', 'version', [], 'odoo'));
    expect(odoo.ok || odoo.fault.faultCode).toBe(1);
  });

  it('words an unknown method as each 7.0 service does', async () => {
    const { dispatcher } = setup();
    const c = await dispatcher.dispatch(call('common', 'no_such_method', [], 'legacy'));
    expect(c.ok || c.fault).toEqual({
      faultCode: 'Method not found: no_such_method',
      faultString: 'Traceback (most recent call last):\n  [...]\nException: Method not found: no_such_method',
    });
    const o = await dispatcher.dispatch(call('object', 'no_such_method', [], 'legacy'));
    expect(o.ok || o.fault.faultCode).toBe('Method not available no_such_method');
    const d = await dispatcher.dispatch(call('db', 'nope', [], 'odoo'));
    expect(d.ok || d.fault).toEqual({ faultCode: 1, faultString: expect.stringMatching(/KeyError: Method not found: nope$/) });
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])(
    'never reaches inherited properties: service or method named %s', async (name) => {
      const { dispatcher } = setup();
      const m = await dispatcher.dispatch(call('common', name));
      expect(m.ok).toBe(false);
      const s = await dispatcher.dispatch(call(name, 'version'));
      expect(s.ok).toBe(false);
    });

  it('turns errors into the profile fault', async () => {
    const { dispatcher } = setup();
    const r = await dispatcher.dispatch(call('common', 'refuse', [], 'legacy'));
    expect(r.ok || r.fault).toEqual({ faultCode: 'warning -- Warning\n\nNope', faultString: '' });
    const d = await dispatcher.dispatch(call('common', 'denied', [], 'odoo'));
    expect(d.ok || d.fault).toEqual({ faultCode: 3, faultString: 'Access Denied' });
  });

  it('hides a bug behind a ref that the log line names, with the detail only in the log', async () => {
    const { dispatcher, lines, flush } = setup();
    const r = await dispatcher.dispatch(call('common', 'crash', [], 'odoo'));
    await flush();
    if (r.ok) throw new Error('expected a fault');
    const ref = /ref ([0-9a-f]{8})/.exec(r.fault.faultString)?.[1];
    expect(ref).toBeDefined();
    expect(r.fault.faultString).not.toMatch(/ECONNREFUSED|10\.1\.2\.3|secret\.sqlite/);
    const logged = lines.join('\n');
    expect(logged).toContain(`ref=${ref}`);
    expect(logged).toContain('ECONNREFUSED');
    expect(logged).toMatch(/ ERROR .* rpc: odoo common\.crash InternalError/);
  });

  it('logs one line per call with db, uid, service, method, outcome and duration, and no password', async () => {
    const { dispatcher, lines, flush } = setup();
    await dispatcher.dispatch(call('common', 'login', ['demo', 'admin', 'right']));
    await dispatcher.dispatch(call('common', 'login', ['demo', 'admin', 'hunter2-wrong']));
    await flush();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} \d+ INFO demo rpc: odoo common\.login ok \d+\.\dms .*login=admin/);
    expect(lines.join('\n')).not.toMatch(/right|hunter2/);
  });
});

describe('handle (XML in, XML out)', () => {
  it('parses, dispatches and serialises', async () => {
    const { dispatcher } = setup();
    const xml = await dispatcher.handle(resolveRoute('/xmlrpc/2/common')!, Buffer.from(serializeMethodCall('version', [])), '::1');
    expect(parseMethodResponse(Buffer.from(xml))).toEqual({ ok: true, value: { server_version: '7.0' } });
  });

  it('answers malformed XML with a fault in the path style', async () => {
    const { dispatcher } = setup();
    const body = Buffer.from('<methodCall><methodName>version');
    const odoo = parseMethodResponse(Buffer.from(await dispatcher.handle(resolveRoute('/xmlrpc/2/common')!, body, '::1')));
    expect(odoo).toMatchObject({ ok: false, faultCode: 1, faultString: expect.stringContaining('ExpatError') });
    const legacy = parseMethodResponse(Buffer.from(await dispatcher.handle(resolveRoute('/xmlrpc/common')!, body, '::1')));
    expect(legacy).toMatchObject({ ok: false, faultCode: expect.any(String), faultString: expect.stringContaining('ExpatError') });
  });

  it('answers an unroutable /openerp/xmlrpc path with fault 1 and an empty string', async () => {
    const { dispatcher } = setup();
    const xml = await dispatcher.handle(resolveRoute('/openerp/xmlrpc/1/a/b/c')!, Buffer.from(serializeMethodCall('version', [])), '::1');
    expect(parseMethodResponse(Buffer.from(xml))).toEqual({ ok: false, faultCode: 1, faultString: '' });
  });

  it('counts calls in flight', async () => {
    const { dispatcher } = setup();
    let release!: () => void;
    const slow: Service = { wait: () => new Promise((r) => { release = () => r(true); }) };
    const d = createDispatcher({ services: { slow }, logger: createLogger({ silent: true }), debugFaults: false });
    const pending = d.dispatch(call('slow', 'wait'));
    expect(d.inFlight()).toBe(1);
    release();
    await pending;
    expect(d.inFlight()).toBe(0);
    expect(dispatcher.inFlight()).toBe(0);
  });
});
