// What the helpdesk reports share: reading as the reader without failing on what they may not
// see, many2one names, and the words the reports print that are no field's label.
import { AccessError } from '../../../src/errors';
import type { Env } from '../../../src/orm/define';
import { l } from '../../helpdesk_resources/i18n';

export type Row = Record<string, unknown>;

/** The rows the reader may read, with only the fields they may see; none when the model is closed to them. */
export async function readAllowed(env: Env, model: string, ids: number[]): Promise<Row[]> {
  if (!ids.length) return [];
  try {
    return await env.model(model).read(ids);
  } catch (err) {
    if (err instanceof AccessError) return [];
    throw err;
  }
}

/** search_read as the reader; nothing when the model is closed to them. */
export async function searchAllowed(env: Env, model: string, domain: unknown[], fields: string[], order?: string): Promise<Row[]> {
  try {
    return await env.model(model).searchRead(domain, fields, { order });
  } catch (err) {
    if (err instanceof AccessError) return [];
    throw err;
  }
}

/** The display name of a many2one value (`[id, name]`), '' when empty. */
export function nameOf(value: unknown): string {
  return Array.isArray(value) && typeof value[1] === 'string' ? value[1] : '';
}

export function idsOf(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];
}

export const WORDS = {
  history: l('Message history', 'Historial de mensajes'),
  noMessages: l('No messages.', 'Sin mensajes.'),
  none: l('None.', 'Ninguno.'),
  author: l('Author', 'Autor'),
  date: l('Date', 'Fecha'),
  message: l('Message', 'Mensaje'),
  problem: l('Problem', 'Problema'),
  count: l('Requests', 'Solicitudes'),
  total: l('Total', 'Total'),
  recordsListed: l('Requests listed', 'Solicitudes listadas'),
  thisCenter: l('This center', 'Este centro'),
};
