// mail.thread for any model: `mailThread(model, options)` is a model extension that adds the
// followers and messages fields, the message_* methods and the hooks that subscribe the people
// concerned and post a tracking message (notifying followers) when a tracked field changes.
import { boolean, extendModel, many2many, one2many, type Label, type ModelExtension } from '../orm/define';
import type { Env } from '../orm/env-types';
import { labelText } from '../orm/labels';
import { dropFollowers, followersOf, subscribe } from './followers';
import { partnerOfUser } from './partners';
import { postMessage } from './post';
import { diff, runtimeModel, trackingBody } from './tracking';
import { recordLangs } from './lang';
import { threadMethods } from './thread-methods';
import { emailMethods, type EmailHandlers } from './inbound-methods';

export interface FollowerField {
  /** A many2one to res.partner or res.users whose partner follows the record. */
  field: string;
  /** A boolean field that must be set for it to follow (a solution's `notify_partner`). */
  when?: string;
}

export interface ThreadOptions {
  /** Fields whose changes post a tracking message that notifies the followers. */
  track?: string[];
  /** Who follows besides the creator: the requester, the responsible... */
  followers?: (string | FollowerField)[];
  /** A many2one to res.partner or res.users giving the record's language (default `partner_id`). */
  langField?: string | null;
  /** How a record is made from (or updated by) an incoming email; OpenERP's defaults otherwise. */
  email?: EmailHandlers;
}

/** The external id of the subtype of tracking messages. */
export const STATUS_SUBTYPE = 'mail.mt_status';

const CREATED: Label = { en_US: '%s created', es_ES: 'Alta: %s' };

async function messagesOf(env: Env, model: string, ids: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>(ids.map((id) => [id, []]));
  const rows = (await env.cr('mail_message').where('model', model).whereIn('res_id', ids)
    .select('id', 'res_id').orderBy('id', 'desc')) as { id: unknown; res_id: unknown }[];
  for (const r of rows) out.get(Number(r.res_id))?.push(Number(r.id));
  return out;
}

async function isFollower(env: Env, model: string, ids: number[]): Promise<Map<number, boolean>> {
  const me = await partnerOfUser(env, env.uid);
  const followers = await followersOf(env, model, ids);
  return new Map(ids.map((id) => [id, me !== null && (followers.get(id) ?? []).includes(me)]));
}

async function hasUnread(env: Env, model: string, ids: number[]): Promise<Map<number, boolean>> {
  const me = await partnerOfUser(env, env.uid);
  const out = new Map<number, boolean>(ids.map((id) => [id, false]));
  if (me === null) return out;
  const rows = (await env.cr('mail_message as m').join('mail_notification as n', 'n.message_id', 'm.id')
    .where({ 'm.model': model, 'n.partner_id': me, 'n.read': false }).whereIn('m.res_id', ids)
    .distinct('m.res_id')) as { res_id: unknown }[];
  for (const r of rows) out.set(Number(r.res_id), true);
  return out;
}

function normalizeFollowers(list: (string | FollowerField)[] = []): FollowerField[] {
  return list.map((f) => (typeof f === 'string' ? { field: f } : f));
}

/** The partners the follower fields name on each record (when their condition holds). */
async function followerPartners(env: Env, model: string, ids: number[], fields: FollowerField[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>(ids.map((id) => [id, []]));
  if (!fields.length || !ids.length) return out;
  const def = runtimeModel(env, model);
  const names = [...new Set(fields.flatMap((f) => (f.when ? [f.field, f.when] : [f.field])))];
  const rows = (await env.cr(def.table).whereIn('id', ids).select('id', ...names)) as Record<string, unknown>[];
  const users = new Set<number>();
  for (const r of rows) {
    for (const f of fields) {
      if (def.fields[f.field]?.comodel === 'res.users' && r[f.field] !== null) users.add(Number(r[f.field]));
    }
  }
  const userPartner = new Map<number, number>();
  if (users.size) {
    const rowsU = (await env.cr('res_users').whereIn('id', [...users]).select('id', 'partner_id')) as Record<string, unknown>[];
    for (const u of rowsU) userPartner.set(Number(u.id), Number(u.partner_id));
  }
  for (const r of rows) {
    const list = out.get(Number(r.id))!;
    for (const f of fields) {
      const v = r[f.field];
      if (v === null || v === undefined || (f.when && !r[f.when])) continue;
      const pid = def.fields[f.field]?.comodel === 'res.users' ? userPartner.get(Number(v)) : Number(v);
      if (pid !== undefined && !list.includes(pid)) list.push(pid);
    }
  }
  return out;
}

async function subscribeFollowerFields(env: Env, model: string, ids: number[], fields: FollowerField[]): Promise<void> {
  for (const [id, partners] of await followerPartners(env, model, ids, fields)) {
    await subscribe(env, model, [id], partners);
  }
}

export function mailThread(model: string, options: ThreadOptions = {}): ModelExtension {
  const tracked = options.track ?? [];
  const followerFields = normalizeFollowers(options.followers);
  const watched = new Set(followerFields.flatMap((f) => (f.when ? [f.field, f.when] : [f.field])));
  const langField = (env: Env) => {
    if (options.langField !== undefined) return options.langField;
    return runtimeModel(env, model).fields.partner_id ? 'partner_id' : null;
  };
  return extendModel({
    extends: model,
    fields: {
      message_ids: one2many('mail.message', 'res_id', {
        string: { en_US: 'Messages', es_ES: 'Mensajes' }, readonly: true, help: 'Messages and communication history',
        compute: (env, ids) => messagesOf(env, model, ids),
      }),
      message_follower_ids: many2many('res.partner', {
        string: { en_US: 'Followers', es_ES: 'Seguidores' }, readonly: true,
        relation: 'mail_followers', column1: 'res_id', column2: 'partner_id',
        compute: (env, ids) => followersOf(env, model, ids),
      }),
      message_is_follower: boolean({
        string: { en_US: 'Is a Follower', es_ES: 'Es seguidor' }, readonly: true,
        compute: (env, ids) => isFollower(env, model, ids),
      }),
      message_unread: boolean({
        string: { en_US: 'Unread Messages', es_ES: 'Mensajes sin leer' }, readonly: true,
        compute: (env, ids) => hasUnread(env, model, ids),
      }),
    },
    methods: { ...threadMethods(model), ...emailMethods(model, options.email) },
    hooks: {
      afterCreate: async (env, id) => {
        if (!env.context.mail_create_nosubscribe) {
          const me = await partnerOfUser(env, env.uid);
          if (me !== null) await subscribe(env, model, [id], [me]);
        }
        await subscribeFollowerFields(env, model, [id], followerFields);
        if (!env.context.mail_create_nolog) {
          const lang = (await recordLangs(env, model, [id], langField(env))).get(id)!;
          const what = labelText(runtimeModel(env, model).description, lang);
          await postMessage(env, model, id, { body: `<p>${labelText(CREATED, lang).replace('%s', what)}</p>` });
        }
      },
      afterWrite: async (env, ids, vals) => {
        if (Object.keys(vals).some((k) => watched.has(k))) await subscribeFollowerFields(env, model, ids, followerFields);
      },
      // Tracking: the ORM compares the tracked fields a write sets, and this posts what changed.
      watch: {
        fields: (env, written) => (env.context.mail_notrack ? [] : tracked.filter((f) => written.includes(f))),
        changed: async (env, records, fields) => {
          const langs = await recordLangs(env, model, records.map((r) => r.id), langField(env));
          const def = runtimeModel(env, model);
          for (const { id, before, after } of records) {
            const changes = diff(def, fields, before, after, langs.get(id)!);
            if (changes.length) await postMessage(env, model, id, { body: trackingBody(changes), subtype: STATUS_SUBTYPE });
          }
        },
      },
      beforeUnlink: async (env, ids) => {
        await dropFollowers(env, model, ids);
      },
    },
  });
}
