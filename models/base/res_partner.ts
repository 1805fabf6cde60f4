// res.partner: contacts and companies. A contact of a company is named "Company, Contact".
import {
  boolean, char, defineModel, integer, many2many, many2one, nameGetFrom, one2many, selection, text,
  type Env,
} from '../../src/orm/define';
import { completeName, normalizeWebsite, storedCompleteNames } from './res-partner-names';
import { userCompany } from './company-default';

export const LANGUAGES: [string, string][] = [['en_US', 'English'], ['es_ES', 'Spanish / Español']];

export default defineModel({
  name: 'res.partner',
  // Servers cache users' languages and time zones: a change of one drops their copies.
  invalidatesCache: ['lang', 'tz'],
  description: 'Contact',
  order: 'name, id',
  // A contact is found by its own name, its company's, or its email (7.0's three paths), as Odoo
  // does: through the stored complete name, one column with one trigram index.
  nameSearchPaths: ['complete_name', 'email'],
  // Its name_get is that stored name: a read joins it in for the partners its many2ones show.
  displayNameField: 'complete_name',
  fields: {
    name: char({ string: 'Name', required: true, index: true,
      copyFormat: { en_US: '%s (copy)', es_ES: '%s (copia)' } }),
    complete_name: char({
      string: 'Complete Name', readonly: true, trigramIndex: true,
      storedCompute: { depends: ['name', 'is_company', 'parent_id.name'], value: completeName },
    }),
    display_name: char({
      string: 'Display Name', readonly: true,
      compute: (env, ids) => storedCompleteNames(env, ids),
    }),
    ref: char({ string: 'Reference', index: true }),
    is_company: boolean({ string: 'Is a Company', default: false,
      help: 'Check if the contact is a company, otherwise it is a person' }),
    parent_id: many2one('res.partner', { string: 'Related Company', index: true }),
    child_ids: one2many('res.partner', 'parent_id', { string: 'Contact', domain: [['active', '=', true]] }),
    function: char({ string: 'Job Position' }),
    type: selection([
      ['contact', 'Contact'], ['invoice', 'Invoice Address'], ['delivery', 'Delivery Address'],
      ['other', 'Other Address'],
    ], { string: 'Address Type', default: 'contact' }),
    street: char({ string: 'Street' }),
    street2: char({ string: 'Street2' }),
    zip: char({ string: 'Zip', size: 24 }),
    city: char({ string: 'City' }),
    country_id: many2one('res.country', { string: 'Country', ondelete: 'restrict' }),
    email: char({ string: 'Email', trigramIndex: true }),
    phone: char({ string: 'Phone' }),
    mobile: char({ string: 'Mobile' }),
    website: char({ string: 'Website', help: 'Website of Partner or Company' }),
    comment: text({ string: 'Notes' }),
    category_id: many2many('res.partner.category', {
      string: 'Tags', relation: 'res_partner_res_partner_category_rel',
      column1: 'partner_id', column2: 'category_id',
    }),
    color: integer({ string: 'Color Index', default: 0 }),
    active: boolean({ string: 'Active', default: true }),
    lang: selection(LANGUAGES, {
      string: 'Language',
      default: (env: Env) => (LANGUAGES.some(([code]) => code === env.context.lang) ? env.context.lang : 'en_US'),
      help: 'All the emails and documents sent to this contact will be translated in this language.',
    }),
    tz: char({ string: 'Timezone', size: 64,
      help: 'The partner\'s timezone, used to output proper date and time values.' }),
    company_id: many2one('res.company', { string: 'Company', index: true, default: userCompany }),
    user_ids: one2many('res.users', 'partner_id', { string: 'Users' }),
    notification_email_send: selection([
      ['none', 'Never'],
      ['email', 'Incoming Emails only'],
      ['comment', 'Incoming Emails and Discussions'],
      ['all', 'All Messages (discussions, emails, followed system notifications)'],
    ], { string: 'Receive Messages by Email', required: true, default: 'comment',
      help: 'Policy to receive emails for new messages pushed to your personal Inbox.' }),
  },
  methods: {
    name_get: nameGetFrom('res.partner', 'display_name'),
  },
  hooks: {
    normalizeVals: normalizeWebsite,
  },
});
