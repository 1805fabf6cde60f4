// How values print for a reader: dates, times and numbers in the formats of their res.lang row,
// and the footer's page numbers in their language.
import type { OrmEnv } from '../orm/env';

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

export async function localeOf(env: OrmEnv, lang: string): Promise<ReportLocale> {
  const [row] = await env.sudo().model('res.lang').searchRead([['code', '=', lang]],
    ['date_format', 'time_format', 'decimal_point', 'thousands_sep']);
  const dateFormat = typeof row?.date_format === 'string' ? row.date_format : '%m/%d/%Y';
  const timeFormat = (typeof row?.time_format === 'string' ? row.time_format : '%H:%M:%S').replace(/:%S/, '');
  const point = typeof row?.decimal_point === 'string' ? row.decimal_point : '.';
  const sep = typeof row?.thousands_sep === 'string' ? row.thousands_sep : ',';
  const parts = (v: unknown): Record<string, string> | null => {
    const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?/.exec(v) : null;
    return m ? { Y: m[1], y: m[1].slice(2), m: m[2], d: m[3], H: m[4] ?? '00', M: m[5] ?? '00', S: m[6] ?? '00' } : null;
  };
  return {
    date: (v) => { const p = parts(v); return p ? strftime(dateFormat, p) : ''; },
    datetime: (v) => { const p = parts(v); return p ? `${strftime(dateFormat, p)} ${strftime(timeFormat, p)}` : ''; },
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
