// res.partner.category: tags put on partners, in a hierarchy.
import { boolean, char, defineModel, integer, many2many, many2one, one2many } from '../../src/orm/define';

export default defineModel({
  name: 'res.partner.category',
  description: 'Partner Tags',
  order: 'name',
  fields: {
    name: char({ string: 'Tag Name', required: true, translate: true }),
    color: integer({ string: 'Color Index' }),
    parent_id: many2one('res.partner.category', { string: 'Parent Category', ondelete: 'cascade' }),
    child_ids: one2many('res.partner.category', 'parent_id', { string: 'Child Tags' }),
    active: boolean({ string: 'Active', default: true }),
    partner_ids: many2many('res.partner', {
      string: 'Partners', relation: 'res_partner_res_partner_category_rel',
      column1: 'category_id', column2: 'partner_id',
    }),
  },
});
