// A fixture shared by the tests of one describe block (a database with its modules installed is
// too slow to make per test): opened before the block's first test, closed after its last.

/**
 * Registers the block's beforeAll/afterAll and returns a stand-in for the fixture: each property
 * a test reads is read from the opened fixture at that moment (methods bound to it). Reading it
 * outside a test, before it is open, is a mistake in the test and fails loudly.
 */
export function suiteFixture<T extends object>(open: () => Promise<T>, close: (fixture: T) => Promise<void>): T {
  let current: T | null = null;
  beforeAll(async () => {
    current = await open();
  });
  afterAll(async () => {
    const opened = current;
    current = null;
    if (opened) await close(opened);
  });
  return new Proxy({} as T, {
    get(_target, key) {
      if (!current) throw new Error(`the fixture is not open: read ${String(key)} inside a test`);
      const value: unknown = Reflect.get(current, key);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(current) : value;
    },
  });
}
