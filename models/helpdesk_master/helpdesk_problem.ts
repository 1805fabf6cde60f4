// The requests a problem causes (the other side of helpdesk.request.problem_ids). Links are made
// from the request, only while it is reviewed, so this side is read-only; a problem's request
// category must stay that of its requests.
import { extendModel, many2many } from '../../src/orm/define';
import { l } from '../helpdesk_resources/i18n';
import { problemRequestsMatchCategory } from './problem-category-rule';

export default extendModel({
  extends: 'helpdesk.problem',
  fields: {
    request_ids: many2many('helpdesk.request', {
      string: l('Requests', 'Solicitudes'), readonly: true,
      relation: 'helpdesk_request_problem_rel', column1: 'problem_id', column2: 'request_id',
    }),
  },
  constraints: [problemRequestsMatchCategory],
});
