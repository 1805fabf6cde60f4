// Record-rule domains written as Python literals, as OpenERP 7.0 scripts send them
// ("[('user_id','=',user.id)]"). Read by a small recursive-descent parser, never evaluated:
// `user.<field>[.id]` and `time.strftime(<fmt>)` become the placeholders the policy resolves.
import { ValidationError } from '../../errors';
import { readPyToken, type PyToken } from './py-tokens';
import { knownStrftime } from './strftime';

/** Longest text and deepest nesting accepted: rule domains are short; this bounds the work. */
export const PY_DOMAIN_MAX_LENGTH = 20_000;
export const PY_DOMAIN_MAX_DEPTH = 32;

/** A `user...` expression met in the text: `user.<field>` or `user.<field>.id` (or a comprehension over it). */
export interface PyUserRef {
  field: string;
  form: 'value' | 'id' | 'ids';
}

export interface PyDomainReading {
  domain: unknown[];
  userRefs: PyUserRef[];
}

class PyDomainParser {
  private pos = 0;
  private tok: PyToken;
  private depth = 0;
  readonly userRefs: PyUserRef[] = [];

  constructor(private readonly text: string) {
    this.tok = readPyToken(text, 0);
  }

  fail(reason: string, at: number = this.tok.start): never {
    // a token that could not be read is the real cause of whatever failed at it
    if (this.tok.kind === 'bad' && at >= this.tok.start) throw new ValidationError(String(this.tok.value));
    const around = this.text.slice(at, at + 30).replace(/\s+/g, ' ');
    throw new ValidationError(`${reason} at position ${at}${around ? ` (near "${around}")` : ''}`);
  }

  private next(): PyToken {
    const t = this.tok;
    this.pos = t.end;
    this.tok = readPyToken(this.text, this.pos);
    return t;
  }

  private isOp(v: string): boolean {
    return this.tok.kind === 'op' && this.tok.value === v;
  }

  private expectOp(v: string): void {
    if (!this.isOp(v)) this.fail(`expected "${v}"`);
    this.next();
  }

  private expectName(v?: string): string {
    if (this.tok.kind !== 'name' || (v !== undefined && this.tok.value !== v)) this.fail(v ? `expected "${v}"` : 'expected a name');
    return this.next().value as string;
  }

  parseTop(): unknown[] {
    if (!this.isOp('[')) this.fail('a domain must be a list');
    const v = this.value();
    if (this.tok.kind !== 'end') this.fail('unexpected text after the domain');
    if (!Array.isArray(v)) this.fail('a domain must be a list', 0);
    return v;
  }

  private value(): unknown {
    const t = this.tok;
    switch (t.kind) {
      case 'string': {
        let s = this.next().value as string;
        // Python joins adjacent literals: 'a' 'b' is 'ab'
        while (this.tok.kind === 'string') s += this.next().value as string;
        return s;
      }
      case 'number':
        return this.next().value;
      case 'name':
        return this.named();
      case 'op':
        if (t.value === '[') return this.nested(() => this.list());
        if (t.value === '(') return this.nested(() => this.tuple());
        if (t.value === '-' || t.value === '+') {
          this.next();
          if (this.tok.kind !== 'number') this.fail('a sign must precede a number');
          const n = this.next().value as number;
          return t.value === '-' ? -n : n;
        }
        return this.fail(`unexpected "${t.value}"`);
      default:
        return this.fail('unexpected end of the domain');
    }
  }

  private nested<T>(fn: () => T): T {
    if (++this.depth > PY_DOMAIN_MAX_DEPTH) this.fail('the domain nests too deeply');
    const v = fn();
    this.depth--;
    return v;
  }

  /** `[a, b, ...]`, or the one comprehension 7.0 rules use: `[g.id for g in user.groups_id]`. */
  private list(): unknown {
    this.expectOp('[');
    if (this.tok.kind === 'name' && readPyToken(this.text, this.tok.end).value === '.') {
      const save = { pos: this.pos, tok: this.tok };
      const comp = this.comprehension();
      if (comp !== null) return comp;
      // not a comprehension after all: read the same text again as a list
      this.pos = save.pos;
      this.tok = save.tok;
    }
    return this.items(']');
  }

  private comprehension(): unknown {
    const start = this.tok.start;
    const v = this.expectName();
    if (v === 'user' || v === 'time') return null;
    this.expectOp('.');
    this.expectName('id');
    this.expectName('for');
    if (this.expectName() !== v) this.fail('the comprehension must name its variable the same way twice', start);
    this.expectName('in');
    this.expectName('user');
    this.expectOp('.');
    const field = this.expectName();
    this.expectOp(']');
    this.userRefs.push({ field, form: 'ids' });
    return { $user: field };
  }

  private tuple(): unknown {
    this.expectOp('(');
    if (this.isOp(')')) {
      this.next();
      return [];
    }
    const first = this.value();
    if (this.isOp(')')) {
      this.next();
      return first; // (x) is x, not a tuple
    }
    this.expectOp(',');
    return [first, ...this.items(')')];
  }

  private items(close: string): unknown[] {
    const out: unknown[] = [];
    while (!this.isOp(close)) {
      out.push(this.value());
      if (this.isOp(',')) this.next();
      else if (!this.isOp(close)) this.fail(`expected "," or "${close}"`);
    }
    this.next();
    return out;
  }

  private named(): unknown {
    const start = this.tok.start;
    const name = this.next().value as string;
    if (name === 'True') return true;
    if (name === 'False') return false;
    if (name === 'None') return null;
    if (name === 'user') return this.userExpr(start);
    if (name === 'time') return this.timeExpr(start);
    return this.fail(`unknown name "${name}" (a rule may use user.id, user.<field>, user.<field>.id and time.strftime)`, start);
  }

  private userExpr(start: number): unknown {
    if (!this.isOp('.')) this.fail('"user" alone is not a value: write user.id or user.<field>.id', start);
    this.next();
    const field = this.expectName();
    if (this.isOp('.')) {
      this.next();
      const attr = this.expectName();
      if (attr !== 'id' || field === 'id') this.fail(`only user.<field>.id may follow user.${field}`, start);
      this.userRefs.push({ field, form: 'id' });
      return { $user: field };
    }
    if (this.isOp('(') || this.isOp('[')) this.fail('calls and subscripts on user are not allowed', start);
    if (field !== 'id') this.userRefs.push({ field, form: 'value' });
    return { $user: field };
  }

  private timeExpr(start: number): unknown {
    this.expectOp('.');
    if (this.expectName() !== 'strftime') this.fail('only time.strftime(...) is allowed', start);
    this.expectOp('(');
    if (this.tok.kind !== 'string') this.fail('time.strftime takes a format string');
    const fmt = this.next().value as string;
    this.expectOp(')');
    if (!knownStrftime(fmt)) this.fail('time.strftime may use only %Y %y %m %d %H %M %S %j %%', start);
    return { $time: fmt };
  }
}

/**
 * Reads a Python literal domain into the JSON form rules are evaluated in. Throws a
 * ValidationError saying what is wrong and where; the caller adds the rule's name.
 */
export function readPyDomain(text: string): PyDomainReading {
  if (text.length > PY_DOMAIN_MAX_LENGTH) {
    throw new ValidationError(`the domain is longer than ${PY_DOMAIN_MAX_LENGTH} characters`);
  }
  const parser = new PyDomainParser(text);
  const domain = parser.parseTop();
  return { domain, userRefs: parser.userRefs };
}

export function parsePyDomain(text: string): unknown[] {
  return readPyDomain(text).domain;
}
