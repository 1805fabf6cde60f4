// Module helpdesk_master: service requests and solutions, the groups, the workflows of requests,
// problems and solutions, the views and the "Centro de soporte" menu. Installing it installs
// the other two helpdesk modules.
import { defineModule, ref, type DataRecord } from '../../src/orm/define';
import helpdeskRequest from './helpdesk_request';
import helpdeskSolution from './helpdesk_solution';
import helpdeskProblem from './helpdesk_problem';
import requestWorkflow from './helpdesk_request.workflow';
import problemWorkflow from './helpdesk_problem.workflow';
import solutionWorkflow from './helpdesk_solution.workflow';
import { SECURITY_RECORDS } from './security';
import { VIEW_RECORDS } from './views';
import { MENU_RECORDS } from './menus';
import { VIEW_TERMS } from './views-terms';
import { STATISTICS_RECORDS } from './statistics';
import { DEMO_RECORDS } from './demo';
import { mailThread } from '../../src/mail/define';
import { SYNC_EXTENSIONS } from './sync';
import { REPORT_RECORDS, REPORTS } from './reports';
import { REQUEST_EMAIL } from './request-from-email';

// Mail to soporte@<the gateway's domain> opens a request (technical assistance).
const SUPPORT_ALIAS: DataRecord = {
  id: 'alias_support', model: 'mail.alias', noupdate: true,
  values: { alias_name: 'soporte', alias_model_id: ref('helpdesk_master.model_helpdesk_request'), alias_defaults: "{'category': 'technical'}" },
};

const SEQUENCE: DataRecord = {
  id: 'seq_helpdesk_request', model: 'ir.sequence', noupdate: true,
  values: { name: 'Service request', code: 'helpdesk.request', prefix: 'REQ/%(year)s/', padding: 5 },
};

export default defineModule({
  name: 'helpdesk_master',
  description: 'Support center: service requests, solutions and their workflows',
  depends: ['helpdesk_general'],
  models: [helpdeskRequest, helpdeskSolution],
  extensions: [
    helpdeskProblem,
    // Followers: the creator, the requester and the responsible; a solution's associate when
    // it is to be kept informed. Every status change is posted and mailed to them.
    mailThread('helpdesk.request', { track: ['state'], followers: ['partner_id', 'user_id'], email: REQUEST_EMAIL }),
    mailThread('helpdesk.solution', { track: ['state'], followers: ['user_id', { field: 'partner_id', when: 'notify_partner' }] }),
    ...SYNC_EXTENSIONS,
  ],
  workflows: [requestWorkflow, problemWorkflow, solutionWorkflow],
  reports: REPORTS,
  data: [SEQUENCE, SUPPORT_ALIAS, ...SECURITY_RECORDS, ...VIEW_RECORDS, ...MENU_RECORDS, ...REPORT_RECORDS, ...STATISTICS_RECORDS],
  demo: DEMO_RECORDS,
  terms: VIEW_TERMS,
});
