// mail.message: the chatter of a record (comments, emails, status changes). message_post on a
// thread is the usual way in; a message created directly notifies like a posted one.
import {
  char, datetime, defineModel, html, integer, many2many, many2one, one2many, selection,
} from '../../src/orm/define';
import { checkMessageCreate, markRead, newMessageId, notifyCreatedMessage, nowStamp } from '../../src/mail/define';

export default defineModel({
  name: 'mail.message',
  description: 'Message',
  order: 'id desc',
  recName: 'record_name',
  fields: {
    model: char({ string: 'Related Document Model', size: 128, index: true }),
    res_id: integer({ string: 'Related Document ID', index: true }),
    record_name: char({ string: 'Message Record Name', help: 'Name get of the related document.' }),
    subject: char({ string: 'Subject' }),
    body: html({ string: 'Contents', help: 'Automatically sanitized HTML contents' }),
    type: selection([['email', 'Email'], ['comment', 'Comment'], ['notification', 'System notification']], {
      string: 'Type', default: 'email',
      help: 'Message type: email for email message, notification for system message, comment for other messages such as user replies',
    }),
    subtype_id: many2one('mail.message.subtype', { string: 'Subtype', ondelete: 'set null' }),
    author_id: many2one('res.partner', { string: 'Author', ondelete: 'set null',
      help: 'Author of the message. If not set, email_from may hold an email address that did not match any partner.' }),
    parent_id: many2one('mail.message', { string: 'Parent Message', ondelete: 'set null', index: true,
      help: 'Initial thread message.' }),
    child_ids: one2many('mail.message', 'parent_id', { string: 'Child Messages' }),
    date: datetime({ string: 'Date', default: nowStamp }),
    message_id: char({ string: 'Message-Id', readonly: true, copy: false, default: () => newMessageId('openerp-message') }),
    partner_ids: many2many('res.partner', {
      string: 'Recipients', relation: 'mail_message_res_partner_rel', column1: 'mail_message_id', column2: 'res_partner_id',
    }),
    notified_partner_ids: many2many('res.partner', {
      string: 'Notified partners', readonly: true,
      relation: 'mail_notification', column1: 'message_id', column2: 'partner_id',
      help: 'Partners that have a notification pushing this message in their mailboxes',
    }),
    attachment_ids: many2many('ir.attachment', {
      string: 'Attachments', relation: 'message_attachment_rel', column1: 'message_id', column2: 'attachment_id',
    }),
  },
  methods: {
    // 7.0: marks the messages read (or unread) in the caller's inbox; returns how many changed.
    set_message_read: {
      params: ['ids', 'read', 'context'],
      fn: (env, a) => markRead(env, a.ids as number[], a.read !== false),
    },
  },
  hooks: {
    beforeCreate: (env, vals) => checkMessageCreate(env, vals),
    afterCreate: (env, id) => notifyCreatedMessage(env, id),
  },
});
