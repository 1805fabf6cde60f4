// Walks the fault table: every error kind, in every profile, gives the fault a client of that
// profile expects (7.0 legacy strings, 7.0 integers, Odoo 17/18 integers), and nothing leaks.
import {
  AccessDenied, AccessError, AppError, CallError, ErrorKind, InternalError, MissingError, UnavailableError, UserError,
  ValidationError,
} from '../../../src/errors';
import { asAppError, FAULT_TABLE, Fault, faultFor } from '../../../src/rpc/faults';
import type { Profile } from '../../../src/rpc/services/types';

const PROFILES: Profile[] = ['legacy', 'v7int', 'odoo'];
const TB = (py: string, msg: string) => `Traceback (most recent call last):\n  [...]\n${py}: ${msg}`;

const CASES: { [K in ErrorKind]: { error: AppError; expect: Record<Profile, Fault> } } = {
  UserError: {
    error: new UserError("Object no.such.model doesn't exist", 'Object Error'),
    expect: {
      legacy: { faultCode: "warning -- Object Error\n\nObject no.such.model doesn't exist", faultString: '' },
      v7int: { faultCode: 2, faultString: "Object no.such.model doesn't exist" },
      odoo: { faultCode: 2, faultString: "Object no.such.model doesn't exist" },
    },
  },
  ValidationError: {
    error: new ValidationError('Wrong value for res.partner.type'),
    expect: {
      legacy: { faultCode: 'warning -- ValidateError\n\nWrong value for res.partner.type', faultString: '' },
      v7int: { faultCode: 2, faultString: 'Wrong value for res.partner.type' },
      odoo: { faultCode: 2, faultString: 'Wrong value for res.partner.type' },
    },
  },
  MissingError: {
    error: new MissingError('Record does not exist or has been deleted.\n(Record: res.partner(999999,), User: 2)'),
    expect: {
      legacy: {
        faultCode: 'warning -- MissingError\n\nRecord does not exist or has been deleted.\n(Record: res.partner(999999,), User: 2)',
        faultString: '',
      },
      v7int: { faultCode: 2, faultString: 'Record does not exist or has been deleted.\n(Record: res.partner(999999,), User: 2)' },
      odoo: { faultCode: 2, faultString: 'Record does not exist or has been deleted.\n(Record: res.partner(999999,), User: 2)' },
    },
  },
  AccessError: {
    error: new AccessError("Private methods (such as 'res.partner._x') cannot be called remotely."),
    expect: {
      legacy: { faultCode: "warning -- AccessError\n\nPrivate methods (such as 'res.partner._x') cannot be called remotely.", faultString: '' },
      v7int: { faultCode: 2, faultString: "Private methods (such as 'res.partner._x') cannot be called remotely." },
      odoo: { faultCode: 4, faultString: "Private methods (such as 'res.partner._x') cannot be called remotely." },
    },
  },
  AccessDenied: {
    error: new AccessDenied(),
    expect: {
      legacy: { faultCode: 'AccessDenied', faultString: 'Access denied.' },
      v7int: { faultCode: 3, faultString: 'Access denied.' },
      odoo: { faultCode: 3, faultString: 'Access Denied' },
    },
  },
  CallError: {
    error: new CallError("The method 'res.partner.nope' does not exist", 'AttributeError'),
    expect: {
      legacy: { faultCode: "The method 'res.partner.nope' does not exist", faultString: TB('AttributeError', "The method 'res.partner.nope' does not exist") },
      v7int: { faultCode: 1, faultString: TB('AttributeError', "The method 'res.partner.nope' does not exist") },
      odoo: { faultCode: 1, faultString: TB('AttributeError', "The method 'res.partner.nope' does not exist") },
    },
  },
  Unavailable: {
    error: new UnavailableError(new Error('connect ECONNREFUSED 127.0.0.1:5432')),
    expect: {
      legacy: { faultCode: 'Database unavailable, try again in a moment.', faultString: TB('OperationalError', 'Database unavailable, try again in a moment.') },
      v7int: { faultCode: 1, faultString: TB('OperationalError', 'Database unavailable, try again in a moment.') },
      odoo: { faultCode: 1, faultString: TB('OperationalError', 'Database unavailable, try again in a moment.') },
    },
  },
  InternalError: {
    error: new InternalError('ab12cd34', new Error('boom')),
    expect: {
      legacy: { faultCode: 'Internal server error (ref ab12cd34)', faultString: TB('Exception', 'Internal server error (ref ab12cd34)') },
      v7int: { faultCode: 1, faultString: TB('Exception', 'Internal server error (ref ab12cd34)') },
      odoo: { faultCode: 1, faultString: TB('Exception', 'Internal server error (ref ab12cd34)') },
    },
  },
};

describe('fault table', () => {
  it('has an entry for every error kind and every profile, and no other', () => {
    expect(Object.keys(FAULT_TABLE).sort()).toEqual(Object.keys(CASES).sort());
    for (const entry of Object.values(FAULT_TABLE)) expect(Object.keys(entry).sort()).toEqual([...PROFILES].sort());
  });

  for (const [kind, { error, expect: wanted }] of Object.entries(CASES)) {
    for (const profile of PROFILES) {
      it(`${kind} on the ${profile} profile`, () => {
        expect(faultFor(error, profile, { debugFaults: false })).toEqual(wanted[profile]);
      });
    }
  }

  it('integer codes are 1-4 and legacy codes strings, for every kind', () => {
    for (const { error } of Object.values(CASES)) {
      expect(typeof faultFor(error, 'legacy', { debugFaults: false }).faultCode).toBe('string');
      for (const p of ['v7int', 'odoo'] as const) {
        expect([1, 2, 3, 4]).toContain(faultFor(error, p, { debugFaults: false }).faultCode);
      }
    }
  });

  it('an AccessDenied with its own message keeps it on every profile', () => {
    const e = new AccessDenied('Database listing is disabled');
    expect(faultFor(e, 'odoo', { debugFaults: false }).faultString).toBe('Database listing is disabled');
    expect(faultFor(e, 'legacy', { debugFaults: false })).toEqual({ faultCode: 'AccessDenied', faultString: 'Database listing is disabled' });
  });
});

describe('errors that are not ours', () => {
  const bug = new Error('SQLITE_ERROR: no such column: x in SELECT * FROM res_users at /srv/app/src/orm/read.ts:12 on db-host-1');

  it('become an internal error with a ref, and the fault names only the ref', () => {
    const err = asAppError(bug);
    expect(err).toBeInstanceOf(InternalError);
    const ref = (err as InternalError).ref;
    expect(ref).toMatch(/^[0-9a-f]{8}$/);
    for (const profile of PROFILES) {
      const fault = faultFor(err, profile, { debugFaults: false });
      const text = `${fault.faultCode}\n${fault.faultString}`;
      expect(text).toContain(`Internal server error (ref ${ref})`);
      for (const leak of ['SELECT', 'SQLITE', '/srv/app', 'read.ts', 'db-host-1', '    at ']) expect(text).not.toContain(leak);
    }
  });

  it('thrown non-errors are wrapped too', () => {
    expect(asAppError('a string')).toBeInstanceOf(InternalError);
    expect(asAppError(undefined)).toBeInstanceOf(InternalError);
    expect(asAppError({ kind: 'UserError', message: 'fake' })).toBeInstanceOf(InternalError);
  });

  it('our own errors pass through unchanged', () => {
    const e = new UserError('x');
    expect(asAppError(e)).toBe(e);
  });

  it('with debugFaults the real stack is in the faultString', () => {
    const err = asAppError(bug);
    const fault = faultFor(err, 'odoo', { debugFaults: true });
    expect(fault.faultString).toContain('SQLITE_ERROR');
    expect(fault.faultString).toMatch(/Internal server error \(ref [0-9a-f]{8}\)$/);
  });
});

describe('errors of a database that cannot be reached', () => {
  const pgDown = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  const terminated = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
  const starting = Object.assign(new Error('the database system is starting up'), { code: '57P03' });
  const cut = new Error('Connection terminated unexpectedly');
  const wrapped = Object.assign(new Error('select failed'), { cause: pgDown });
  const sqliteBusy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

  it.each([
    ['a refused connection', pgDown], ['a terminated backend', terminated], ['a starting server', starting],
    ['a cut connection', cut], ['a wrapped driver error', wrapped], ['a locked SQLite file', sqliteBusy],
  ])('%s is an outage with a retryable fault, not an internal error', (_label, err) => {
    const app = asAppError(err);
    expect(app).toBeInstanceOf(UnavailableError);
    expect(faultFor(app, 'odoo', { debugFaults: false }).faultString).toMatch(/OperationalError: Database unavailable, try again/);
  });

  it('a query the database refused is not an outage', () => {
    const syntax = Object.assign(new Error('syntax error at or near "x"'), { code: '42601' });
    expect(asAppError(syntax)).toBeInstanceOf(InternalError);
  });
});
