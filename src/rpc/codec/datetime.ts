// `<dateTime.iso8601>` in the forms clients send (Python's `20261127T10:20:30`, the extended
// `2026-11-27T10:20:30`, optional fraction and zone), converted to our UTC server string.
import { quote, valueError } from './codec-errors';
import { trimXmlSpace } from './scalars';

const DATE_BASIC = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_EXTENDED = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2})(:?)(\d{2})\2(\d{2})(?:[.,]\d{1,9})?(Z|([+-])(\d{2})(?::?(\d{2}))?)?$/;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Returns `YYYY-MM-DD HH:MM:SS` in UTC; naive values are taken as UTC (OpenERP stores UTC). */
export function parseDateTime(raw: string): string {
  const text = trimXmlSpace(raw);
  const bad = () => valueError(`invalid dateTime.iso8601 value: ${quote(raw)}`);
  const t = text.indexOf('T');
  if (t < 0) throw bad();
  const date = DATE_BASIC.exec(text.slice(0, t)) ?? DATE_EXTENDED.exec(text.slice(0, t));
  const time = TIME.exec(text.slice(t + 1));
  if (date === null || time === null) throw bad();
  const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
  const [hour, minute, second] = [Number(time[1]), Number(time[3]), Number(time[4])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw bad();
  if (hour > 23 || minute > 59 || second > 59) throw bad();
  let offsetMinutes = 0;
  if (time[6] !== undefined) {
    const oh = Number(time[7]);
    const om = time[8] === undefined ? 0 : Number(time[8]);
    if (oh > 23 || om > 59) throw bad();
    offsetMinutes = (time[6] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const d = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute - offsetMinutes, second, 0);
  const y = d.getUTCFullYear();
  if (y < 1 || y > 9999) throw bad();
  return `${pad(y, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)} ` +
    `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
