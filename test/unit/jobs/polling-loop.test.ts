// The loop every background worker runs (mail sender, sync sender): when it goes again, when it
// sleeps, what ends a sleep early, how it backs off while rounds fail, and how it stops. The
// clock is jest's fake one, so nothing here waits for real time.
import { startPollingLoop, type PollingLoop, type RoundOutcome } from '../../../src/jobs/polling-loop';
import { createWakeup } from '../../../src/jobs/wakeup';

const POLL_MS = 10_000;
const BACKOFF = { baseMs: 1000, maxMs: 60_000 };

/** Lets the loop run every step that waits on no timer. */
const settle = () => jest.advanceTimersByTimeAsync(0);

interface Harness {
  loop: PollingLoop<RoundOutcome>;
  wakeup: ReturnType<typeof createWakeup>;
  rounds: () => number;
  /** Makes the next round wait until the returned function is called. */
  holdNextRound(): () => void;
  errors: unknown[];
}

/** A loop whose n-th round (1-based) ends as `outcomeOf(n)` says, or throws when it says 'throw'. */
function start(outcomeOf: (n: number) => RoundOutcome | 'throw', loop = true, wakeDuringBackoff = false): Harness {
  const wakeup = createWakeup();
  const errors: unknown[] = [];
  let count = 0;
  let gate: Promise<void> | null = null;
  const h: Harness = {
    wakeup, errors,
    rounds: () => count,
    holdNextRound() {
      let open!: () => void;
      gate = new Promise((resolve) => { open = resolve; });
      return () => open();
    },
    loop: startPollingLoop<RoundOutcome>({
      async round() {
        const n = ++count;
        const held = gate;
        gate = null;
        if (held) await held;
        const o = outcomeOf(n);
        if (o === 'throw') throw new Error(`round ${n} failed`);
        return o;
      },
      outcome: (o) => o,
      onRoundError: (err) => {
        errors.push(err);
        return 'idle';
      },
      pollMs: POLL_MS,
      backoff: BACKOFF,
      wakeup,
      loop,
      wakeDuringBackoff,
      random: () => 1,
    }),
  };
  return h;
}

describe('the polling loop of a worker', () => {
  let h: Harness | null = null;
  beforeEach(() => { jest.useFakeTimers(); });
  afterEach(async () => {
    const stopping = h?.loop.stop();
    await jest.runOnlyPendingTimersAsync();
    await stopping;
    h = null;
    jest.useRealTimers();
  });

  it('runs a round at once, then one per poll while there is nothing to do', async () => {
    h = start(() => 'idle');
    await settle();
    expect(h.rounds()).toBe(1);
    await jest.advanceTimersByTimeAsync(POLL_MS - 1);
    expect(h.rounds()).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(h.rounds()).toBe(2);
  });

  it('goes again at once after a busy round', async () => {
    h = start((n) => (n <= 3 ? 'busy' : 'idle'));
    await settle();
    expect(h.rounds()).toBe(4);
  });

  it('is woken from its sleep by a committed change, in any database', async () => {
    h = start(() => 'idle');
    await settle();
    h.wakeup.notify('some_db');
    await settle();
    expect(h.rounds()).toBe(2);
  });

  it('does not miss a change committed while a round was running', async () => {
    h = start(() => 'idle');
    await settle();
    const open = h.holdNextRound();
    h.wakeup.notify('db');
    await settle();
    expect(h.rounds()).toBe(2);
    h.wakeup.notify('db');
    open();
    await settle();
    expect(h.rounds()).toBe(3);
    // The wake-up was used once: the loop sleeps again until the poll.
    await jest.advanceTimersByTimeAsync(POLL_MS - 1);
    expect(h.rounds()).toBe(3);
  });

  it('backs off longer after each failing round, deaf to wake-ups, and starts over once a round succeeds', async () => {
    h = start((n) => (n <= 2 || n === 4 ? 'failing' : 'idle'));
    await settle();
    expect(h.rounds()).toBe(1);
    h.wakeup.notify('db');
    await jest.advanceTimersByTimeAsync(BACKOFF.baseMs - 1);
    expect(h.rounds()).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(h.rounds()).toBe(2);
    await jest.advanceTimersByTimeAsync(2 * BACKOFF.baseMs - 1);
    expect(h.rounds()).toBe(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(h.rounds()).toBe(3);
    // Round 3 succeeded and found nothing; round 4 fails again after a wake-up: a first backoff.
    h.wakeup.notify('db');
    await settle();
    expect(h.rounds()).toBe(4);
    await jest.advanceTimersByTimeAsync(BACKOFF.baseMs);
    expect(h.rounds()).toBe(5);
  });

  it('when asked, is woken from a backoff too, and backs off further if the round fails again', async () => {
    h = start((n) => (n <= 2 ? 'failing' : 'idle'), true, true);
    await settle();
    expect(h.rounds()).toBe(1);
    h.wakeup.notify('db');
    await settle();
    expect(h.rounds()).toBe(2);
    // Round 2 failed too: the second backoff is twice the first, and a wake-up ends it as well.
    await jest.advanceTimersByTimeAsync(2 * BACKOFF.baseMs - 1);
    expect(h.rounds()).toBe(2);
    h.wakeup.notify('db');
    await settle();
    expect(h.rounds()).toBe(3);
  });

  it('caps the backoff', async () => {
    h = start(() => 'failing');
    await jest.advanceTimersByTimeAsync(BACKOFF.maxMs * 20);
    // 1, 2, 4, 8, 16, 32 s, then a minute each.
    const uncapped = 1 + 2 + 4 + 8 + 16 + 32;
    expect(h.rounds()).toBe(1 + 6 + Math.floor((BACKOFF.maxMs * 20 - uncapped * 1000) / BACKOFF.maxMs));
  });

  it('reports a round that threw and carries on', async () => {
    h = start((n) => (n === 1 ? 'throw' : 'idle'));
    await settle();
    expect(h.errors.map((e) => (e as Error).message)).toEqual(['round 1 failed']);
    await jest.advanceTimersByTimeAsync(POLL_MS);
    expect(h.rounds()).toBe(2);
  });

  it('stops at once while asleep, and runs no round after stop()', async () => {
    h = start(() => 'idle');
    await settle();
    await h.loop.stop();
    await jest.advanceTimersByTimeAsync(POLL_MS * 3);
    h.wakeup.notify('db');
    await settle();
    expect(h.rounds()).toBe(1);
  });

  /** stop() is called while a held round runs: it must not resolve before the round ends. */
  async function expectStopToWaitForRound(running: Harness, endRound: () => void): Promise<void> {
    let stopped = false;
    const stopping = running.loop.stop().then(() => { stopped = true; });
    await settle();
    expect(stopped).toBe(false);
    endRound();
    await stopping;
    expect(stopped).toBe(true);
  }

  it('waits for the round in progress when stopped', async () => {
    h = start(() => 'idle');
    await settle();
    const open = h.holdNextRound();
    h.wakeup.notify('db');
    await settle();
    await expectStopToWaitForRound(h, open);
    expect(h.rounds()).toBe(2);
  });

  it('waits for a round a caller started when stopped, even without the loop', async () => {
    h = start(() => 'busy', false);
    const open = h.holdNextRound();
    void h.loop.drainOnce();
    await expectStopToWaitForRound(h, open);
  });

  it('shares the round in progress with a caller of drainOnce', async () => {
    h = start(() => 'busy', false);
    const open = h.holdNextRound();
    const a = h.loop.drainOnce();
    const b = h.loop.drainOnce();
    open();
    expect(await a).toBe('busy');
    expect(await b).toBe('busy');
    expect(h.rounds()).toBe(1);
    await h.loop.drainOnce();
    expect(h.rounds()).toBe(2);
  });
});
