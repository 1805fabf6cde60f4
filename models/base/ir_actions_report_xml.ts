// ir.actions.report.xml (7.0): a report that can be printed for a model. Clients list the rows
// of a model to build their Print menu, then ask the report service for `report_name`.
import { boolean, char, defineModel, text } from '../../src/orm/define';

/** The columns both names of the model share (ir.actions.report reads the same rows). */
const REPORT_ACTION_FIELDS = {
  name: char({ string: 'Name', required: true, translate: true }),
  usage: char({ string: 'Action Usage', size: 32 }),
  help: text({ string: 'Action description', translate: true }),
  model: char({ string: 'Object', required: true, size: 64 }),
  report_name: char({ string: 'Service Name', required: true, size: 64,
    help: 'The name the report service knows the report by (without its "report." prefix)' }),
  multi: boolean({ string: 'On Multiple Doc.', default: false,
    help: 'If set to true, the action will not be displayed on the right toolbar of a form view.' }),
  attachment: char({ string: 'Save as Attachment Prefix', size: 128 }),
  attachment_use: boolean({ string: 'Reload from Attachment', default: false }),
  header: boolean({ string: 'Add RML header', default: true }),
  print_report_name: char({ string: 'Printed Report Name' }),
  type: char({ string: 'Action Type', required: true, size: 32, default: 'ir.actions.report.xml' }),
  report_type: char({ string: 'Report Type', required: true, size: 32, default: 'pdf',
    help: 'The format of the printed document: pdf, or html for a preview in the browser' }),
};

/** The model's definition but its name: ir.actions.report serves the same rows under Odoo's name. */
export const REPORT_ACTION = {
  // Servers cache these rows per database (identities, access, menus): a change drops their copies.
  invalidatesCache: true,
  description: 'Report Action',
  table: 'ir_act_report_xml',
  order: 'name',
  fields: REPORT_ACTION_FIELDS,
};

export default defineModel({ name: 'ir.actions.report.xml', ...REPORT_ACTION });
