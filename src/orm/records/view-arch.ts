// View architectures: parsed into a small tree, stripped of what the caller may not see
// (nodes whose `groups` they lack, fields restricted by groups), serialised back, and scanned
// for the fields the view uses.
import { SaxesParser } from 'saxes';
import { UserError } from '../../errors';

export interface ArchNode {
  tag: string;
  attrs: Record<string, string>;
  children: (ArchNode | string)[];
}

export function parseArch(xml: string): ArchNode {
  const parser = new SaxesParser();
  const root: ArchNode = { tag: '#root', attrs: {}, children: [] };
  const stack: ArchNode[] = [root];
  let failure: Error | null = null;
  parser.on('error', (e) => { failure = failure ?? e; });
  parser.on('opentag', (tag) => {
    const node: ArchNode = { tag: tag.name, attrs: { ...(tag.attributes as Record<string, string>) }, children: [] };
    stack[stack.length - 1].children.push(node);
    if (!tag.isSelfClosing) stack.push(node);
  });
  parser.on('closetag', (tag) => { if (!tag.isSelfClosing) stack.pop(); });
  parser.on('text', (text) => stack[stack.length - 1].children.push(text));
  parser.write(xml).close();
  const top = root.children.find((c): c is ArchNode => typeof c !== 'string');
  if (failure || !top) throw new UserError('Invalid XML for View Architecture!', 'Invalid Architecture!');
  return top;
}

const esc = (s: string, attr: boolean) => {
  const out = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return attr ? out.replace(/"/g, '&quot;') : out;
};

export function serializeArch(node: ArchNode): string {
  const attrs = Object.entries(node.attrs).map(([k, v]) => ` ${k}="${esc(v, true)}"`).join('');
  if (!node.children.length) return `<${node.tag}${attrs}/>`;
  const inner = node.children.map((c) => (typeof c === 'string' ? esc(c, false) : serializeArch(c))).join('');
  return `<${node.tag}${attrs}>${inner}</${node.tag}>`;
}

/** Removes nodes the caller may not see: `groups="a,b"` they are in none of, or hidden fields. */
export function filterArch(node: ArchNode, visible: (n: ArchNode) => boolean): ArchNode {
  return {
    ...node,
    children: node.children
      .filter((c) => typeof c === 'string' || visible(c))
      .map((c) => (typeof c === 'string' ? c : filterArch(c, visible))),
  };
}

/** Attributes whose text a user reads (7.0 translates the same ones). */
const READABLE_ATTRS = ['string', 'placeholder', 'help', 'confirm', 'sum', 'avg'];

/** The arch with its labels, titles, placeholders and texts in the caller's language. */
export function translateArch(node: ArchNode, translate: (text: string) => string): ArchNode {
  const attrs = { ...node.attrs };
  for (const a of READABLE_ATTRS) if (attrs[a]) attrs[a] = translate(attrs[a]);
  return {
    ...node,
    attrs,
    children: node.children.map((c) => (typeof c === 'string'
      ? (c.trim() ? c.replace(c.trim(), () => translate(c.trim())) : c)
      : translateArch(c, translate))),
  };
}

/** Field names of the view itself: fields inside a field's inline sub-view belong to its comodel. */
export function archFields(node: ArchNode): string[] {
  const out: string[] = [];
  const walk = (n: ArchNode) => {
    if (n.tag === 'field' && n.attrs.name) {
      if (!out.includes(n.attrs.name)) out.push(n.attrs.name);
      return;
    }
    n.children.forEach((c) => typeof c !== 'string' && walk(c));
  };
  walk(node);
  return out;
}
