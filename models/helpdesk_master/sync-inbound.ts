// Applying what a peer center sends: a pushed request is created in state `notified` (or, sent
// again after a reset, renewed and notified again); a state change is applied through the
// workflow engine as the peer user, marked as coming from that peer so it is not sent back.
import { AccessError, UserError } from '../../src/errors';
import type { Env } from '../../src/orm/define';
import { isStruct, newStruct, type RpcStruct, type RpcValue } from '../../src/values';
import { fromPeer, type Envelope } from '../../src/sync/define';
import { REQUEST_CATEGORIES } from '../helpdesk_general/categories';
import { PRIORITIES, REQUEST_STATES } from './helpdesk_request';
import { REQUEST, SERVER } from './sync-outbound';
import { syncMessage } from './sync-messages';

const CATEGORIES = new Set(REQUEST_CATEGORIES.map(([k]) => k));
const STATES = new Set(REQUEST_STATES.map(([k]) => k));
const PRIORITY_KEYS = new Set(PRIORITIES.map(([k]) => k));

export async function applySyncMessage(env: Env, msg: Envelope): Promise<RpcValue> {
  const [server] = await env.sudo().model(SERVER).searchRead([['code', '=', msg.from]], ['peer_user_id'], { limit: 1 });
  if (!server) throw new UserError(syncMessage(env, 'unknownCenter', msg.from));
  // A center's code is only a claim; when we know which login that center uses, hold it to it.
  const login = Array.isArray(server.peer_user_id) ? server.peer_user_id[0] : null;
  if (login !== null && login !== env.uid) throw new AccessError(syncMessage(env, 'notThatPeer', msg.from));
  const id = Number(server.id);
  if (msg.kind === 'push') return receivePush(env, id, msg.from, msg.data);
  if (msg.kind === 'state') return receiveState(env, id, msg.from, msg.data);
  throw new UserError(`Unknown kind of sync message: ${msg.kind}`);
}

function refOf(data: RpcStruct): string {
  const ref = data.ref;
  if ((typeof ref !== 'number' || !Number.isInteger(ref)) && (typeof ref !== 'string' || !ref)) {
    throw new UserError('A sync message must name the sender\'s reference of the request');
  }
  return String(ref);
}

const textOr = (v: RpcValue | undefined): string | false => (typeof v === 'string' && v ? v : false);

async function receivePush(env: Env, server: number, from: string, d: RpcStruct): Promise<RpcValue> {
  const ref = refOf(d);
  if (typeof d.subject !== 'string' || !d.subject.trim()) throw new UserError('A pushed request needs a subject');
  if (typeof d.category !== 'string' || !CATEGORIES.has(d.category)) throw new UserError('A pushed request needs a valid category');
  const content: Record<string, unknown> = {
    subject: d.subject,
    description: textOr(d.description),
    category: d.category,
    partner_id: await requester(env, textOr(d.partner_name), textOr(d.partner_email)),
  };
  if (typeof d.priority === 'string' && PRIORITY_KEYS.has(d.priority)) content.priority = d.priority;
  const model = env.model(REQUEST);
  const [existing] = await env.sudo().model(REQUEST).search(
    [['origin_server_id', '=', server], ['origin_ref', '=', ref]], { limit: 1 },
  );
  if (existing) {
    const [cur] = await env.sudo().model(REQUEST).read([existing], ['state']);
    if (cur?.state !== 'closed') await model.write([existing], content);
    await applyState(env, server, existing, 'notified');
    await addAttachments(env, existing, d.attachments);
    return answer(existing);
  }
  const chain = [typeof d.chain === 'string' ? d.chain : '', `${from}:${ref}`].filter(Boolean).join('/');
  // Nobody here is responsible yet: the support center assigns someone when it reviews.
  const id = await model.createInternal({
    ...content, origin_server_id: server, origin_ref: ref, origin_chain: chain, state: 'notified', user_id: false,
  });
  await addAttachments(env, id, d.attachments);
  const reference = typeof d.reference === 'string' ? d.reference : ref;
  await model.call('message_post', {
    thread_id: [id], body: `<p>${escape(syncMessage(env, 'received', from, reference))}</p>`,
  });
  return answer(id);
}

async function receiveState(env: Env, server: number, from: string, d: RpcStruct): Promise<RpcValue> {
  const ref = refOf(d);
  if (typeof d.state !== 'string' || !STATES.has(d.state)) throw new UserError('A state message needs a valid state');
  const su = env.sudo().model(REQUEST);
  let id: number;
  if (d.direction === 'up') {
    // We are the origin: the peer names our own id, and must be where we sent the request.
    id = Number(d.target);
    const [row] = Number.isInteger(id) && id > 0 ? await su.read([id], ['support_server_id', 'remote_ref']) : [];
    const support = Array.isArray(row?.support_server_id) ? row.support_server_id[0] : null;
    if (!row || support !== server) throw new UserError(syncMessage(env, 'notOurs', d.target, from));
    if (!row.remote_ref) await su.writeInternal([id], { remote_ref: ref });
    else if (row.remote_ref !== ref) throw new UserError(syncMessage(env, 'notOurs', d.target, from));
  } else {
    const [found] = await su.search([['origin_server_id', '=', server], ['origin_ref', '=', ref]], { limit: 1 });
    if (!found) throw new UserError(syncMessage(env, 'unknownRequest', from, ref));
    id = found;
  }
  const moved = await applyState(env, server, id, d.state);
  return Object.assign(answer(id), { moved });
}

async function applyState(env: Env, server: number, id: number, state: string): Promise<boolean> {
  const out = await fromPeer(env, server, REQUEST, id).model(REQUEST)
    .call('_workflow_apply_state', { ids: [id], state, signal: '' });
  return isStruct(out) && out[String(id)] === true;
}

function answer(id: number): RpcStruct {
  return Object.assign(newStruct(), { ref: id });
}

/** The requester by email (as the help center knows them), created when unknown here. */
async function requester(env: Env, name: string | false, email: string | false): Promise<number | false> {
  if (!name && !email) return false;
  const partners = env.sudo().model('res.partner');
  if (email) {
    const [found] = await partners.search([['email', '=', email]], { limit: 1 });
    if (found) return found;
  }
  return partners.create({ name: name || email, email: email || false });
}

/** Attachments not already on the request (by name and content) are added to it. */
async function addAttachments(env: Env, id: number, raw: RpcValue | undefined): Promise<void> {
  if (!Array.isArray(raw) || !raw.length) return;
  const attachments = env.sudo().model('ir.attachment');
  const present = await attachments.searchRead([['res_model', '=', REQUEST], ['res_id', '=', id]], ['name', 'datas']);
  const seen = new Set(present.map((a) => `${String(a.name)}\u0000${String(a.datas)}`));
  for (const a of raw) {
    if (!isStruct(a) || typeof a.name !== 'string' || !a.name) continue;
    const datas = typeof a.datas === 'string' ? a.datas : false;
    if (seen.has(`${a.name}\u0000${String(datas)}`)) continue;
    await attachments.create({
      name: a.name, datas_fname: textOr(a.datas_fname), mimetype: textOr(a.mimetype), datas,
      res_model: REQUEST, res_id: id, type: 'binary',
    });
  }
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
