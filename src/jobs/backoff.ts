// Exponential backoff with jitter, for whatever is retried (a mail, a peer, a refused message):
// the n-th retry waits about base * 2^(n-1), capped, and spread over [half, full] of that so that
// many senders, or many items that failed together, do not retry in step.

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export function retryDelayMs(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 40)));
  return Math.round(exp / 2 + (random() * exp) / 2);
}
