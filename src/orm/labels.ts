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

/**
 * The language `labelText` answers `lang` in, given every language the labels at hand carry: the
 * language itself, else its base (`es` for `es_AR`), else English. Labels read in `lang` and in
 * the language returned are the same, so what is kept per language is kept under this one.
 */
export function resolvedLang(lang: string, carried: ReadonlySet<string>): string {
  if (carried.has(lang)) return lang;
  const base = lang.split('_')[0];
  return carried.has(base) ? base : DEFAULT_LANG;
}

/** The languages a label carries a translation for (none for a plain string). */
export function labelLangs(label: Label | undefined): string[] {
  return label === undefined || typeof label === 'string' ? [] : Object.keys(label);
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
