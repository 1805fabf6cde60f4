// A service request made from an email (the support alias, or the gateway with this model): the
// subject is the request's subject, the plain text its description, the sender its requester.
// The alias's defaults (the category) come as custom values and take precedence.
import type { Env } from '../../src/orm/define';
import type { EmailHandlers, MsgDict } from '../../src/mail/define';

async function requestFromEmail(env: Env, msg: MsgDict, custom: Record<string, unknown>): Promise<number> {
  return env.model('helpdesk.request').create({
    subject: msg.subject.trim() || '(no subject)',
    description: msg.body_text.trim() || false,
    partner_id: msg.author_id,
    // Mail sent to the support center is about technical assistance unless the alias says otherwise.
    category: 'technical',
    ...custom,
  });
}

export const REQUEST_EMAIL: EmailHandlers = { messageNew: requestFromEmail };
