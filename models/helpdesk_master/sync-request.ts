// helpdesk.request between centers: the fields sync keeps, the hooks that queue a request's
// changes for its peers, and the public methods peers and support staff call (receive, hello,
// forward). A request sent to a support center takes its review, development and testing from it.
import { boolean, char, extendModel, type Env } from '../../src/orm/define';
import { AccessError, UserError } from '../../src/errors';
import { newStruct } from '../../src/values';
import { localCenterCode, peerSourceOf, receiveSync } from '../../src/sync/define';
import { l } from '../helpdesk_resources/i18n';
import { GROUP_MANAGER, GROUP_PEER, GROUP_SUPPORT_CENTER } from './groups';
import { mirrorStateChange, pushRequest, REQUEST, SERVER } from './sync-outbound';
import { applySyncMessage } from './sync-inbound';
import { syncMessage } from './sync-messages';

/** States only the support center reaches: on a request it delegated, they come from there. */
const SUPPORT_STATES = new Set(['reviewed', 'development', 'testing']);
const FORWARDABLE = new Set(['notified', 'reviewed', 'development', 'testing']);

async function requireGroup(env: Env, groups: string[], refusal: Parameters<typeof syncMessage>[1]): Promise<void> {
  if (env.su || env.uid === 1) return;
  const mine = await env.userGroups();
  if (!groups.some((g) => mine.has(g))) throw new AccessError(syncMessage(env, refusal));
}

async function guardDelegated(env: Env, ids: number[], vals: Record<string, unknown>): Promise<void> {
  const checkState = typeof vals.state === 'string' && SUPPORT_STATES.has(vals.state);
  if (!checkState && !('support_server_id' in vals)) return;
  const rows = await env.sudo().model(REQUEST).read(ids, ['sync_sent', 'support_server_id']);
  for (const row of rows) {
    if (!row.sync_sent) continue;
    const id = Number(row.id);
    if (checkState && peerSourceOf(env, REQUEST, id) === null) throw new UserError(syncMessage(env, 'delegated'));
    const current = Array.isArray(row.support_server_id) ? row.support_server_id[0] : false;
    if ('support_server_id' in vals && (vals.support_server_id || false) !== current) {
      throw new UserError(syncMessage(env, 'supportLocked'));
    }
  }
}

async function forward(env: Env, ids: number[], server: unknown): Promise<boolean> {
  await requireGroup(env, [GROUP_SUPPORT_CENTER, GROUP_MANAGER], 'supportOnly');
  if (typeof server !== 'number' || !Number.isInteger(server)) throw new UserError('support_server_id must be a server id');
  const [target] = await env.sudo().model(SERVER).read([server], ['code', 'active']);
  if (!target?.active) throw new UserError(syncMessage(env, 'unknownCenter', server));
  for (const id of ids) {
    const [row] = await env.model(REQUEST).read([id], ['state', 'sync_sent', 'origin_server_id', 'origin_chain']);
    if (!row) continue;
    if (!FORWARDABLE.has(String(row.state))) throw new UserError(syncMessage(env, 'forwardState'));
    if (row.sync_sent) throw new UserError(syncMessage(env, 'alreadySent'));
    const origin = Array.isArray(row.origin_server_id) ? row.origin_server_id[0] : null;
    const chainCodes = String(row.origin_chain || '').split('/').map((link) => link.split(':')[0]);
    if (origin === server || chainCodes.includes(String(target.code))) throw new UserError(syncMessage(env, 'forwardLoop'));
    await env.model(REQUEST).write([id], { support_server_id: server });
    await pushRequest(env, id, server);
    await env.model(REQUEST).call('message_post', {
      thread_id: [id], body: `<p>${syncMessage(env, 'forwarded', String(target.code).replace(/[<>&]/g, ''))}</p>`,
    });
  }
  return true;
}

export default extendModel({
  extends: REQUEST,
  fields: {
    sync_sent: boolean({
      string: l('Sent to the support center', 'Enviada al centro de soporte'), readonly: true, copy: false,
    }),
    origin_chain: char({
      string: l('Chain of origins', 'Cadena de orígenes'), readonly: true, copy: false,
      help: l('The centers the request passed through, first one first (code:reference).',
        'Los centros por los que pasó la solicitud, del primero al último (código:referencia).'),
    }),
  },
  methods: {
    // Called by peer centers: a list of messages, each applied once (see src/sync/inbound).
    sync_receive: {
      params: ['messages', 'context'],
      required: ['messages'],
      fn: async (env, args) => {
        await requireGroup(env, [GROUP_PEER, GROUP_MANAGER], 'peerOnly');
        return receiveSync(env, args.messages, applySyncMessage);
      },
    },
    // Lets a center check its configuration of us: our code, if its login may exchange requests.
    sync_hello: {
      params: ['context'],
      fn: async (env) => {
        await requireGroup(env, [GROUP_PEER, GROUP_MANAGER], 'peerOnly');
        return Object.assign(newStruct(), { code: localCenterCode(env), protocol: 1 });
      },
    },
    // A support center hands a request on to another support center (manual: "reenviar").
    forward: {
      params: ['ids', 'support_server_id', 'context'],
      required: ['support_server_id'],
      fn: (env, args) => forward(env, args.ids as number[], args.support_server_id),
    },
  },
  hooks: {
    beforeWrite: guardDelegated,
    // Every state change (a signal, a cascade, a mirrored change) goes to the linked centers.
    watch: {
      fields: (_env, written) => written.filter((f) => f === 'state'),
      changed: async (env, changes) => {
        const moved = changes.filter((c) => typeof c.after.state === 'string');
        if (moved.length) await mirrorStateChange(env, moved.map((c) => c.id), String(moved[0].after.state));
      },
    },
  },
});
