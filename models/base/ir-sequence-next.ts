// Drawing the next number of a sequence. `standard` sequences on PostgreSQL take it from their
// own SEQUENCE (ir-sequence-counter.ts), so concurrent calls never wait for or undo each other.
// Otherwise (`no_gap`, and SQLite's single writer) one UPDATE ... RETURNING per number: the row
// lock serialises callers, numbers never repeat, and a rolled-back call gives its number back.
import { UserError } from '../../src/errors';
import { partsInZone, type Env } from '../../src/orm/define';
import { counterNext, ensureCounter } from './ir-sequence-counter';

interface SequenceRow {
  id: number;
  name: string;
  implementation: string;
  prefix: string | false;
  suffix: string | false;
  padding: number | false;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** OpenERP's interpolation keys: %(year)s, %(month)s, %(day)s, %(y)s, %(doy)s, %(woy)s... */
export function interpolationDict(tz: unknown, now: Date = new Date()): Record<string, string> {
  // The caller's timezone (UTC when they have none or an unknown one).
  const p = partsInZone(now, tz);
  const date = new Date(Date.UTC(p.y, p.m - 1, p.d));
  const dayOfYear = Math.floor((date.getTime() - Date.UTC(p.y, 0, 1)) / 86_400_000) + 1;
  const weekday = date.getUTCDay();
  // strftime %W: weeks start on Monday; days before the first Monday are week 0.
  const mondayBased = (weekday + 6) % 7;
  const woy = Math.floor((dayOfYear - 1 - mondayBased + 7) / 7);
  return {
    year: String(p.y), month: pad(p.m), day: pad(p.d), y: pad(p.y % 100),
    doy: pad(dayOfYear, 3), woy: pad(woy), weekday: String(weekday),
    h24: pad(p.hh), h12: pad(p.hh % 12 === 0 ? 12 : p.hh % 12), min: pad(p.mm), sec: pad(p.ss),
  };
}

export function interpolate(text: string | false | null, dict: Record<string, string>, seqName: string): string {
  if (!text) return '';
  return text.replace(/%\(([a-z0-9_]*)\)s|%%/g, (whole, key: string | undefined) => {
    if (whole === '%%') return '%';
    const v = dict[key ?? ''];
    if (v === undefined) throw new UserError(`Invalid prefix or suffix for sequence '${seqName}'`, 'Warning');
    return v;
  });
}

async function drawNumber(env: Env, seq: SequenceRow): Promise<number> {
  if (env.backend === 'pg' && seq.implementation !== 'no_gap') {
    const drawn = await counterNext(env, seq.id);
    if (drawn !== null) return drawn;
    // Restored from a dump, or made before SEQUENCEs existed: the row holds the next number.
    await ensureCounter(env, seq.id);
    const first = await counterNext(env, seq.id);
    if (first !== null) return first;
  }
  // Raw: one UPDATE ... RETURNING takes the row lock and the number at once; the ORM has no such step.
  const rows: { number_next: unknown; number_increment: unknown }[] = await env.cr('ir_sequence')
    .where('id', seq.id)
    .update({ number_next: env.cr.raw('number_next + number_increment') }, ['number_next', 'number_increment']);
  return Number(rows[0].number_next) - Number(rows[0].number_increment);
}

async function draw(env: Env, seq: SequenceRow): Promise<string> {
  const value = await drawNumber(env, seq);
  const dict = interpolationDict(env.context.tz);
  const number = String(value).padStart(Number(seq.padding ?? 0), '0');
  return interpolate(seq.prefix, dict, seq.name) + number + interpolate(seq.suffix, dict, seq.name);
}

const COLUMNS = ['name', 'implementation', 'prefix', 'suffix', 'padding'];

/** The first active sequence matching `domain`, read as the system once read access is checked. */
async function firstActive(env: Env, domain: unknown[]): Promise<SequenceRow | undefined> {
  await env.model('ir.sequence').call('check_access_rights', { operation: 'read' });
  const [seq] = await env.sudo().withContext({ active_test: false }).model('ir.sequence')
    .searchRead([...domain, ['active', '=', true]], COLUMNS, { order: 'id', limit: 1 });
  return seq as unknown as SequenceRow | undefined;
}

/** The next reference of the first active sequence with this code, or False when none. */
export async function nextByCode(env: Env, code: unknown): Promise<string | false> {
  const seq = await firstActive(env, [['code', '=', String(code)]]);
  return seq ? draw(env, seq) : false;
}

export async function nextById(env: Env, id: unknown): Promise<string | false> {
  const seq = await firstActive(env, [['id', '=', Number(id)]]);
  return seq ? draw(env, seq) : false;
}
