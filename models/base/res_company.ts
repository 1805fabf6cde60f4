// res.company: the companies using the database. Each is backed by a partner, created with it.
import { char, defineModel, many2one, one2many } from '../../src/orm/define';

export default defineModel({
  name: 'res.company',
  // Servers cache these rows per database (identities, access, menus): a change drops their copies.
  invalidatesCache: true,
  description: 'Companies',
  order: 'name',
  fields: {
    name: char({ string: 'Company Name', required: true }),
    partner_id: many2one('res.partner', { string: 'Partner', required: true, ondelete: 'restrict' }),
    parent_id: many2one('res.company', { string: 'Parent Company', index: true }),
    child_ids: one2many('res.company', 'parent_id', { string: 'Child Companies' }),
    email: char({ string: 'Email' }),
    phone: char({ string: 'Phone' }),
  },
  sqlConstraints: [
    { name: 'name_uniq', unique: ['name'], message: 'The company name must be unique !' },
  ],
  hooks: {
    // As in 7.0, a company created without a partner gets one of the same name.
    beforeCreate: async (env, vals) => {
      if (vals.partner_id || typeof vals.name !== 'string') return;
      vals.partner_id = await env.sudo().model('res.partner').create({
        name: vals.name, is_company: true, email: vals.email ?? false, phone: vals.phone ?? false,
      });
    },
    afterCreate: async (env, id, vals) => {
      if (vals.partner_id) await env.sudo().model('res.partner').write([Number(vals.partner_id)], { company_id: id });
    },
    // The company's name is its partner's name.
    afterWrite: async (env, ids, vals) => {
      if (typeof vals.name !== 'string') return;
      const rows = await env.sudo().model('res.company').read(ids, ['partner_id']);
      const partners = rows.map((r) => (Array.isArray(r.partner_id) ? Number(r.partner_id[0]) : 0)).filter(Boolean);
      if (partners.length) await env.sudo().model('res.partner').write(partners, { name: vals.name });
    },
  },
});
