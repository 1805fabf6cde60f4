// Parsing and formatting of the server's date formats (`YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS`, UTC),
// shared by the date and datetime fields and by read_group.

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?)?$/;

export interface DateParts {
  y: number; m: number; d: number; hh: number; mm: number; ss: number; hasTime: boolean;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Parses a server-format string, checking that the calendar date and time exist. */
export function parseServerDate(s: string): DateParts | null {
  const m = DATE_TIME.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hh, mm, ss] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (mo < 1 || mo > 12 || d < 1 || hh > 23 || mm > 59 || ss > 59) return null;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCDate() !== d || probe.getUTCMonth() !== mo - 1) return null;
  return { y, m: mo, d, hh, mm, ss, hasTime: m[4] !== undefined };
}

export function formatDate(p: { y: number; m: number; d: number }): string {
  return `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}`;
}

export function formatDateTime(p: DateParts): string {
  return `${formatDate(p)} ${pad(p.hh)}:${pad(p.mm)}:${pad(p.ss)}`;
}

export function partsOfUtc(d: Date): DateParts {
  return {
    y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(),
    hh: d.getUTCHours(), mm: d.getUTCMinutes(), ss: d.getUTCSeconds(), hasTime: true,
  };
}

/**
 * node-postgres turns `date` and `timestamp without time zone` columns into Dates in the
 * process's local zone, so the wall-clock fields are the local ones.
 */
export function partsOfLocal(d: Date): DateParts {
  return {
    y: d.getFullYear(), m: d.getMonth() + 1, d: d.getDate(),
    hh: d.getHours(), mm: d.getMinutes(), ss: d.getSeconds(), hasTime: true,
  };
}

/** The wall-clock parts of an instant in an IANA timezone (UTC when the zone is empty or unknown). */
export function partsInZone(at: Date, tz: unknown): DateParts {
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: typeof tz === 'string' && tz ? tz : 'UTC', hourCycle: 'h23', year: 'numeric', month: 'numeric',
      day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
  } catch {
    return partsOfUtc(at);
  }
  const n: Record<string, number> = {};
  for (const part of fmt.formatToParts(at)) if (part.type !== 'literal') n[part.type] = Number(part.value);
  return { y: n.year, m: n.month, d: n.day, hh: n.hour, mm: n.minute, ss: n.second, hasTime: true };
}

/** Now, in UTC, cut to the second: the value of create_date / write_date. */
export function nowUtc(): string {
  return formatDateTime(partsOfUtc(new Date()));
}
