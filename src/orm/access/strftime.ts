// The few strftime directives a record rule may use (`time.strftime('%Y-%m-%d')` in 7.0), in UTC:
// the server keeps every date in UTC, so "today" in a rule is the UTC day.

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function dayOfYear(d: Date): number {
  return Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}

const DIRECTIVES: Record<string, (d: Date) => string> = {
  Y: (d) => pad(d.getUTCFullYear(), 4),
  y: (d) => pad(d.getUTCFullYear() % 100),
  m: (d) => pad(d.getUTCMonth() + 1),
  d: (d) => pad(d.getUTCDate()),
  H: (d) => pad(d.getUTCHours()),
  M: (d) => pad(d.getUTCMinutes()),
  S: (d) => pad(d.getUTCSeconds()),
  j: (d) => pad(dayOfYear(d), 3),
  '%': () => '%',
};

/** Formats `now` with `fmt`; an unknown directive is kept as written, as C's strftime does. */
export function strftimeUtc(fmt: string, now: Date): string {
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const f = fmt[i] === '%' ? DIRECTIVES[fmt[i + 1] ?? ''] : undefined;
    if (f) {
      out += f(now);
      i++;
    } else {
      out += fmt[i];
    }
  }
  return out;
}

/** Whether every directive of `fmt` is one strftimeUtc knows. */
export function knownStrftime(fmt: string): boolean {
  for (let i = 0; i < fmt.length; i++) {
    if (fmt[i] !== '%') continue;
    if (!Object.prototype.hasOwnProperty.call(DIRECTIVES, fmt[i + 1] ?? '')) return false;
    i++;
  }
  return true;
}
