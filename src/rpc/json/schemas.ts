// JSON Schemas of the JSON-RPC envelope and of each route's params, compiled once with ajv. A
// failed check is the caller's mistake: a TypeError-like CallError naming what is wrong.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { CallError } from '../../errors';
import type { RpcStruct, RpcValue } from '../../values';

const ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true });

type Schema = Record<string, unknown>;

const str = { type: 'string' };
const int = { type: 'integer' };
const list = { type: 'array' };
const dict = { type: 'object' };
/** Odoo's clients send `false` or `null` for "nothing"; an optional value may be either. */
const orNothing = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }, { const: false }] });

const object = (properties: Record<string, Schema>, required: string[] = []): Schema =>
  ({ type: 'object', properties, required, additionalProperties: true });

/** `{"jsonrpc": "2.0", "method": "call", "params": {...}, "id": ...}`; Odoo ignores `method`. */
export const ENVELOPE_SCHEMA = object({
  jsonrpc: { const: '2.0' },
  method: str,
  id: { type: ['string', 'number', 'null'] },
  params: dict,
});

const callKw = object({ model: str, method: str, args: orNothing(list), kwargs: orNothing(dict) }, ['model', 'method']);

/** Each route's params. Extra members are ignored, as Odoo ignores them. */
export const PARAMS_SCHEMAS = {
  none: object({}),
  jsonrpc: object({ service: str, method: str, args: orNothing(list) }, ['service', 'method']),
  authenticate: object({ db: str, login: str, password: str, base_location: orNothing(str) }, ['db', 'login', 'password']),
  callKw,
  searchRead: object({
    model: str, fields: orNothing({ type: 'array', items: str }), domain: orNothing(list),
    offset: orNothing(int), limit: orNothing(int), sort: orNothing(str), context: orNothing(dict),
  }, ['model']),
  execWorkflow: object({ model: str, id: int, signal: str }, ['model', 'id', 'signal']),
  translations: object({ mods: orNothing({ anyOf: [str, { type: 'array', items: str }] }), lang: orNothing(str) }),
  actionLoad: object({ action_id: { anyOf: [int, str] }, additional_context: orNothing(dict) }, ['action_id']),
} as const;

export type ParamsKind = keyof typeof PARAMS_SCHEMAS;

const compiled = new Map<string, ValidateFunction>();
function validator(name: string, schema: Schema): ValidateFunction {
  let fn = compiled.get(name);
  if (!fn) {
    fn = ajv.compile(schema);
    compiled.set(name, fn);
  }
  return fn;
}

// Compiled when the module loads, so a wrong schema fails at start and no request pays for it.
validator('envelope', ENVELOPE_SCHEMA);
for (const [name, schema] of Object.entries(PARAMS_SCHEMAS)) validator(name, schema);

function describe(where: string, errors: ErrorObject[] | null | undefined): string {
  const e = errors?.[0];
  if (!e) return `${where}: invalid`;
  const path = e.instancePath ? `${where}${e.instancePath.replace(/\//g, '.')}` : where;
  if (e.keyword === 'required') return `${where}: missing required argument '${String(e.params.missingProperty)}'`;
  return `${path} ${e.message ?? 'is invalid'}`;
}

/** Checks the envelope: an object whose `params` (if any) is an object. */
export function checkEnvelope(body: RpcValue): asserts body is RpcStruct {
  const fn = validator('envelope', ENVELOPE_SCHEMA);
  if (!fn(body)) throw new CallError(describe('request', fn.errors), 'TypeError');
}

/** Checks one route's params, throwing a TypeError-like CallError. */
export function checkParams(kind: ParamsKind, params: RpcStruct): void {
  const fn = validator(kind, PARAMS_SCHEMAS[kind]);
  if (!fn(params)) throw new CallError(describe('params', fn.errors), 'TypeError');
}
