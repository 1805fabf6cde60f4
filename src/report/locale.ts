// How values print for a reader: dates, times and numbers in the formats of their res.lang row,
// datetimes (stored in UTC) in the reader's timezone, and the footer's page numbers in their language.
import type { OrmEnv } from '../orm/env';
import { partsInZone } from '../orm/fields/dates';

export interface ReportLocale {
  date(value: unknown): string;
  datetime(value: unknown): string;
  number(value: unknown, digits?: number): string;
  /** The footer's page number, with `{page}` and `{pages}` to fill in. */
  pageLabel: string;
}

const PAGE_WORDS: Record<string, string> = {
  es: 'Página {page} de {pages}',
  en: 'Page {page} of {pages}',
};

/** Python's strftime codes that res.lang formats use, applied to the parts of a UTC text value. */
function strftime(format: string, parts: Record<string, string>): string {
  return format.replace(/%([a-zA-Z%])/g, (m, code: string) => (code === '%' ? '%' : parts[code] ?? m));
}

type Parts = Record<string, string>;

/** The parts of a stored value: a date, or a UTC datetime moved into `tz` (an IANA name; UTC when unknown). */
export function valueParts(v: unknown, tz = 'UTC'): Parts | null {
  const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?/.exec(v) : null;
  if (!m) return null;
  const stored: Parts = { Y: m[1], y: m[1].slice(2), m: m[2], d: m[3], H: m[4] ?? '00', M: m[5] ?? '00', S: m[6] ?? '00' };
  if (m[4] === undefined || tz === 'UTC') return stored;
  const z = partsInZone(new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`), tz);
  const two = (n: number): string => String(n).padStart(2, '0');
  const year = String(z.y).padStart(4, '0');
  return { Y: year, y: year.slice(2), m: two(z.m), d: two(z.d), H: two(z.hh), M: two(z.mm), S: two(z.ss) };
}

export async function localeOf(env: OrmEnv, lang: string, tz = 'UTC'): Promise<ReportLocale> {
  const [row] = await env.sudo().model('res.lang').searchRead([['code', '=', lang]],
    ['date_format', 'time_format', 'decimal_point', 'thousands_sep']);
  const dateFormat = typeof row?.date_format === 'string' ? row.date_format : '%m/%d/%Y';
  const timeFormat = (typeof row?.time_format === 'string' ? row.time_format : '%H:%M:%S').replace(/:%S/, '');
  const point = typeof row?.decimal_point === 'string' ? row.decimal_point : '.';
  const sep = typeof row?.thousands_sep === 'string' ? row.thousands_sep : ',';
  return {
    date: (v) => { const p = valueParts(v); return p ? strftime(dateFormat, p) : ''; },
    datetime: (v) => { const p = valueParts(v, tz); return p ? `${strftime(dateFormat, p)} ${strftime(timeFormat, p)}` : ''; },
    number(v, digits = 2) {
      const n = typeof v === 'number' ? v : Number(v);
      if (!Number.isFinite(n)) return '';
      const [int, frac] = Math.abs(n).toFixed(digits).split('.');
      const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
      return `${n < 0 ? '-' : ''}${grouped}${frac ? point + frac : ''}`;
    },
    pageLabel: PAGE_WORDS[lang.split('_')[0]] ?? PAGE_WORDS.en,
  };
}
