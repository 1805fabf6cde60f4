// Status tracking: from the values of tracked fields before and after a write (the ORM's write
// watch reads them), the message that tells followers what changed ("Estado: Revisada →
// Desarrollo") in the record's language.
import type { Label, ModelDef } from '../orm/define';
import type { Env } from '../orm/env-types';
import type { Registry, RuntimeModel } from '../orm/registry';
import { labelText } from '../orm/labels';
import { fieldType } from '../orm/fields';
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

export function diff(def: RuntimeModel | ModelDef, fields: string[], before: Record<string, RpcValue> | undefined,
  after: Record<string, RpcValue> | undefined, lang: string): TrackedChange[] {
  if (!before || !after) return [];
  const out: TrackedChange[] = [];
  for (const name of fields) {
    const f = def.fields[name];
    if (!f) continue;
    // Each field type words its own values (labels, names, yes/no).
    const from = fieldType(f).displayText(before[name], f, lang);
    const to = fieldType(f).displayText(after[name], f, lang);
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
