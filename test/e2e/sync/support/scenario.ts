// Helpers for the many-request scenarios: run calls a few at a time, make a batch of requests go
// through different histories at the help center, and read what each side ended with.
import type { Center } from './centers';

export const REQ = 'helpdesk.request';
type Row = Record<string, unknown>;

/** Runs `fn` over `items`, `width` at a time (a few clients working at once). */
export async function inParallel<T>(items: T[], width: number, fn: (item: T, i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: width }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  });
  await Promise.all(lanes);
}

/** The history request `i` of a batch goes through at the help center, and its final state. */
export const HISTORIES: { signals: string[]; final: string }[] = [
  { signals: [], final: 'notified' },
  { signals: ['cancel'], final: 'cancelled' },
  { signals: ['cancel', 'reset', 'notify'], final: 'notified' },
  { signals: ['close'], final: 'closed' },
];

/** Creates and notifies `n` requests at `hc` for `server`, then plays each one's history. Returns ids. */
export async function playHistories(hc: Center, server: number, n: number, width = 4): Promise<number[]> {
  const ids: number[] = new Array(n);
  await inParallel([...Array(n).keys()], width, async (i) => {
    const help = hc.as('ayuda');
    const id = (await help(REQ, 'create', [{ subject: `Solicitud ${i}`, category: 'functional', support_server_id: server }])) as number;
    ids[i] = id;
    await help(REQ, 'signal_workflow', [[id], 'notify']);
    for (const signal of HISTORIES[i % HISTORIES.length].signals) {
      if (signal === 'close') {
        const sol = await help('helpdesk.solution', 'create', [{ name: `Solución ${i}`, date_deadline: '2030-01-01' }]);
        await help(REQ, 'write', [[id], { solution_ids: [[4, sol]] }]);
      }
      await help(REQ, 'signal_workflow', [[id], signal]);
    }
  });
  return ids;
}

/** Messages each history queues: the push, then one per later change (a notify pushes again). */
export function queuedFor(n: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) total += 1 + HISTORIES[i % HISTORIES.length].signals.length;
  return total;
}

/** The requests `c` received from its peer, by the peer's reference: id, state. */
export async function received(c: Center): Promise<Map<string, { id: number; state: string }>> {
  const rows = (await c.as('admin')(REQ, 'search_read', [[['origin_ref', '!=', false]]], { fields: ['origin_ref', 'state'] })) as Row[];
  const out = new Map<string, { id: number; state: string }>();
  for (const r of rows) {
    if (out.has(String(r.origin_ref))) throw new Error(`request ${String(r.origin_ref)} arrived twice`);
    out.set(String(r.origin_ref), { id: Number(r.id), state: String(r.state) });
  }
  return out;
}

/** The tracked state changes of each request of `c` ("Notified → Cancelled"), in order. */
export async function trackedByRequest(c: Center): Promise<Map<number, string[]>> {
  const msgs = (await c.as('admin')('mail.message', 'search_read', [[['model', '=', REQ]]], { fields: ['res_id', 'body'], order: 'id' })) as Row[];
  const out = new Map<number, string[]>();
  for (const m of msgs) {
    const body = String(m.body);
    if (!body.includes('→')) continue;
    const line = body.replace(/<[^>]+>/g, '').replace(/^.*: /, '');
    out.set(Number(m.res_id), [...(out.get(Number(m.res_id)) ?? []), line]);
  }
  return out;
}
