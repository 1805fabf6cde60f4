// The reports of the support center and their ir.actions.report.xml rows (the Print menu).
import { reportAction } from '../../../src/report/define';
import { requestReport } from './request';
import { requestListReport } from './request-list';
import { solutionReport } from './solution';
import { statisticsReport } from './statistics';

export const REPORTS = [requestReport, solutionReport, requestListReport, statisticsReport];

export const REPORT_RECORDS = [
  reportAction('report_helpdesk_request', requestReport),
  reportAction('report_helpdesk_solution', solutionReport),
  reportAction('report_helpdesk_request_list', requestListReport),
  reportAction('report_helpdesk_request_statistics', statisticsReport),
];
