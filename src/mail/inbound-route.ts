// Where an incoming message goes, in OpenERP's order: a reply to a message we sent (by
// In-Reply-To/References, or by a `+model-id` reply address when those headers are gone), then
// a mail alias (a new record with the alias's defaults), then the model the caller named.
import type { Env } from '../orm/env-types';
import type { Registry } from '../orm/registry';
import type { InboundMail } from './inbound-parse';
import { readAliasDefaults } from './alias-defaults';

export type Route =
  | { kind: 'update'; model: string; resId: number; parentId: number | null; via: string }
  | { kind: 'new'; model: string; defaults: Record<string, unknown>; via: string };

export interface RouteRequest {
  model: string | null;
  threadId: number | null;
}

/** A model that is a thread (it has the chatter fields of mail.thread). */
export function isThreadModel(env: Env, model: string | null | undefined): model is string {
  const registry = env.registry as Registry;
  return !!model && registry.has(model) && !!registry.model(model).fields.message_ids;
}

async function exists(env: Env, model: string, id: number): Promise<boolean> {
  return (await env.sudo().model(model).exists([id])).length === 1;
}

/** The message (or notification email) each Message-ID of ours names, as its record. */
async function replyRoute(env: Env, mail: InboundMail): Promise<Route | null> {
  if (!mail.threadIds.length) return null;
  const messages = (await env.cr('mail_message').whereIn('message_id', mail.threadIds)
    .select('id', 'model', 'res_id', 'message_id')) as Record<string, unknown>[];
  const mails = (await env.cr('mail_mail').whereIn('message_id', mail.threadIds)
    .select('mail_message_id as id', 'model', 'res_id', 'message_id')) as Record<string, unknown>[];
  for (const ref of mail.threadIds) {
    for (const row of [...messages, ...mails].filter((r) => r.message_id === ref)) {
      const model = row.model as string | null;
      const resId = Number(row.res_id);
      if (isThreadModel(env, model) && resId && await exists(env, model, resId)) {
        return { kind: 'update', model, resId, parentId: row.id === null ? null : Number(row.id), via: `reply to ${ref}` };
      }
    }
  }
  return null;
}

/** `anything+<model>-<id>@domain` (`catchall+project.task-12@...`): the thread carried by the reply address. */
async function replyAddressRoute(env: Env, mail: InboundMail): Promise<Route | null> {
  for (const address of mail.recipients) {
    const local = address.split('@')[0];
    const plus = local.indexOf('+');
    if (plus < 0) continue;
    const tag = local.slice(plus + 1);
    const dash = tag.lastIndexOf('-');
    const resId = Number(tag.slice(dash + 1));
    if (dash < 1 || !Number.isSafeInteger(resId) || resId <= 0) continue;
    const model = tag.slice(0, dash);
    if (isThreadModel(env, model) && await exists(env, model, resId)) {
      return { kind: 'update', model, resId, parentId: null, via: `reply address ${address}` };
    }
  }
  return null;
}

async function aliasRoute(env: Env, mail: InboundMail): Promise<Route | null> {
  const locals = [...new Set(mail.recipients.map((a) => a.split('@')[0]))];
  if (!locals.length) return null;
  const rows = (await env.cr('mail_alias as a').join('ir_model as m', 'm.id', 'a.alias_model_id')
    .whereIn('a.alias_name', locals)
    .select('a.alias_name', 'a.alias_defaults', 'a.alias_force_thread_id', 'm.model')) as Record<string, unknown>[];
  // The first recipient that is an alias wins, as OpenERP takes the first route.
  for (const local of locals) {
    const alias = rows.find((r) => r.alias_name === local);
    const model = alias?.model as string | undefined;
    if (!alias || !isThreadModel(env, model)) continue;
    const forced = Number(alias.alias_force_thread_id);
    if (forced && await exists(env, model, forced)) {
      return { kind: 'update', model, resId: forced, parentId: null, via: `alias ${local}` };
    }
    return { kind: 'new', model, defaults: readAliasDefaults(alias.alias_defaults as string | null), via: `alias ${local}` };
  }
  return null;
}

export async function findRoute(env: Env, mail: InboundMail, req: RouteRequest): Promise<Route | null> {
  const found = await replyRoute(env, mail) ?? await replyAddressRoute(env, mail) ?? await aliasRoute(env, mail);
  if (found) return found;
  if (!isThreadModel(env, req.model)) return null;
  if (req.threadId && await exists(env, req.model, req.threadId)) {
    return { kind: 'update', model: req.model, resId: req.threadId, parentId: null, via: 'the given thread' };
  }
  return { kind: 'new', model: req.model, defaults: {}, via: 'the given model' };
}
