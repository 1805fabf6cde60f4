// Date and datetime groups of read_group: the SQL that truncates a value to the start of its
// day/week/month/quarter/year on each backend, the group label in the caller's language
// (`MMMM yyyy` for months, as 7.0), and the period's bounds for `__domain`.
import type { Knex } from 'knex';
import type { Backend } from '../call-env';
import { formatDate } from '../fields/dates';

export const GRANULARITIES = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** An expression giving the period start as `YYYY-MM-DD` text (NULL stays NULL). */
export function truncateSql(knex: Knex, backend: Backend, column: string, g: Granularity): Knex.Raw {
  if (backend === 'pg') {
    return knex.raw(`to_char(date_trunc('${g}', ??::timestamp), 'YYYY-MM-DD')`, [column]);
  }
  switch (g) {
    case 'day': return knex.raw('date(??)', [column]);
    case 'week': return knex.raw(`date(??, '-6 days', 'weekday 1')`, [column]);
    case 'month': return knex.raw(`strftime('%Y-%m-01', ??)`, [column]);
    case 'year': return knex.raw(`strftime('%Y-01-01', ??)`, [column]);
    default:
      return knex.raw(
        `strftime('%Y', ??) || '-' || printf('%02d', ((cast(strftime('%m', ??) as integer) - 1) / 3) * 3 + 1) || '-01'`,
        [column, column],
      );
  }
}

function parse(start: string): Date {
  return new Date(`${start.slice(0, 10)}T00:00:00Z`);
}

/** The start of the next period: the exclusive upper bound of the group. */
export function periodEnd(start: string, g: Granularity): string {
  const d = parse(start);
  if (g === 'day') d.setUTCDate(d.getUTCDate() + 1);
  else if (g === 'week') d.setUTCDate(d.getUTCDate() + 7);
  else if (g === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
  else if (g === 'quarter') d.setUTCMonth(d.getUTCMonth() + 3);
  else d.setUTCFullYear(d.getUTCFullYear() + 1);
  return formatDate({ y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() });
}

function isoWeek(d: Date): { week: number; year: number } {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(t.getUTCFullYear(), 0, 1));
  return { week: Math.ceil(((t.getTime() - yearStart.getTime()) / 86400000 + 1) / 7), year: t.getUTCFullYear() };
}

function monthName(d: Date, lang: string, style: 'long' | 'short'): string {
  const locale = lang.replace('_', '-');
  try {
    return new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' }).format(d).replace(/\.$/, '');
  } catch {
    return new Intl.DateTimeFormat('en-US', { month: style, timeZone: 'UTC' }).format(d);
  }
}

/** The label Odoo shows for a date group (`August 2014`, `agosto 2014`, `W32 2014`, `Q3 2014`). */
export function periodLabel(start: string, g: Granularity, lang: string): string {
  const d = parse(start);
  const year = d.getUTCFullYear();
  switch (g) {
    case 'day': return `${String(d.getUTCDate()).padStart(2, '0')} ${monthName(d, lang, 'short')} ${year}`;
    case 'week': {
      const w = isoWeek(d);
      return `W${w.week} ${w.year}`;
    }
    case 'month': return `${monthName(d, lang, 'long')} ${year}`;
    case 'quarter': return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${year}`;
    default: return String(year);
  }
}
