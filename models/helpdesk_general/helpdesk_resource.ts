// The problems a resource is assigned to (the other side of helpdesk.problem.resource_ids).
import { extendModel, many2many } from '../../src/orm/define';
import { l } from '../helpdesk_resources/i18n';

export default extendModel({
  extends: 'helpdesk.resource',
  fields: {
    problem_ids: many2many('helpdesk.problem', {
      string: l('Problems', 'Problemas'),
      relation: 'helpdesk_problem_resource_rel', column1: 'resource_id', column2: 'problem_id',
    }),
  },
});
