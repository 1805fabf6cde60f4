// Gathers the settings from their three sources, flag > environment > config file (> default),
// remembering where each value came from, and coerces each to its option's type.
import { parseIni } from './ini';
import { OPTION_BY_KEY, OPTIONS, type OptionSpec } from './options';

export type EnvVars = Record<string, string | undefined>;

export interface SettingValue {
  value: string | number | boolean | null;
  /** Where the value came from, for messages: `flag -p`, `environment variable PORT`, `odoo.conf line 3`. */
  source: string;
  origin: 'flag' | 'environment' | 'file';
}

export interface GatheredSettings {
  values: Map<string, SettingValue>;
  /** Keys of the config file this server does not know (one warning names them all). */
  unknownFileKeys: string[];
  problems: string[];
}

export interface Sources {
  flags: Map<string, { flag: string; value: string }>;
  env: EnvVars;
  /** The config file's path and text, when one is given. */
  file: { path: string; text: string } | null;
}

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off'];

/**
 * The typed value of `text` for `option`, null for "none", or undefined for "not set here".
 * Odoo writes `False` for a key left unset; an empty value is unset too.
 */
function coerce(option: OptionSpec, text: string, origin: SettingValue['origin']): SettingValue['value'] | undefined {
  const v = option.secret ? text : text.trim();
  const lower = v.trim().toLowerCase();
  if (option.type === 'boolean') {
    if (TRUE.includes(lower)) return true;
    if (FALSE.includes(lower)) return false;
    return lower === '' ? undefined : v;
  }
  const none = lower === '' || (origin === 'file' && lower === 'false') || (origin === 'file' && lower === 'none');
  if (none) return option.nullable ? null : undefined;
  if (option.type === 'integer' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return v;
}

export function gatherSettings(sources: Sources): GatheredSettings {
  const values = new Map<string, SettingValue>();
  const problems: string[] = [];
  const unknownFileKeys: string[] = [];
  const put = (option: OptionSpec, text: string, source: string, origin: SettingValue['origin']): void => {
    const value = coerce(option, text, origin);
    if (value !== undefined) values.set(option.key, { value, source, origin });
  };
  if (sources.file) {
    const ini = parseIni(sources.file.text, sources.file.path);
    problems.push(...ini.problems);
    for (const [key, entry] of ini.options) {
      const option = OPTION_BY_KEY.get(key);
      if (option) put(option, entry.value, `${sources.file.path} line ${entry.line}`, 'file');
      else unknownFileKeys.push(key);
    }
  }
  for (const option of OPTIONS) {
    const text = option.env ? sources.env[option.env] : undefined;
    // An empty variable means "none" for the nullable ones (DEFAULT_DB=""), as it always did.
    if (text !== undefined && (text.trim() !== '' || option.nullable)) {
      if (text.trim() === '') values.set(option.key, { value: null, source: `environment variable ${option.env}`, origin: 'environment' });
      else put(option, text, `environment variable ${option.env}`, 'environment');
    }
  }
  for (const [key, { flag, value }] of sources.flags) put(OPTION_BY_KEY.get(key)!, value, `flag ${flag}`, 'flag');
  return { values, unknownFileKeys, problems };
}
