// The mail module: followers, messages and the outbox of emails. Models become threads with
// `mailThread()` (src/mail/define); the subtypes below say which messages notify followers.
import { defineModule, ref, type DataRecord } from '../../src/orm/define';
import mailMessageSubtype from './mail_message_subtype';
import mailFollowers from './mail_followers';
import mailMessage from './mail_message';
import mailMail from './mail_mail';

function acl(model: string, group: string | null, perms: string): DataRecord {
  const table = model.replace(/\./g, '_');
  const who = group ? group.split('.')[1].replace(/^group_/, '') : 'all';
  return {
    id: `access_${table}_${who}`, model: 'ir.model.access',
    values: {
      name: `${model} ${who}`, model_id: ref(`mail.model_${table}`), group_id: group ? ref(group) : false,
      perm_read: perms.includes('r'), perm_write: perms.includes('w'),
      perm_create: perms.includes('c'), perm_unlink: perms.includes('u'),
    },
  };
}

const SUBTYPES: DataRecord[] = [
  { id: 'mt_comment', model: 'mail.message.subtype', values: { name: 'Discussions', default: true } },
  {
    id: 'mt_status', model: 'mail.message.subtype',
    values: { name: 'Status Changed', description: 'Status changed', default: true },
  },
];

const ACCESS: DataRecord[] = [
  acl('mail.message.subtype', null, 'r'), acl('mail.message.subtype', 'base.group_system', 'rwcu'),
  acl('mail.followers', null, 'r'), acl('mail.followers', 'base.group_user', 'rwcu'),
  acl('mail.message', null, 'rwc'), acl('mail.message', 'base.group_user', 'rwcu'),
  // The outbox: employees see what was sent and why something failed; Settings manage it.
  acl('mail.mail', 'base.group_user', 'r'), acl('mail.mail', 'base.group_system', 'rwcu'),
];

export default defineModule({
  name: 'mail',
  description: 'Followers, messages and email notifications (OpenERP mail.thread)',
  depends: ['base'],
  models: [mailMessageSubtype, mailFollowers, mailMessage, mailMail],
  data: [...SUBTYPES, ...ACCESS],
});
