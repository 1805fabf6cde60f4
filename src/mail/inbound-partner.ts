// The partner behind an email address: the oldest partner with that address (case does not
// matter), or a new one named as the sender signs, so every incoming message has an author.
import type { Env } from '../orm/env-types';
import type { MailAddress } from './inbound-parse';

export async function partnerForAddress(env: Env, from: MailAddress): Promise<number> {
  const row = (await env.cr('res_partner').whereRaw('lower(email) = ?', [from.address.toLowerCase()])
    .orderBy('id').first('id')) as { id: unknown } | undefined;
  if (row) return Number(row.id);
  return env.sudo().model('res.partner').create({ name: from.name.trim() || from.address, email: from.address });
}
