// Reads the Python literals views carry in attributes (attrs, context, domain, colors): strings,
// numbers, True/False/None, lists, tuples and dicts. No expression is ever evaluated.

export type PyValue = string | number | boolean | null | PyValue[] | { [k: string]: PyValue };

export function parsePyLiteral(text: string): PyValue {
  let i = 0;
  const ws = () => { while (i < text.length && /\s/.test(text[i])) i++; };
  const fail = (what: string): never => { throw new Error(`Cannot read ${what} at ${i} in ${text}`); };
  const value = (): PyValue => {
    ws();
    const c = text[i];
    if (c === '[' || c === '(') {
      const close = c === '[' ? ']' : ')';
      i++;
      const out: PyValue[] = [];
      for (;;) {
        ws();
        if (text[i] === close) { i++; return out; }
        out.push(value());
        ws();
        if (text[i] === ',') i++;
        else if (text[i] !== close) fail('a list');
      }
    }
    if (c === '{') {
      i++;
      const out: Record<string, PyValue> = {};
      for (;;) {
        ws();
        if (text[i] === '}') { i++; return out; }
        const key = value();
        ws();
        if (text[i] !== ':') fail('a dict');
        i++;
        out[String(key)] = value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] !== '}') fail('a dict');
      }
    }
    if (c === '"' || c === "'") {
      i++;
      let s = '';
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\\') { i++; s += text[i] === 'n' ? '\n' : text[i]; } else s += text[i];
        i++;
      }
      if (text[i] !== c) fail('a string');
      i++;
      return s;
    }
    const word = /^-?[\w.]+/.exec(text.slice(i));
    if (!word) return fail('a value');
    i += word[0].length;
    if (word[0] === 'True') return true;
    if (word[0] === 'False') return false;
    if (word[0] === 'None') return null;
    const n = Number(word[0]);
    if (Number.isNaN(n)) fail(`"${word[0]}"`);
    return n;
  };
  const out = value();
  ws();
  if (i !== text.length) fail('the end');
  return out;
}
