// The mail module: followers, messages, the outbox, and the gateway of incoming mail (mail.thread's
// message_process, aliases). Models become threads with `mailThread()` (src/mail/define); the
// subtypes below say which messages notify followers.
import { defineModule, ref, type DataRecord } from '../../src/orm/define';
import mailMessageSubtype from './mail_message_subtype';
import mailFollowers from './mail_followers';
import mailMessage from './mail_message';
import mailMail from './mail_mail';
import mailAlias from './mail_alias';
import mailThreadEntry from './mail_thread';

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
  // The outbox: employees see what they sent and why it failed (a rule); Settings manage it all.
  acl('mail.mail', 'base.group_user', 'r'), acl('mail.mail', 'base.group_system', 'rwcu'),
  // Aliases are settings: employees see where mail goes, Settings change it.
  acl('mail.alias', 'base.group_user', 'r'), acl('mail.alias', 'base.group_system', 'rwcu'),
  // The gateway's entry point holds no records; calling message_process needs only to log in.
  acl('mail.thread', null, 'r'),
];

function rule(id: string, model: string, name: string, domain: unknown[], groups: string[], perms: string): DataRecord {
  return {
    id, model: 'ir.rule', values: {
      name, model_id: ref(`mail.model_${model.replace(/\./g, '_')}`), domain_force: JSON.stringify(domain),
      groups: [[6, 0, groups.map((g) => ref(g))]],
      perm_read: perms.includes('r'), perm_write: perms.includes('w'),
      perm_create: perms.includes('c'), perm_unlink: perms.includes('u'),
    },
  };
}

// The rules of a user's groups are alternatives: an employee who is also in Settings sees all.
const RULES: DataRecord[] = [
  rule('rule_mail_mail_author', 'mail.mail', 'Outgoing mails: employees see those of their own messages',
    [['mail_message_id.author_id', '=', { $user: 'partner_id' }]], ['base.group_user'], 'r'),
  rule('rule_mail_mail_system', 'mail.mail', 'Outgoing mails: Settings see them all',
    [], ['base.group_system'], 'rwcu'),
];

export default defineModule({
  name: 'mail',
  description: 'Followers, messages and email notifications (OpenERP mail.thread)',
  depends: ['base'],
  models: [mailMessageSubtype, mailFollowers, mailMessage, mailMail, mailAlias, mailThreadEntry],
  data: [...SUBTYPES, ...ACCESS, ...RULES],
});
