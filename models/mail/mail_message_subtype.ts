// mail.message.subtype: what a message is about. Followers choose the subtypes they hear of;
// the default ones are given to every new follower.
import { boolean, char, defineModel, text } from '../../src/orm/define';

export default defineModel({
  name: 'mail.message.subtype',
  description: 'Message subtypes',
  order: 'id',
  fields: {
    name: char({ string: 'Message Type', required: true, translate: true,
      help: 'Message subtype gives a more precise type on the message, especially for system notifications.' }),
    description: text({ string: 'Description', translate: true,
      help: 'Description that will be added in the message posted for this subtype.' }),
    res_model: char({ string: 'Model',
      help: 'Model the subtype applies to. If False, this subtype applies to all models.' }),
    default: boolean({ string: 'Default', default: true, help: 'Activated by default when subscribing.' }),
  },
});
