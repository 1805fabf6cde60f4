// A small XML reader for view architectures (elements, attributes, text, entities, comments):
// the same code runs in the browser and in unit tests under Node, which has no DOMParser.

export interface XmlNode { tag: string; attrs: Record<string, string>; children: (XmlNode | string)[] }

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

/** Parses one XML document into its root element; throws on malformed input. */
export function parseXml(text: string): XmlNode {
  const root: XmlNode = { tag: '#root', attrs: {}, children: [] };
  const stack: XmlNode[] = [root];
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = token.exec(text)) !== null) {
    if (m.index !== consumed) throw new Error(`Malformed XML near offset ${consumed}`);
    consumed = token.lastIndex;
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) top.children.push(m[1]);
    else if (m[2] !== undefined) {
      if (top.tag !== m[2]) throw new Error(`Unexpected </${m[2]}>`);
      stack.pop();
    } else if (m[3] !== undefined) {
      const node: XmlNode = { tag: m[3], attrs: {}, children: [] };
      const attr = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
      let a: RegExpExecArray | null;
      while ((a = attr.exec(m[4])) !== null) node.attrs[a[1]] = decodeEntities(a[2] ?? a[3] ?? '');
      top.children.push(node);
      if (!m[5]) stack.push(node);
    } else if (m[6] !== undefined && m[6].trim()) top.children.push(decodeEntities(m[6]));
  }
  if (consumed !== text.length || stack.length !== 1) throw new Error('Malformed XML: unclosed element');
  const first = root.children.find((c): c is XmlNode => typeof c !== 'string');
  if (!first) throw new Error('Empty XML document');
  return first;
}
