// What the support center tells its users when it refuses something, in English and Spanish;
// the caller's `lang` picks one.
import { labelText, type Label } from '../../src/orm/define';
import type { Env } from '../../src/orm/define';
import { l } from '../helpdesk_resources/i18n';

export const MESSAGES = {
  closedReadOnly: l('A closed request cannot be changed.', 'Una solicitud cerrada no puede modificarse.'),
  problemsOnlyInReview: l(
    'Problems can only be linked to a request while it is reviewed.',
    'Solo pueden asociarse problemas a una solicitud en estado Revisada.',
  ),
  closedSolutionRequests: l(
    'A closed request cannot be linked to or unlinked from a solution.',
    'Una solicitud cerrada no puede asociarse ni desasociarse de una solución.',
  ),
  subjectAndCategory: l(
    'The subject and the category must be set before notifying the request.',
    'El asunto y la categoría deben estar establecidos antes de notificar la solicitud.',
  ),
  problemNeeded: l(
    'At least one problem must be identified before development.',
    'Debe identificarse al menos un problema antes del desarrollo.',
  ),
  resourcesNeeded: l(
    'Resources must be assigned to every open problem of the request first.',
    'Primero deben asignarse recursos a todos los problemas abiertos de la solicitud.',
  ),
  solutionNeeded: l(
    'A solution must be linked before closing the request.',
    'Debe asociarse una solución antes de cerrar la solicitud.',
  ),
} satisfies Record<string, Label>;

export type MessageKey = keyof typeof MESSAGES;

export function text(label: Label, lang: unknown): string {
  return labelText(label, typeof lang === 'string' && lang ? lang : 'en_US');
}

export function message(env: Env, key: MessageKey): string {
  return text(MESSAGES[key], env.context.lang);
}
