// The graph view as data: the dimensions a person may group by (with a date interval), and the
// durations to average (from one datetime field to another); and the rows of a pivot table.
import type { Fields } from './interpret';
import { parseXml, type XmlNode } from './xml';

export interface Dimension { name: string; label: string; interval?: string; groupBy: string }
export interface Duration { from: string; to: string; label: string }
export interface GraphView { title: string; dimensions: Dimension[]; durations: Duration[] }

export function interpretGraph(arch: string, fields: Fields): GraphView {
  const root = parseXml(arch);
  const view: GraphView = { title: root.attrs.string ?? '', dimensions: [], durations: [] };
  for (const c of root.children) {
    if (typeof c === 'string' || c.tag !== 'field' || !fields[c.attrs.name]) continue;
    const node: XmlNode = c;
    const label = node.attrs.string ?? fields[node.attrs.name].string;
    if (node.attrs.type === 'duration' && node.attrs.from && fields[node.attrs.from]) {
      view.durations.push({ from: node.attrs.from, to: node.attrs.name, label });
    } else {
      const interval = node.attrs.interval;
      view.dimensions.push({ name: node.attrs.name, label, interval, groupBy: interval ? `${node.attrs.name}:${interval}` : node.attrs.name });
    }
  }
  return view;
}

export interface Cell { row: string; col: string; count: number }

/** Rows × columns of counts with their totals, labels in first-seen order. */
export function pivot(cells: Cell[]): { rows: string[]; cols: string[]; count: (r: string, c: string) => number; rowTotal: (r: string) => number; colTotal: (c: string) => number; total: number } {
  const rows = [...new Set(cells.map((c) => c.row))];
  const cols = [...new Set(cells.map((c) => c.col))];
  const at = new Map<string, number>();
  for (const c of cells) at.set(`${c.row}\u0000${c.col}`, (at.get(`${c.row}\u0000${c.col}`) ?? 0) + c.count);
  const count = (r: string, c: string) => at.get(`${r}\u0000${c}`) ?? 0;
  return {
    rows, cols, count,
    rowTotal: (r) => cols.reduce((s, c) => s + count(r, c), 0),
    colTotal: (c) => rows.reduce((s, r) => s + count(r, c), 0),
    total: cells.reduce((s, c) => s + c.count, 0),
  };
}

/** Mean days between two server datetimes over the records that have both. */
export function meanDays(records: Record<string, unknown>[], d: Duration): number | null {
  const spans = records
    .filter((r) => typeof r[d.from] === 'string' && typeof r[d.to] === 'string')
    .map((r) => (Date.parse(`${String(r[d.to]).replace(' ', 'T')}Z`) - Date.parse(`${String(r[d.from]).replace(' ', 'T')}Z`)) / 86_400_000);
  return spans.length ? spans.reduce((a, b) => a + b, 0) / spans.length : null;
}
