// The JSON Schema of the settings, built from the catalogue and compiled once with ajv, and the
// wording of its errors: one line per bad key, naming the key, the value and where it came from.
import Ajv, { type ErrorObject } from 'ajv';
import { OPTIONS, OPTION_BY_KEY, type OptionSpec } from './options';

function propertySchema(o: OptionSpec): Record<string, unknown> {
  const schema: Record<string, unknown> = { type: o.nullable ? [o.type, 'null'] : o.type };
  if (o.minimum !== undefined) schema.minimum = o.minimum;
  if (o.maximum !== undefined) schema.maximum = o.maximum;
  if (o.enum) schema.enum = o.nullable ? [...o.enum, null] : o.enum;
  if (o.pattern) schema.pattern = o.pattern;
  if (o.key === 'admin_passwd') schema.minLength = 1;
  return schema;
}

export const SETTINGS_SCHEMA = {
  type: 'object',
  properties: Object.fromEntries(OPTIONS.map((o) => [o.key, propertySchema(o)])),
  additionalProperties: false,
};

const validate = new Ajv({ allErrors: true, strict: true }).compile(SETTINGS_SCHEMA);

/** What a value of the option must be, in words. */
export function expectation(o: OptionSpec): string {
  if (o.type === 'boolean') return 'true or false';
  if (o.type === 'integer') return `a whole number from ${o.minimum ?? 0} to ${o.maximum ?? Number.MAX_SAFE_INTEGER}`;
  if (o.enum) return `one of ${o.enum.join(', ')}`;
  if (o.patternText) return o.patternText;
  return 'a non-empty text';
}

/** The keys the schema refuses in `values`, each with its expectation. */
export function schemaProblems(values: Record<string, unknown>): Map<string, string> {
  const bad = new Map<string, string>();
  if (validate(values)) return bad;
  for (const err of validate.errors ?? [] as ErrorObject[]) {
    const key = err.instancePath.slice(1) || String(err.params.additionalProperty ?? '');
    const option = OPTION_BY_KEY.get(key);
    if (!bad.has(key)) bad.set(key, option ? expectation(option) : 'a known setting');
  }
  return bad;
}
