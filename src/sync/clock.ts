// The backoff of peers and of refused messages.

/**
 * The n-th retry waits about base * 2^(n-1), capped, spread over [half, full] of that so that
 * many senders (or many messages) do not retry in step.
 */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 40)));
  return Math.round(exp / 2 + (random() * exp) / 2);
}
