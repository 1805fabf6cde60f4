// What a request's changes send to the centers it is linked to: the whole request when it is
// notified (or forwarded) to its support center, and every later state change to the origin and
// to the support center, except to the center the change came from (no echo).
import type { Env } from '../../src/orm/define';
import { newStruct, type RpcStruct } from '../../src/values';
import { peerSourceOf, queueSync } from '../../src/sync/define';

export const REQUEST = 'helpdesk.request';
export const SERVER = 'helpdesk.server';
/** The public method a peer receives our messages with. */
export const RECEIVE_METHOD = 'sync_receive';

export const streamOf = (id: number): string => `${REQUEST},${id}`;

function m2o(value: unknown): number | null {
  return Array.isArray(value) && typeof value[0] === 'number' ? value[0] : null;
}

const LINK_FIELDS = ['origin_server_id', 'origin_ref', 'support_server_id', 'sync_sent'];

/** Called after `state` was written on `ids` (a signal, a cascade, or a mirrored change). */
export async function mirrorStateChange(env: Env, ids: number[], state: string): Promise<void> {
  const rows = await env.sudo().model(REQUEST).read(ids, LINK_FIELDS);
  for (const row of rows) {
    const id = Number(row.id);
    const source = peerSourceOf(env, REQUEST, id);
    const origin = m2o(row.origin_server_id);
    const support = m2o(row.support_server_id);
    if (origin !== null && origin !== source && row.origin_ref) {
      await queueState(env, origin, id, state, Number(row.origin_ref));
    }
    if (support === null || support === source) continue;
    // Notifying (again, after a reset) sends the request itself; a relay passes a renewed
    // request on only to a center it already forwarded it to.
    if (state === 'notified' && (source === null || row.sync_sent)) await pushRequest(env, id, support);
    else if (row.sync_sent) await queueState(env, support, id, state, null);
  }
}

/** `target` is the peer's own id of the request (known when the peer is the origin). */
async function queueState(env: Env, server: number, id: number, state: string, target: number | null): Promise<void> {
  const data = Object.assign(newStruct(), {
    ref: id, state, direction: target === null ? 'down' : 'up', target: target ?? false,
  });
  await queueSync(env, {
    peer: { model: SERVER, id: server }, stream: streamOf(id), model: REQUEST, method: RECEIVE_METHOD, kind: 'state', data,
  });
}

/** Queues the request (content, requester, attachments) for `server` and marks it sent. */
export async function pushRequest(env: Env, id: number, server: number): Promise<void> {
  const su = env.sudo();
  const [row] = await su.model(REQUEST).read([id], [
    'name', 'subject', 'description', 'category', 'priority', 'partner_id', 'origin_chain', 'sync_sent',
  ]);
  const partnerId = m2o(row.partner_id);
  const [partner] = partnerId ? await su.model('res.partner').read([partnerId], ['name', 'email']) : [];
  const data = Object.assign(newStruct(), {
    ref: id,
    reference: row.name || false,
    chain: row.origin_chain || '',
    subject: row.subject,
    description: row.description || false,
    category: row.category,
    priority: row.priority || false,
    partner_name: partner?.name || false,
    partner_email: partner?.email || false,
    attachments: await attachmentsOf(env, id),
  }) as RpcStruct;
  await queueSync(env, {
    peer: { model: SERVER, id: server }, stream: streamOf(id), model: REQUEST, method: RECEIVE_METHOD, kind: 'push', data,
    reply: { model: REQUEST, id, field: 'remote_ref' },
  });
  if (!row.sync_sent) await su.model(REQUEST).writeInternal([id], { sync_sent: true });
}

async function attachmentsOf(env: Env, id: number): Promise<RpcStruct[]> {
  const rows = await env.sudo().model('ir.attachment').searchRead(
    [['res_model', '=', REQUEST], ['res_id', '=', id], ['type', '=', 'binary']],
    ['name', 'datas_fname', 'mimetype', 'datas'], { order: 'id' },
  );
  return rows.map((a) => Object.assign(newStruct(), {
    name: a.name, datas_fname: a.datas_fname || false, mimetype: a.mimetype || false, datas: a.datas || false,
  }) as RpcStruct);
}
