// mail.mail: the outbox. One row per email; the sender delivers it outside requests and
// records the outcome here (sent, or exception with the reason), readable over RPC.
import { char, datetime, defineModel, html, integer, many2one, selection, text } from '../../src/orm/define';
import { cancelMails, markOutgoing, mailQueuedHook, newMessageId } from '../../src/mail/define';

export const MAIL_STATES: [string, string][] = [
  ['outgoing', 'Outgoing'], ['sent', 'Sent'], ['received', 'Received'], ['exception', 'Delivery Failed'], ['cancel', 'Cancelled'],
];

export default defineModel({
  name: 'mail.mail',
  description: 'Outgoing Mails',
  order: 'id desc',
  recName: 'subject',
  fields: {
    mail_message_id: many2one('mail.message', { string: 'Message', ondelete: 'set null', index: true }),
    model: char({ string: 'Related Document Model' }),
    res_id: integer({ string: 'Related Document ID' }),
    record_name: char({ string: 'Record Name' }),
    subject: char({ string: 'Subject' }),
    body_html: html({ string: 'Rich-text Contents' }),
    email_from: char({ string: 'From' }),
    reply_to: char({ string: 'Reply-To' }),
    email_to: char({ string: 'To', required: true }),
    recipient_id: many2one('res.partner', { string: 'Recipient', ondelete: 'set null' }),
    message_id: char({ string: 'Message-Id', readonly: true, copy: false, default: () => newMessageId('openerp-mail') }),
    in_reply_to: char({ string: 'In-Reply-To', readonly: true }),
    references: text({ string: 'References', readonly: true }),
    state: selection(MAIL_STATES, { string: 'Status', readonly: true, default: 'outgoing', copy: false }),
    failure_reason: text({ string: 'Failure Reason', readonly: true, copy: false,
      help: 'Why the last attempt failed (the SMTP server\'s answer).' }),
    attempts: integer({ string: 'Attempts', readonly: true, copy: false, default: 0 }),
    date_sent: datetime({ string: 'Sent on', readonly: true, copy: false }),
  },
  methods: {
    // 7.0's "Retry": failed or cancelled mail goes back to the outbox, attempts counted afresh.
    mark_outgoing: { params: ['ids', 'context'], fn: (env, a) => markOutgoing(env, a.ids as number[]) },
    cancel: { params: ['ids', 'context'], fn: (env, a) => cancelMails(env, a.ids as number[]) },
    // 7.0 sends at once; here sending never happens inside a request: the mail is queued and
    // the sender woken.
    send: { params: ['ids', 'auto_commit', 'recipient_ids', 'context'], fn: (env, a) => markOutgoing(env, a.ids as number[]) },
  },
  hooks: {
    afterCreate: (env) => mailQueuedHook(env),
  },
});
