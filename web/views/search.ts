// The search view as data: fields searched by the search box, named filters with their domain,
// and the group-by choices; and the domain a search box text plus chosen filters make.
import { parsePyLiteral, type PyValue } from './py-literal';
import type { Fields } from './interpret';
import { parseXml, type XmlNode } from './xml';

export interface SearchFilter { key: string; string: string; domain: PyValue[] }
export interface SearchGroupBy { key: string; string: string; field: string }
export interface SearchView { fields: { name: string; string: string }[]; filters: SearchFilter[]; groupBys: SearchGroupBy[] }

const TEXT_SEARCHABLE = new Set(['char', 'text', 'many2one', 'selection', 'html']);

export function interpretSearch(arch: string, fields: Fields): SearchView {
  const view: SearchView = { fields: [], filters: [], groupBys: [] };
  const walk = (node: XmlNode) => {
    for (const c of node.children) {
      if (typeof c === 'string') continue;
      if (c.tag === 'field' && fields[c.attrs.name] && TEXT_SEARCHABLE.has(fields[c.attrs.name].type)) {
        view.fields.push({ name: c.attrs.name, string: c.attrs.string ?? fields[c.attrs.name].string });
      } else if (c.tag === 'filter') {
        const key = c.attrs.name ?? c.attrs.string ?? String(view.filters.length + view.groupBys.length);
        const context = c.attrs.context ? parsePyLiteral(c.attrs.context) as Record<string, PyValue> : {};
        if (typeof context.group_by === 'string') view.groupBys.push({ key, string: c.attrs.string ?? key, field: context.group_by });
        else view.filters.push({ key, string: c.attrs.string ?? key, domain: c.attrs.domain ? parsePyLiteral(c.attrs.domain) as PyValue[] : [] });
      } else walk(c);
    }
  };
  walk(parseXml(arch));
  return view;
}

/** OR of n domains in prefix notation. */
function anyOf(domains: PyValue[][]): PyValue[] {
  const parts = domains.filter((d) => d.length);
  if (parts.length === 0) return [];
  return [...Array(parts.length - 1).fill('|'), ...parts.flat()];
}

/** The text matches any search field; chosen filters are OR-ed together, then AND-ed with the text. */
export function searchDomain(view: SearchView, text: string, chosen: string[]): PyValue[] {
  const out: PyValue[] = [];
  const needle = text.trim();
  if (needle) out.push(...anyOf(view.fields.map((f) => [[f.name, 'ilike', needle]])));
  const filters = view.filters.filter((f) => chosen.includes(f.key));
  if (filters.length) out.push(...anyOf(filters.map((f) => f.domain)));
  return out;
}
