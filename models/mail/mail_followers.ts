// mail.followers: a partner following a record (res_model, res_id), with the subtypes they
// hear of. The thread methods (message_subscribe...) are the usual way to change them.
import { char, defineModel, integer, many2many, many2one } from '../../src/orm/define';

export default defineModel({
  name: 'mail.followers',
  description: 'Document Followers',
  recName: 'partner_id',
  fields: {
    res_model: char({ string: 'Related Document Model', required: true, index: true }),
    res_id: integer({ string: 'Related Document ID', index: true }),
    partner_id: many2one('res.partner', { string: 'Related Partner', required: true, ondelete: 'cascade', index: true }),
    subtype_ids: many2many('mail.message.subtype', {
      string: 'Subtype',
      relation: 'mail_followers_mail_message_subtype_rel', column1: 'mail_followers_id', column2: 'mail_message_subtype_id',
      help: 'Message subtypes followed, meaning subtypes that will be pushed onto the user\'s Wall.',
    }),
  },
  sqlConstraints: [{
    name: 'mail_followers_res_partner_res_model_id_uniq', unique: ['res_model', 'res_id', 'partner_id'],
    message: 'Error, a partner cannot follow twice the same object.',
  }],
});
