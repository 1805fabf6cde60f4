// The `xmlrpc` npm package as an independent client: call(path, method, ...params) resolves
// with the value or rejects with { faultCode, faultString }.
import xmlrpc from 'xmlrpc';

export interface FaultLike {
  faultCode: number | string;
  faultString: string;
}

export function client(port: number) {
  function call(path: string, method: string, ...params: unknown[]): Promise<unknown> {
    const c = xmlrpc.createClient({ host: '127.0.0.1', port, path });
    return new Promise((resolve, reject) => {
      c.methodCall(method, params, (err: unknown, value: unknown) => (err ? reject(err) : resolve(value)));
    });
  }
  /** The fault a call ends with; fails the test when it succeeds. */
  async function fault(path: string, method: string, ...params: unknown[]): Promise<FaultLike> {
    try {
      const value = await call(path, method, ...params);
      throw new Error(`expected a fault from ${path} ${method}, got ${JSON.stringify(value)}`);
    } catch (err) {
      const e = err as Partial<FaultLike>;
      if (e.faultCode === undefined) throw err;
      return { faultCode: e.faultCode, faultString: e.faultString ?? '' };
    }
  }
  return { call, fault };
}
