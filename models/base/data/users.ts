// The main company and the administrator (uid 1, the superuser of OpenERP 7.0). The loader
// sets the administrator's password, login and language from the database creation options.
import { ref, type DataRecord } from '../../../src/orm/define';

export const companyData: DataRecord[] = [
  { id: 'main_partner', model: 'res.partner', noupdate: true, values: { name: 'My Company', is_company: true } },
  { id: 'main_company', model: 'res.company', noupdate: true, values: {
    name: 'My Company', partner_id: ref('base.main_partner'),
  } },
  { id: 'partner_root', model: 'res.partner', noupdate: true, values: {
    name: 'Administrator', company_id: ref('base.main_company'), email: 'admin@example.com',
  } },
];

export const adminData: DataRecord[] = [
  { id: 'user_root', model: 'res.users', noupdate: true, values: {
    login: 'admin', partner_id: ref('base.partner_root'), company_id: ref('base.main_company'),
    menu_id: ref('base.action_menu_admin'),
    groups_id: [[6, 0, [
      ref('base.group_user'), ref('base.group_system'), ref('base.group_erp_manager'),
      ref('base.group_partner_manager'), ref('base.group_no_one'),
    ]]],
  } },
];
