// The one sanitiser of HTML the server stores: html fields written over RPC, messages posted by
// users and bodies of incoming mail all pass here. A maintained parser-based sanitiser
// (sanitize-html) keeps formatting and drops scripts, event handlers and dangerous URLs.
import type sanitize from 'sanitize-html';

// Loaded by the first HTML to clean, not with the server (a synchronous require: callers are synchronous).
let loaded: typeof sanitize | null = null;
function sanitizer(): typeof sanitize {
  loaded ??= require('sanitize-html') as typeof sanitize;
  return loaded;
}

const OPTIONS: sanitize.IOptions = {
  allowedTags: [
    'p', 'br', 'div', 'span', 'b', 'strong', 'i', 'em', 'u', 's', 'strike', 'sub', 'sup', 'small', 'big',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'code', 'hr',
    'a', 'img', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'font', 'center',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'name'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    td: ['colspan', 'rowspan', 'align', 'valign'],
    th: ['colspan', 'rowspan', 'align', 'valign'],
    table: ['border', 'cellpadding', 'cellspacing', 'width'],
    font: ['color', 'size', 'face'],
    // Inline styles are dropped: CSS can hide text or load remote content.
    '*': ['class', 'title'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https', 'cid', 'data'] },
  allowProtocolRelative: false,
  // Script and style contents go with their tags (not left behind as text).
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head'],
  disallowedTagsMode: 'discard',
};

export function sanitizeHtml(html: string): string {
  return sanitizer()(html, OPTIONS);
}
