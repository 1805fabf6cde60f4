// The message_* methods of a thread, with OpenERP 7.0's positional signatures; Odoo's keyword
// names (message_type, subtype_xmlid) are accepted too.
import type { MethodDef } from '../orm/define';
import type { Env } from '../orm/env-types';
import { CallError } from '../errors';
import { checkDocumentAccess } from './access';
import { subscribe, unsubscribe } from './followers';
import { partnerOfUser, partnersOfUsers } from './partners';
import { postMessage, type MessageType } from './post';
import { escapeHtml } from './email-body';
import { sanitizeHtml } from '../orm/fields/html-sanitize';

function intList(value: unknown, what: string): number[] {
  if (value === undefined || value === null || value === false) return [];
  const list = Array.isArray(value) ? value : [value];
  const out: number[] = [];
  for (const item of list) {
    // x2many commands: (4, id) links one, (6, 0, ids) gives them all.
    if (Array.isArray(item)) {
      if (item[0] === 4 && Number.isInteger(item[1])) out.push(item[1] as number);
      else if (item[0] === 6 && Array.isArray(item[2])) out.push(...intList(item[2], what));
      else throw new CallError(`${what}: unsupported command ${JSON.stringify(item)}`, 'ValueError');
    } else if (Number.isInteger(item)) {
      out.push(item as number);
    } else {
      throw new CallError(`${what} must be a list of ids`, 'TypeError');
    }
  }
  return [...new Set(out)];
}

function optionalString(value: unknown, what: string): string | null {
  if (value === undefined || value === null || value === false) return null;
  if (typeof value !== 'string') throw new CallError(`${what} must be a string`, 'TypeError');
  return value;
}

function attachmentPairs(value: unknown): [string, string][] {
  if (value === undefined || value === null || value === false) return [];
  if (!Array.isArray(value)) throw new CallError('attachments must be a list of (name, content) pairs', 'TypeError');
  return value.map((pair) => {
    if (!Array.isArray(pair) || pair.length < 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') {
      throw new CallError('attachments must be a list of (name, content) pairs', 'TypeError');
    }
    return [pair[0], pair[1]];
  });
}

const TYPES = new Set<MessageType>(['email', 'comment', 'notification']);

/** Subscribing others needs write access; following a record oneself needs only read access. */
async function checkFollowAccess(env: Env, model: string, ids: number[], partners: number[]): Promise<void> {
  const me = await partnerOfUser(env, env.uid);
  const onlyMe = partners.length > 0 && partners.every((p) => p === me);
  await checkDocumentAccess(env, model, ids, onlyMe ? 'read' : 'write');
}

export function threadMethods(model: string): Record<string, MethodDef> {
  return {
    message_post: {
      params: ['thread_id', 'body', 'subject', 'type', 'subtype', 'parent_id', 'attachments', 'context',
        'content_subtype', 'partner_ids', 'attachment_ids', 'message_type', 'subtype_xmlid', 'subtype_id'],
      required: ['thread_id'],
      fn: async (env, a) => {
        const ids = intList(a.thread_id, 'thread_id');
        if (ids.length !== 1) throw new CallError('message_post needs exactly one record', 'ValueError');
        await checkDocumentAccess(env, model, ids, 'read');
        const type = (a.type ?? a.message_type ?? 'notification') as MessageType;
        if (!TYPES.has(type)) throw new CallError(`Wrong message type: ${String(type)}`, 'ValueError');
        let body = optionalString(a.body, 'body') ?? '';
        if (a.content_subtype === 'plaintext') body = `<p>${escapeHtml(body).replace(/\n/g, '<br/>')}</p>`;
        else body = sanitizeHtml(body);
        const subtypeId = a.subtype_id === undefined || a.subtype_id === false ? null : Number(a.subtype_id);
        return postMessage(env, model, ids[0], {
          body, type, subtypeId,
          subject: optionalString(a.subject, 'subject'),
          subtype: optionalString(a.subtype ?? a.subtype_xmlid, 'subtype'),
          parentId: a.parent_id ? Number(a.parent_id) : null,
          partnerIds: intList(a.partner_ids, 'partner_ids'),
          attachments: attachmentPairs(a.attachments),
          attachmentIds: intList(a.attachment_ids, 'attachment_ids'),
        });
      },
    },
    message_subscribe: {
      params: ['ids', 'partner_ids', 'subtype_ids', 'context'],
      fn: async (env, a) => {
        const ids = a.ids as number[];
        const partners = intList(a.partner_ids, 'partner_ids');
        await checkFollowAccess(env, model, ids, partners);
        const subtypes = a.subtype_ids === undefined || a.subtype_ids === null || a.subtype_ids === false
          ? null : intList(a.subtype_ids, 'subtype_ids');
        await subscribe(env, model, ids, partners, subtypes);
        return true;
      },
    },
    message_unsubscribe: {
      params: ['ids', 'partner_ids', 'context'],
      fn: async (env, a) => {
        const ids = a.ids as number[];
        const partners = intList(a.partner_ids, 'partner_ids');
        await checkFollowAccess(env, model, ids, partners);
        await unsubscribe(env, model, ids, partners);
        return true;
      },
    },
    message_subscribe_users: {
      params: ['ids', 'user_ids', 'subtype_ids', 'context'],
      fn: async (env, a) => {
        const ids = a.ids as number[];
        const users = a.user_ids ? intList(a.user_ids, 'user_ids') : [env.uid];
        const partners = await partnersOfUsers(env, users);
        await checkFollowAccess(env, model, ids, partners);
        const subtypes = a.subtype_ids ? intList(a.subtype_ids, 'subtype_ids') : null;
        await subscribe(env, model, ids, partners, subtypes);
        return true;
      },
    },
    message_unsubscribe_users: {
      params: ['ids', 'user_ids', 'context'],
      fn: async (env, a) => {
        const ids = a.ids as number[];
        const users = a.user_ids ? intList(a.user_ids, 'user_ids') : [env.uid];
        const partners = await partnersOfUsers(env, users);
        await checkFollowAccess(env, model, ids, partners);
        await unsubscribe(env, model, ids, partners);
        return true;
      },
    },
  };
}
