// Which profile each XML-RPC path speaks and which call it makes (PROTOCOL §1.2).
import { resolveRoute } from '../../../src/rpc/routes';

const bind = (path: string, method: string, params: unknown[] = []) =>
  resolveRoute(path)?.bind(method, params as never) ?? null;

describe('resolveRoute', () => {
  it.each([
    ['/xmlrpc/common', 'legacy', 'common'],
    ['/xmlrpc/db', 'legacy', 'db'],
    ['/xmlrpc/object', 'legacy', 'object'],
    ['/xmlrpc/report', 'legacy', 'report'],
    ['/xmlrpc/2/common', 'odoo', 'common'],
    ['/xmlrpc/2/object', 'odoo', 'object'],
    ['/openerp/xmlrpc/1/common', 'v7int', 'common'],
    ['/openerp/xmlrpc/1/object', 'v7int', 'object'],
    ['/openerp/xmlrpc/1/db/', 'v7int', 'db'],
  ])('%s speaks %s to %s', (path, profile, service) => {
    expect(resolveRoute(path)?.profile).toBe(profile);
    expect(bind(path, 'version')).toEqual({ service, method: 'version', params: [] });
  });

  it('takes the whole rest of a legacy path as the service name, as 7.0 does', () => {
    expect(bind('/xmlrpc/3/common', 'version')?.service).toBe('3/common');
    expect(bind('/xmlrpc/', 'version')?.service).toBe('');
    expect(bind('/xmlrpc/nosuch', 'x')?.service).toBe('nosuch');
  });

  it('decodes percent-escapes in path segments and survives broken ones', () => {
    expect(bind('/xmlrpc/2/com%6Don', 'version')?.service).toBe('common');
    expect(bind('/xmlrpc/2/%E0%A4%A', 'version')?.service).toBe('%E0%A4%A');
  });

  it('is not an XML-RPC path otherwise', () => {
    for (const p of ['/', '/xmlrpc', '/xmlrpcx/common', '/web', '/openerp', '/openerp/xmlrpcx', '/XMLRPC/common']) {
      expect(resolveRoute(p)).toBeNull();
    }
  });

  it('serves common.server_version from the db service on /openerp/xmlrpc/1', () => {
    expect(bind('/openerp/xmlrpc/1/common', 'server_version')).toEqual({ service: 'db', method: 'server_version', params: [] });
    expect(bind('/openerp/xmlrpc/1/common', 'login', ['d', 'u', 'p'])?.service).toBe('common');
  });

  it('puts the db segment in front of the params on /openerp/xmlrpc/1/<svc>/<db>', () => {
    expect(bind('/openerp/xmlrpc/1/common/demo', 'login', ['admin', 'pw']))
      .toEqual({ service: 'common', method: 'login', params: ['demo', 'admin', 'pw'] });
  });

  it('rebuilds object params on /openerp/xmlrpc/1/model/<db>/<model>', () => {
    expect(bind('/openerp/xmlrpc/1/model/demo/res.partner', 'execute', [1, 'pw', 'search', [], 0, 5]))
      .toEqual({ service: 'object', method: 'execute', params: ['demo', 1, 'pw', 'res.partner', 'search', [], 0, 5] });
    expect(bind('/openerp/xmlrpc/1/model/demo/res.partner', 'execute', [1]))
      .toEqual({ service: 'object', method: 'execute', params: ['demo', 1, 'res.partner'] });
  });

  it('cannot route other /openerp/xmlrpc shapes (7.0 answers fault 1)', () => {
    expect(resolveRoute('/openerp/xmlrpc/1/a/b/c')?.profile).toBe('v7int');
    expect(bind('/openerp/xmlrpc/1/a/b/c', 'x')).toBeNull();
    expect(bind('/openerp/xmlrpc/1/model/a/b/c', 'x')).toBeNull();
    expect(bind('/openerp/xmlrpc/2/common', 'version')).toBeNull();
  });

  it('answers version on /openerp/xmlrpc itself, and nothing else there', () => {
    expect(bind('/openerp/xmlrpc', 'version', ['ignored'])).toEqual({ service: 'common', method: 'version', params: [] });
    expect(bind('/openerp/xmlrpc/', 'version')).toEqual({ service: 'common', method: 'version', params: [] });
    expect(bind('/openerp/xmlrpc', 'login')).toBeNull();
  });
});
