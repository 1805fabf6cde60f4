// Module helpdesk_resources: the resources (people, material, money) a support center assigns.
import { defineModule } from '../../src/orm/define';
import helpdeskResource from './helpdesk_resource';

export default defineModule({
  name: 'helpdesk_resources',
  description: 'Support center resources',
  depends: ['base'],
  models: [helpdeskResource],
});
