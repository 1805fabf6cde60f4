// What the support center says about exchanges with peer centers, in English and Spanish.
import type { Env, Label } from '../../src/orm/define';
import { l } from '../helpdesk_resources/i18n';
import { text } from './messages';

export const SYNC_MESSAGES = {
  peerOnly: l(
    'Only the login of a peer center (or a manager) may exchange requests with other centers.',
    'Solo el usuario de un centro par (o un responsable) puede intercambiar solicitudes con otros centros.',
  ),
  managerOnly: l(
    'Only a support center manager may do this with a server configuration.',
    'Solo un responsable del centro de soporte puede hacer esto con una configuración de servidor.',
  ),
  supportOnly: l(
    'Only the support center may forward a request.',
    'Solo el centro de soporte puede reenviar una solicitud.',
  ),
  unknownCenter: l(
    'No active server configuration has the code "%s": create one for that center first.',
    'Ninguna configuración de servidor activa tiene el código "%s": cree primero una para ese centro.',
  ),
  notThatPeer: l(
    'Messages of center "%s" come from another login.',
    'Los mensajes del centro "%s" llegan con otro usuario.',
  ),
  delegated: l(
    'This request is handled by another support center: its review, development and testing come from there.',
    'Esta solicitud la atiende otro centro de soporte: su revisión, desarrollo y prueba llegan desde allí.',
  ),
  supportLocked: l(
    'The request has already been sent to its support center, which can no longer be changed.',
    'La solicitud ya se envió a su centro de soporte, que ya no puede cambiarse.',
  ),
  forwardState: l(
    'Only a request that is open (notified, reviewed, in development or testing) can be forwarded.',
    'Solo puede reenviarse una solicitud abierta (notificada, revisada, en desarrollo o en prueba).',
  ),
  alreadySent: l(
    'The request has already been sent to a support center.',
    'La solicitud ya se envió a un centro de soporte.',
  ),
  forwardLoop: l(
    'The request came from that center: forwarding it there would send it in a circle.',
    'La solicitud vino de ese centro: reenviarla allí la haría circular.',
  ),
  unknownRequest: l(
    'No request came from center "%s" with reference %s.',
    'Ninguna solicitud vino del centro "%s" con la referencia %s.',
  ),
  notOurs: l(
    'Request %s was not sent to center "%s".',
    'La solicitud %s no se envió al centro "%s".',
  ),
  passwordTooLong: l(
    'The password of a server configuration may have at most 128 characters.',
    'La contraseña de una configuración de servidor puede tener como máximo 128 caracteres.',
  ),
  received: l('Received from center %s (reference %s).', 'Recibida del centro %s (referencia %s).'),
  forwarded: l('Forwarded to center %s.', 'Reenviada al centro %s.'),
} satisfies Record<string, Label>;

/** The message in the caller's language, with `%s` replaced by `args` in order. */
export function syncMessage(env: Env, key: keyof typeof SYNC_MESSAGES, ...args: unknown[]): string {
  let i = 0;
  return text(SYNC_MESSAGES[key], env.context.lang).replace(/%s/g, () => String(args[i++] ?? ''));
}
