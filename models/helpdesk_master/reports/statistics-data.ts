// The figures of the statistics report, computed from the requests the reader may read:
// counts by state × category and by support center, opened and closed per month, and the mean
// and 90th percentile of the time from filing to closing.
import type { Row } from './common';

/** Months shown at most (the latest ones): two years fit the page. */
export const MAX_MONTHS = 24;

export interface RequestFigures {
  total: number;
  /** state -> category -> count */
  byStateCategory: Map<string, Map<string, number>>;
  /** support center name ('' for this center) -> count */
  byCenter: Map<string, number>;
  /** 'YYYY-MM' -> [opened, closed], months in order */
  byMonth: Map<string, [number, number]>;
  /** Hours from `date` to `date_closed` of the closed requests, sorted. */
  hoursToClose: number[];
}

const hoursBetween = (from: string, to: string): number =>
  (Date.parse(`${to.replace(' ', 'T')}Z`) - Date.parse(`${from.replace(' ', 'T')}Z`)) / 3_600_000;

function monthsFrom(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) { m = 1; y++; }
  }
  return out;
}

export function requestFigures(rows: Row[]): RequestFigures {
  const byStateCategory = new Map<string, Map<string, number>>();
  const byCenter = new Map<string, number>();
  const opened = new Map<string, number>();
  const closed = new Map<string, number>();
  const hoursToClose: number[] = [];
  const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const r of rows) {
    const state = String(r.state ?? '');
    if (!byStateCategory.has(state)) byStateCategory.set(state, new Map());
    bump(byStateCategory.get(state)!, String(r.category ?? ''));
    bump(byCenter, Array.isArray(r.support_server_id) ? String(r.support_server_id[1]) : '');
    const date = typeof r.date === 'string' ? r.date : '';
    const done = typeof r.date_closed === 'string' ? r.date_closed : '';
    if (date) bump(opened, date.slice(0, 7));
    if (done) bump(closed, done.slice(0, 7));
    if (date && done && r.state === 'closed') hoursToClose.push(Math.max(0, hoursBetween(date, done)));
  }
  const months = [...opened.keys(), ...closed.keys()].sort();
  const byMonth = new Map<string, [number, number]>();
  if (months.length) {
    const span = monthsFrom(months[0], months[months.length - 1]).slice(-MAX_MONTHS);
    for (const m of span) byMonth.set(m, [opened.get(m) ?? 0, closed.get(m) ?? 0]);
  }
  return { total: rows.length, byStateCategory, byCenter, byMonth, hoursToClose: hoursToClose.sort((a, b) => a - b) };
}

export function mean(values: number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** The nearest-rank percentile (the smallest value with at least p% of the values at or below it). */
export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
