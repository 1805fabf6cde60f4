// What an x2many write would leave linked, so hooks can tell a real change from a re-send of
// the same ids (clients often send every field on save).

/** The ids linked after applying `commands` to `current`; null when commands create or edit records. */
export function linkedAfter(current: number[], commands: unknown): number[] | null {
  if (!Array.isArray(commands)) return null;
  const ids = new Set(current);
  for (const c of commands) {
    // Odoo 8+ accept a bare list of ids as (6, 0, ids).
    if (typeof c === 'number') {
      return linkedAfter(current, [[6, 0, commands]]);
    }
    if (!Array.isArray(c)) return null;
    const [op, id, arg] = c as [number, number, unknown];
    if (op === 6) {
      ids.clear();
      for (const i of Array.isArray(arg) ? arg : []) ids.add(Number(i));
    } else if (op === 5) ids.clear();
    else if (op === 4) ids.add(Number(id));
    else if (op === 3 || op === 2) ids.delete(Number(id));
    else return null;
  }
  return [...ids].sort((a, b) => a - b);
}

/** The ids whose link would be added or removed; null when that cannot be told (creations). */
export function touchedIds(current: number[], commands: unknown): number[] | null {
  const after = linkedAfter(current, commands);
  if (after === null) return null;
  const before = new Set(current);
  const now = new Set(after);
  return [...new Set([...current.filter((i) => !now.has(i)), ...after.filter((i) => !before.has(i))])];
}

export function sameIds(a: number[], b: number[]): boolean {
  const sa = [...new Set(a)].sort((x, y) => x - y);
  const sb = [...new Set(b)].sort((x, y) => x - y);
  return sa.length === sb.length && sa.every((v, i) => v === sb[i]);
}
