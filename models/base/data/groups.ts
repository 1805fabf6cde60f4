// The base applications and groups. Settings implies Access Rights; the administrator is
// added to the groups in users.ts.
import { ref, type DataRecord } from '../../../src/orm/define';

export const categoryData: DataRecord[] = [
  { id: 'module_category_administration', model: 'ir.module.category', values: { name: 'Administration', sequence: 100 } },
  { id: 'module_category_human_resources', model: 'ir.module.category', values: { name: 'Human Resources', sequence: 45 } },
  { id: 'module_category_usability', model: 'ir.module.category', values: { name: 'Usability', sequence: 200 } },
  { id: 'module_category_hidden', model: 'ir.module.category', values: { name: 'Technical Settings', sequence: 300 } },
];

export const groupData: DataRecord[] = [
  { id: 'group_erp_manager', model: 'res.groups', values: {
    name: 'Access Rights', category_id: ref('base.module_category_administration'),
  } },
  { id: 'group_system', model: 'res.groups', values: {
    name: 'Settings', category_id: ref('base.module_category_administration'),
    implied_ids: [[4, ref('base.group_erp_manager')]],
  } },
  { id: 'group_user', model: 'res.groups', values: {
    name: 'Employee', category_id: ref('base.module_category_human_resources'),
  } },
  { id: 'group_no_one', model: 'res.groups', values: {
    name: 'Technical Features', category_id: ref('base.module_category_usability'),
  } },
  { id: 'group_partner_manager', model: 'res.groups', values: {
    name: 'Contact Creation', category_id: ref('base.module_category_hidden'),
  } },
];
