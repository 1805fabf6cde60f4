// helpdesk.server as sync uses it: the password stored encrypted (never readable back), the
// delivery state of the peer (status, last success and error, queued messages), a connection
// test that names what is wrong, and a retry of messages the peer refused.
import {
  char, datetime, extendModel, integer, many2one, text, type Env,
} from '../../src/orm/define';
import { AccessError, ValidationError } from '../../src/errors';
import {
  peerSyncStates, retryPeerSync, sealPeerPassword, testPeer, wakePeerSync, type PeerSyncState,
} from '../../src/sync/define';
import { l } from '../helpdesk_resources/i18n';
import { GROUP_MANAGER } from './groups';
import { REQUEST, SERVER } from './sync-outbound';
import { syncMessage } from './sync-messages';

/** Changing any of these may cure a peer we stopped calling: it is tried again at once. */
const ACCESS_FIELDS = ['url', 'database', 'login', 'password', 'active'];

function sealIn(env: Env, vals: Record<string, unknown>): void {
  if (typeof vals.password !== 'string' || !vals.password) return;
  if (vals.password.length > 128) throw new ValidationError(syncMessage(env, 'passwordTooLong'));
  vals.password = sealPeerPassword(env, vals.password);
}

function stateField(pick: (s: PeerSyncState) => unknown) {
  return async (env: Env, ids: number[]): Promise<Map<number, unknown>> => {
    const states = await peerSyncStates(env, SERVER, ids);
    return new Map(ids.map((id) => [id, pick(states.get(id)!)]));
  };
}

async function requireManager(env: Env): Promise<void> {
  if (env.su || env.uid === 1) return;
  if (!(await env.userGroups()).has(GROUP_MANAGER)) throw new AccessError(syncMessage(env, 'managerOnly'));
}

export default extendModel({
  extends: SERVER,
  fields: {
    peer_user_id: many2one('res.users', {
      string: l('Login of the peer here', 'Usuario del centro par aquí'),
      help: l('When set, messages from this center are accepted only from this user.',
        'Si se indica, los mensajes de este centro solo se aceptan de este usuario.'),
    }),
    sync_status: char({
      string: l('Sync status', 'Estado de la sincronización'), store: false, readonly: true,
      help: l('ok, unreachable, database, login, rights, refused, inactive',
        'ok, inalcanzable (unreachable), base de datos, usuario (login), permisos (rights), rechazo, inactiva'),
      compute: stateField((s) => s.status),
    }),
    sync_last_success: datetime({
      string: l('Last delivery', 'Última entrega'), store: false, readonly: true, compute: stateField((s) => s.last_success),
    }),
    sync_last_error: text({
      string: l('Last error', 'Último error'), store: false, readonly: true, compute: stateField((s) => s.last_error),
    }),
    sync_pending_count: integer({
      string: l('Messages waiting', 'Mensajes en espera'), store: false, readonly: true, compute: stateField((s) => s.pending_count),
    }),
    sync_failed_count: integer({
      string: l('Messages failed', 'Mensajes fallidos'), store: false, readonly: true, compute: stateField((s) => s.failed_count),
    }),
  },
  methods: {
    // Reaches the peer, its database, logs in and asks who it is: {ok, reason, message, remote_code}.
    test_connection: {
      params: ['ids', 'context'],
      fn: async (env, args) => {
        await requireManager(env);
        const [row] = await env.model(SERVER).read((args.ids as number[]).slice(0, 1), ['code']);
        if (!row) throw new ValidationError('test_connection needs the id of a server configuration');
        return testPeer(env, SERVER, Number(row.id), { model: REQUEST, method: 'sync_hello', expectedCode: String(row.code) });
      },
    },
    // Puts back in the queue the messages the peer refused too often; returns how many.
    sync_retry: {
      params: ['ids', 'context'],
      fn: async (env, args) => {
        await requireManager(env);
        return retryPeerSync(env, SERVER, args.ids as number[]);
      },
    },
  },
  hooks: {
    beforeCreate: async (env, vals) => sealIn(env, vals),
    beforeWrite: async (env, _ids, vals) => sealIn(env, vals),
    afterWrite: async (env, ids, vals) => {
      if (ACCESS_FIELDS.some((f) => f in vals)) await wakePeerSync(env, SERVER, ids);
    },
  },
});
