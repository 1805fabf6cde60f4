// Labels in the caller's language: `context.lang` picks a translation of a `Label`,
// falling back to English.
import type { Label } from './model-types';
import type { Context } from './env-types';
import { ownEntry } from '../values';

export const DEFAULT_LANG = 'en_US';

export function langOf(context: Context): string {
  const lang = context.lang;
  return typeof lang === 'string' && lang ? lang : DEFAULT_LANG;
}

/** The language the context names, or null: module data is then shown as written. */
export function contextLang(context: Context): string | null {
  return typeof context.lang === 'string' && context.lang ? context.lang : null;
}

export function labelText(label: Label | undefined, lang: string): string {
  if (label === undefined) return '';
  if (typeof label === 'string') return label;
  return ownEntry(label, lang) ?? ownEntry(label, lang.split('_')[0]) ?? label.en_US;
}

/** Odoo's label for a field declared without `string`: `partner_id` -> `Partner`. */
export function defaultFieldString(name: string): string {
  const base = name.endsWith('_ids') ? name.slice(0, -4) : name.endsWith('_id') ? name.slice(0, -3) : name;
  return base.split('_').filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
}
