// Display names of partners: a contact of a company reads "Company, Contact" (7.0 name_get), the
// name kept in complete_name and the one name_get shows.
import { selectRows, slots, type Env } from '../../src/orm/define';

/** "Company, Contact" for a partner with a company that is not itself a company, else its name. */
export function completeName(v: { name?: unknown; is_company?: unknown; 'parent_id.name'?: unknown }): string {
  const name = typeof v.name === 'string' ? v.name : '';
  const parent = v['parent_id.name'];
  return typeof parent === 'string' && parent !== '' && !v.is_company ? `${parent}, ${name}` : name;
}

export async function partnerDisplayNames(env: Env, ids: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (ids.length === 0) return out;
  // Compiled once per number of ids, run again with the ids of each call.
  const rows = await selectRows<{ id: number; name: string; is_company: unknown; parent_name: string | null }>(
    env, `res.partner:display-names:${ids.length}`, () => ({
      qb: env.cr('res_partner as p')
        .leftJoin('res_partner as parent', 'parent.id', 'p.parent_id')
        .whereIn('p.id', slots(ids.length))
        .select('p.id', 'p.name', 'p.is_company', 'parent.name as parent_name'),
    }), ids);
  for (const r of rows) {
    out.set(Number(r.id), completeName({ name: r.name, is_company: r.is_company === true || r.is_company === 1, 'parent_id.name': r.parent_name }));
  }
  return out;
}

/** Odoo reads a website typed without a scheme back with `http://`. */
export function normalizeWebsite(vals: Record<string, unknown>): void {
  const w = vals.website;
  if (typeof w === 'string' && w !== '' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(w)) vals.website = `http://${w}`;
}
