// ir.actions.report (Odoo 9+): the same rows as ir.actions.report.xml under Odoo's name, so a
// client written for either finds what can be printed for a model.
import { defineModel } from '../../src/orm/define';
import { REPORT_ACTION } from './ir_actions_report_xml';

export default defineModel({ name: 'ir.actions.report', ...REPORT_ACTION });
