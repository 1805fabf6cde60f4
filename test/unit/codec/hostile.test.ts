// Every hostile body is refused with the right kind of fault, and a message that says why.
import { CallError } from '../../../src/errors';
import { parseMethodCall } from '../../../src/rpc/codec';
import { HOSTILE_CASES } from './hostile-cases';

function failure(body: Buffer): CallError {
  try {
    const parsed = parseMethodCall(body);
    throw new Error(`accepted: ${JSON.stringify(parsed).slice(0, 200)}`);
  } catch (err) {
    if (err instanceof CallError) return err;
    throw err;
  }
}

describe('hostile request bodies', () => {
  it('are many and uniquely named', () => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(HOSTILE_CASES.map((c) => c.name)).size).toBe(HOSTILE_CASES.length);
  });

  it.each(HOSTILE_CASES.map((c) => [c.name, c] as const))('refuses %s', (_name, c) => {
    const err = failure(c.body);
    expect(err.pyType).toBe(c.pyType);
    expect(err.message).toMatch(c.message);
  });
});
