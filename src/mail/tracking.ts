// Status tracking: the values of tracked fields before and after a write, and the message that
// tells followers what changed ("Estado: Revisada → Desarrollo") in the record's language.
import type { FieldDef, Label, ModelDef } from '../orm/define';
import type { Env } from '../orm/env-types';
import type { Registry, RuntimeModel } from '../orm/registry';
import { labelText } from '../orm/labels';
import type { RpcValue } from '../values';
import { escapeHtml } from './email-body';

export type Snapshot = Map<number, Record<string, RpcValue>>;

export interface TrackedChange {
  field: string;
  label: string;
  from: string;
  to: string;
}

export function runtimeModel(env: Env, model: string): RuntimeModel {
  return (env.registry as Registry).model(model);
}

export async function readTracked(env: Env, model: string, ids: number[], fields: string[]): Promise<Snapshot> {
  const rows = await env.sudo().model(model).read(ids, fields);
  return new Map(rows.map((r) => [Number(r.id), r as Record<string, RpcValue>]));
}

/**
 * The values after a write, from the snapshot taken before it and the written values, when
 * every tracked field written is a selection (stored as given, so nothing needs reading again);
 * null when one is not.
 */
export function snapshotAfter(def: RuntimeModel, fields: string[], before: Snapshot, vals: Record<string, unknown>): Snapshot | null {
  if (!fields.every((f) => def.fields[f]?.type === 'selection' && (typeof vals[f] === 'string' || vals[f] === false))) return null;
  const out: Snapshot = new Map();
  for (const [id, row] of before) {
    const next = { ...row };
    for (const f of fields) next[f] = vals[f] as RpcValue;
    out.set(id, next);
  }
  return out;
}

const YES_NO: Record<string, [string, string]> = { en: ['Yes', 'No'], es: ['Sí', 'No'] };

/** A value as a person reads it: selection labels, names of linked records, yes/no. */
export function displayValue(field: FieldDef, value: RpcValue | undefined, lang: string): string {
  if (value === undefined || value === null) return '';
  if (field.type === 'boolean') {
    const [yes, no] = YES_NO[lang.split('_')[0]] ?? YES_NO.en;
    return value ? yes : no;
  }
  if (value === false) return '';
  if (field.type === 'selection') {
    const hit = (field.selection ?? []).find(([key]) => key === value);
    return hit ? labelText(hit[1], lang) : String(value);
  }
  if (field.type === 'many2one' && Array.isArray(value)) return String(value[1]);
  if (Array.isArray(value)) return value.map(String).join(', ');
  return String(value);
}

export function diff(def: RuntimeModel | ModelDef, fields: string[], before: Record<string, RpcValue> | undefined,
  after: Record<string, RpcValue> | undefined, lang: string): TrackedChange[] {
  if (!before || !after) return [];
  const out: TrackedChange[] = [];
  for (const name of fields) {
    const f = def.fields[name];
    if (!f) continue;
    const from = displayValue(f, before[name], lang);
    const to = displayValue(f, after[name], lang);
    if (from !== to) out.push({ field: name, label: labelText(f.string as Label | undefined, lang) || name, from, to });
  }
  return out;
}

/** One line per change; a single change is one paragraph. */
export function trackingBody(changes: TrackedChange[]): string {
  const line = (c: TrackedChange) => `${escapeHtml(c.label)}: ${escapeHtml(c.from)} → ${escapeHtml(c.to)}`;
  if (changes.length === 1) return `<p>${line(changes[0])}</p>`;
  return `<ul>${changes.map((c) => `<li>${line(c)}</li>`).join('')}</ul>`;
}
