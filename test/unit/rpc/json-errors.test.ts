// Walks the JSON-RPC profile of the fault map: every error kind gives Odoo's 8+ envelope with the
// exception name clients match on and `data.message` (odoorpc raises KeyError without it); stacks
// appear in `debug` only with debugFaults; the session, parse and routing errors keep their codes.
import {
  AccessDenied, AccessError, AppError, CallError, ErrorKind, InternalError, MissingError, UserError, ValidationError,
} from '../../../src/errors';
import {
  asAppError, badRequestError, JSON_ERROR_TABLE, jsonErrorFor, parseError, sessionExpiredError,
} from '../../../src/rpc/faults';

const CASES: { [K in ErrorKind]: { error: AppError; name: string; message: string } } = {
  UserError: { error: new UserError("Object x doesn't exist", 'Object Error'), name: 'odoo.exceptions.UserError', message: "Object x doesn't exist" },
  ValidationError: { error: new ValidationError('Bad value'), name: 'odoo.exceptions.ValidationError', message: 'Bad value' },
  MissingError: { error: new MissingError(), name: 'odoo.exceptions.MissingError', message: 'Record does not exist or has been deleted.' },
  AccessError: { error: new AccessError('No access'), name: 'odoo.exceptions.AccessError', message: 'No access' },
  AccessDenied: { error: new AccessDenied(), name: 'odoo.exceptions.AccessDenied', message: 'Access Denied' },
  CallError: { error: new CallError('Method not found: x', 'KeyError'), name: 'builtins.KeyError', message: 'Method not found: x' },
  InternalError: { error: new InternalError('abcd1234', new Error('secret detail')), name: 'builtins.Exception', message: 'Internal server error (ref abcd1234)' },
};

describe('the JSON-RPC error map', () => {
  it('has an entry for every error kind', () => {
    expect(Object.keys(JSON_ERROR_TABLE).sort()).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.entries(CASES))('%s: Odoo envelope, name, message, no stack', (_kind, c) => {
    expect(jsonErrorFor(c.error, { debugFaults: false })).toEqual({
      code: 200, message: 'Odoo Server Error',
      data: { name: c.name, message: c.message, arguments: [c.message], context: {}, debug: '' },
    });
  });

  it('keeps a custom AccessDenied message', () => {
    expect(jsonErrorFor(new AccessDenied('Database listing is disabled'), { debugFaults: false }).data.message).toBe('Database listing is disabled');
  });

  it('puts stacks in debug only with debugFaults', () => {
    const internal = jsonErrorFor(CASES.InternalError.error, { debugFaults: true });
    expect(internal.data.debug).toMatch(/^Traceback \(most recent call last\):\n[\s\S]*secret detail[\s\S]*\nException: Internal server error \(ref abcd1234\)$/);
    expect(jsonErrorFor(CASES.UserError.error, { debugFaults: true }).data.debug).toMatch(/UserError/);
    expect(JSON.stringify(jsonErrorFor(CASES.InternalError.error, { debugFaults: false }))).not.toContain('secret detail');
  });

  it('turns anything else thrown into an internal error with a ref', () => {
    expect(jsonErrorFor(asAppError(new TypeError('boom')), { debugFaults: false }).data)
      .toMatchObject({ name: 'builtins.Exception', message: expect.stringMatching(/^Internal server error \(ref [0-9a-f]{8}\)$/) });
  });

  it('has the session, parse and routing errors of Odoo', () => {
    expect(sessionExpiredError()).toEqual({ code: 100, message: 'Odoo Session Expired', data: {
      name: 'odoo.http.SessionExpiredException', message: 'Session expired', arguments: ['Session expired'], context: {}, debug: '',
    } });
    expect(parseError('Invalid JSON data')).toMatchObject({ code: -32700, data: { name: 'werkzeug.exceptions.BadRequest' } });
    expect(badRequestError(404, '404: Not Found')).toMatchObject({ code: 404, data: { name: 'werkzeug.exceptions.NotFound' } });
  });
});
