// Display names of partners: a contact of a company reads "Company, Contact" (7.0 name_get), the
// name kept in complete_name, which name_get and many2one names show.
import { selectRows, slots, type Env } from '../../src/orm/define';

/** "Company, Contact" for a partner with a company that is not itself a company, else its name. */
export function completeName(v: { name?: unknown; is_company?: unknown; 'parent_id.name'?: unknown }): string {
  const name = typeof v.name === 'string' ? v.name : '';
  const parent = v['parent_id.name'];
  return typeof parent === 'string' && parent !== '' && !v.is_company ? `${parent}, ${name}` : name;
}

/** The display names of partners: their stored complete names, kept up to date on every write. */
export async function storedCompleteNames(env: Env, ids: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (ids.length === 0) return out;
  // Compiled once per number of ids, run again with the ids of each call.
  const rows = await selectRows<{ id: number; complete_name: string | null }>(
    env, `res.partner:complete-names:${ids.length}`, () => ({
      qb: env.cr('res_partner').whereIn('id', slots(ids.length)).select('id', 'complete_name'),
    }), ids);
  for (const r of rows) out.set(Number(r.id), r.complete_name ?? '');
  return out;
}

/** Odoo reads a website typed without a scheme back with `http://`. */
export function normalizeWebsite(vals: Record<string, unknown>): void {
  const w = vals.website;
  if (typeof w === 'string' && w !== '' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(w)) vals.website = `http://${w}`;
}
