// Reads an alias's alias_defaults: a Python dict literal as OpenERP stores it
// (`{'category': 'technical', 'priority': '2'}`), without evaluating anything. Keys are strings;
// values are strings, numbers, True, False or None. JSON objects read the same.
import { ValidationError } from '../errors';
import { readPyToken, type PyToken } from '../orm/access/py-tokens';

const CONSTANTS: Record<string, unknown> = { True: true, False: false, None: false, true: true, false: false, null: false };

function punctuation(text: string, tok: PyToken): string | null {
  const c = text[tok.start];
  return tok.kind === 'bad' && (c === '{' || c === '}' || c === ':') ? c : tok.kind === 'op' ? String(tok.value) : null;
}

export function readAliasDefaults(text: string | null | undefined): Record<string, unknown> {
  const src = (text ?? '').trim();
  if (!src) return {};
  const fail = (why: string): never => {
    throw new ValidationError(`Invalid alias defaults ${JSON.stringify(src.slice(0, 80))}: ${why}`);
  };
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  let pos = 0;
  const next = (): PyToken => {
    const tok = readPyToken(src, pos);
    pos = punctuation(src, tok) && tok.kind === 'bad' ? tok.start + 1 : tok.end;
    return tok;
  };
  if (punctuation(src, next()) !== '{') fail('a dictionary must start with {');
  for (;;) {
    let tok = next();
    if (punctuation(src, tok) === '}') break;
    if (tok.kind !== 'string') fail('keys must be quoted strings');
    const key = String(tok.value);
    if (punctuation(src, next()) !== ':') fail(`expected : after '${key}'`);
    tok = next();
    let sign = 1;
    if (tok.kind === 'op' && tok.value === '-') {
      sign = -1;
      tok = next();
    }
    if (tok.kind === 'string') out[key] = tok.value;
    else if (tok.kind === 'number') out[key] = sign * Number(tok.value);
    else if (tok.kind === 'name' && tok.value in CONSTANTS) out[key] = CONSTANTS[tok.value];
    else fail(`the value of '${key}' must be a string, a number, True, False or None`);
    const sep = punctuation(src, next());
    if (sep === '}') break;
    if (sep !== ',') fail('expected , or }');
  }
  if (readPyToken(src, pos).kind !== 'end') fail('text after the closing }');
  return out;
}

/** Refuses unreadable alias defaults when an alias is written, not when mail arrives. */
export function checkAliasDefaults(vals: Record<string, unknown>): void {
  if (typeof vals.alias_defaults === 'string') readAliasDefaults(vals.alias_defaults);
}
