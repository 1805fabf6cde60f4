// Status tracking: from the values of tracked fields before and after a write (the ORM's write
// watch reads them), the message that tells followers what changed ("Estado: Revisada → Desarrollo") in the record's language.
import type { FieldDef, Label, ModelDef } from '../orm/define';
import type { Env } from '../orm/env-types';
import type { Registry, RuntimeModel } from '../orm/registry';
import { labelText } from '../orm/labels';
import type { RpcValue } from '../values';
import { escapeHtml } from './email-body';

export interface TrackedChange {
  field: string;
  label: string;
  from: string;
  to: string;
}

export function runtimeModel(env: Env, model: string): RuntimeModel {
  return (env.registry as Registry).model(model);
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
