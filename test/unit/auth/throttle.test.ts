// The failure throttle: the limit, the cooldown measured from the last counted failure, refusals
// that do not extend it, and the bound on remembered keys.
import { Throttle } from '../../../src/auth/throttle';

function throttle(capacity?: number) {
  const clock = { now: 1_000_000 };
  return { clock, t: new Throttle({ maxFailures: 3, cooldownMs: 60_000, now: () => clock.now, capacity }) };
}

describe('throttle', () => {
  test('a key is blocked once it reaches the limit, not before', () => {
    const { t } = throttle();
    t.fail('a');
    t.fail('a');
    expect(t.blocked('a')).toBe(false);
    t.fail('a');
    expect(t.blocked('a')).toBe(true);
    expect(t.blocked('b')).toBe(false);
  });

  test('the block ends a cooldown after the last failure, and checking does not extend it', () => {
    const { t, clock } = throttle();
    for (let i = 0; i < 3; i++) t.fail('a');
    clock.now += 30_000;
    expect(t.blocked('a')).toBe(true);
    clock.now += 29_999;
    expect(t.blocked('a')).toBe(true);
    clock.now += 1;
    expect(t.blocked('a')).toBe(false);
    t.fail('a');
    expect(t.blocked('a')).toBe(false);
  });

  test('failures spread wider than the cooldown never add up', () => {
    const { t, clock } = throttle();
    for (let i = 0; i < 10; i++) {
      t.fail('a');
      t.fail('a');
      clock.now += 60_000;
    }
    expect(t.blocked('a')).toBe(false);
  });

  test('reset forgets a key', () => {
    const { t } = throttle();
    for (let i = 0; i < 3; i++) t.fail('a');
    t.reset('a');
    expect(t.blocked('a')).toBe(false);
  });

  test('memory is bounded: the stalest keys are forgotten first', () => {
    const { t } = throttle(2);
    for (let i = 0; i < 3; i++) t.fail('old');
    for (let i = 0; i < 3; i++) t.fail('mid');
    for (let i = 0; i < 3; i++) t.fail('new');
    expect(t.blocked('old')).toBe(false);
    expect(t.blocked('mid')).toBe(true);
    expect(t.blocked('new')).toBe(true);
  });
});
