// Values as people read them: dates and numbers in the chosen language, datetimes in the
// user's time zone (the server keeps UTC "YYYY-MM-DD HH:MM:SS"), selections by their label.
import { locale, t } from './i18n';
import type { FieldInfo } from './views/interpret';

let timeZone: string | undefined;
export function setTimeZone(tz: string | false | undefined): void {
  timeZone = tz || undefined;
  try { new Intl.DateTimeFormat('en', { timeZone }); } catch { timeZone = undefined; }
}

const pad = (n: number): string => String(n).padStart(2, '0');

function utcMillis(server: string): number {
  const [d, tm = '00:00:00'] = server.split(' ');
  const [y, mo, da] = d.split('-').map(Number);
  const [h, mi, s] = tm.split(':').map(Number);
  return Date.UTC(y, mo - 1, da, h, mi, s || 0);
}

/** The wall-clock parts of an instant in the user's zone. */
function wallParts(ms: number): Record<string, number> {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(ms));
  const out: Record<string, number> = {};
  for (const p of parts) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** "YYYY-MM-DDTHH:MM" of a server datetime, in the user's zone, for <input type="datetime-local">. */
export function datetimeToInput(server: string | false): string {
  if (!server) return '';
  const w = wallParts(utcMillis(server));
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** A datetime-local value in the user's zone back to the server's UTC text. */
export function inputToDatetime(local: string): string | false {
  if (!local) return false;
  const [d, tm] = local.split('T');
  const wall = utcMillis(`${d} ${tm}:00`);
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const w = wallParts(guess);
    const seen = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    guess += wall - seen;
  }
  const u = new Date(guess);
  return `${u.getUTCFullYear()}-${pad(u.getUTCMonth() + 1)}-${pad(u.getUTCDate())} ${pad(u.getUTCHours())}:${pad(u.getUTCMinutes())}:${pad(u.getUTCSeconds())}`;
}

export function formatDatetime(server: string | false): string {
  if (!server) return '';
  return new Intl.DateTimeFormat(locale(), { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(utcMillis(server)));
}

export function formatDate(server: string | false): string {
  if (!server) return '';
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', dateStyle: 'short' }).format(new Date(utcMillis(server.slice(0, 10))));
}

export function formatNumber(n: number, digits?: number): string {
  return new Intl.NumberFormat(locale(), digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** The text of any field value, as a list cell shows it. */
export function formatValue(value: unknown, field: FieldInfo): string {
  if (value === false || value === null || value === undefined) return '';
  switch (field.type) {
    case 'many2one': return Array.isArray(value) ? String(value[1]) : String(value);
    case 'one2many': case 'many2many': return Array.isArray(value) ? `(${value.length})` : '';
    case 'selection': return field.selection?.find(([k]) => k === value)?.[1] ?? String(value);
    case 'datetime': return formatDatetime(String(value));
    case 'date': return formatDate(String(value));
    case 'integer': return formatNumber(Number(value));
    case 'float': case 'monetary': return formatNumber(Number(value), 2);
    case 'boolean': return value ? t('yes') : '';
    case 'binary': return t('attachments');
    default: return String(value);
  }
}
