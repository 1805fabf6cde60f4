// Shows a message body (HTML the server already sanitised) without ever assigning innerHTML:
// the markup is parsed inert, and only known tags, text and http(s)/mailto links are rebuilt.
import { h, type ComponentChildren } from 'preact';

const ALLOWED = new Set(['p', 'br', 'b', 'strong', 'i', 'em', 'u', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'span', 'div', 'a', 'h1', 'h2', 'h3', 'h4', 'table', 'thead', 'tbody', 'tr', 'td', 'th']);

function rebuild(node: Node, key: number): ComponentChildren {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const el = node as Element;
  const tag = el.tagName.toLowerCase();
  const kids = Array.from(el.childNodes).map((c, i) => rebuild(c, i));
  if (!ALLOWED.has(tag)) return kids;
  const attrs: Record<string, string | number> = { key };
  if (tag === 'a') {
    const href = el.getAttribute('href') ?? '';
    if (/^(https?:|mailto:)/i.test(href)) { attrs.href = href; attrs.rel = 'noopener noreferrer'; attrs.target = '_blank'; }
  }
  return h(tag, attrs, kids);
}

export function SafeHtml(props: { html: string }) {
  const doc = new DOMParser().parseFromString(`<body>${props.html}</body>`, 'text/html');
  return <div class="message-body">{Array.from(doc.body.childNodes).map((c, i) => rebuild(c, i))}</div>;
}
