// Message-IDs and threading headers. Each outgoing email gets its own Message-ID when it is
// queued (so every retry repeats it); all emails about one record point at the same thread root.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

function domain(): string {
  const h = hostname().toLowerCase().replace(/[^a-z0-9.-]/g, '');
  return h || 'localhost';
}

function token(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** A fresh Message-ID, `<random.tag@host>`, with the tag telling what it is about. */
export function newMessageId(tag: string): string {
  return `<${Date.now().toString(36)}.${randomBytes(8).toString('hex')}.${token(tag)}@${domain()}>`;
}

/** The tag of a message about a record: `openerp-<model>-<id>`, as OpenERP writes it. */
export function recordTag(model: string | null, resId: number | null): string {
  return model && resId ? `openerp-${model}-${resId}` : 'openerp-private';
}

/**
 * In-Reply-To and References for an email about a record: the root is the record's first
 * message, the parent the message answered (if any), so mail clients group a record's emails.
 */
export function threadHeaders(rootId: string | null, parentId: string | null): { inReplyTo: string | null; references: string | null } {
  const chain = [rootId, parentId].filter((x, i, all): x is string => !!x && all.indexOf(x) === i);
  if (!chain.length) return { inReplyTo: null, references: null };
  return { inReplyTo: chain[chain.length - 1], references: chain.join(' ') };
}
