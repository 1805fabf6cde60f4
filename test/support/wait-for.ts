// Waiting in tests for what happens in the background (a sender, another process, a server).

/** Polls until `cond` holds; fails (does not hang) when it never does. */
export async function waitFor(
  cond: () => Promise<boolean> | boolean, what: string, limitMs = 30_000, everyMs = 25,
): Promise<void> {
  const end = Date.now() + limitMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
