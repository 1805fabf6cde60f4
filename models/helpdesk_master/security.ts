// Who may do what: the four groups (support implies help center, manager implies support),
// access rights per model and group, and the record rules. "Own center" is the user's company:
// a help center user sees the requests of its company; the support center sees them all.
import { ref, type DataRecord } from '../../src/orm/define';

const G = (name: string) => ref(`helpdesk_master.${name}`);
const MODEL = {
  resource: 'helpdesk_resources.model_helpdesk_resource',
  problem: 'helpdesk_general.model_helpdesk_problem',
  task: 'helpdesk_general.model_helpdesk_task',
  server: 'helpdesk_general.model_helpdesk_server',
  request: 'helpdesk_master.model_helpdesk_request',
  solution: 'helpdesk_master.model_helpdesk_solution',
} as const;
type ModelKey = keyof typeof MODEL;

export const GROUP_RECORDS: DataRecord[] = [
  { id: 'module_category_helpdesk', model: 'ir.module.category', values: { name: 'Centro de soporte', sequence: 20 } },
  {
    id: 'group_help_center', model: 'res.groups',
    values: { name: 'Centro de ayuda', category_id: G('module_category_helpdesk'),
      // Help center staff are employees: they read partners, companies and menus like any.
      implied_ids: [[4, ref('base.group_user')]],
      comment: 'Files requests and solutions; notifies, cancels, resets and closes requests.' },
  },
  {
    id: 'group_support_center', model: 'res.groups',
    values: { name: 'Centro de soporte', category_id: G('module_category_helpdesk'),
      implied_ids: [[4, G('group_help_center')]],
      comment: 'Reviews requests, identifies problems, plans tasks and assigns resources.' },
  },
  {
    id: 'group_manager', model: 'res.groups',
    values: { name: 'Responsable', category_id: G('module_category_helpdesk'),
      implied_ids: [[4, G('group_support_center')]],
      comment: 'Configures the servers of peer centers and sees the salaries of resources.' },
  },
  {
    id: 'group_peer', model: 'res.groups',
    values: { name: 'Centro par', category_id: G('module_category_helpdesk'),
      comment: 'The login a peer center uses: creates incoming requests and mirrors state changes.' },
  },
];

/** Access per model: for each group, the letters of the rights it has (r, w, c, u). */
export const ACCESS_MATRIX: Record<ModelKey, Record<'help' | 'support' | 'manager' | 'peer', string>> = {
  request: { help: 'rwc', support: 'rwcu', manager: 'rwcu', peer: 'rwc' },
  solution: { help: 'rwc', support: 'rwcu', manager: 'rwcu', peer: 'r' },
  problem: { help: 'r', support: 'rwcu', manager: 'rwcu', peer: '' },
  task: { help: 'r', support: 'rwcu', manager: 'rwcu', peer: '' },
  resource: { help: 'r', support: 'rwcu', manager: 'rwcu', peer: '' },
  // Everyone picks the peer center to notify; only managers configure them. The password is
  // never readable whoever reads.
  server: { help: 'r', support: 'r', manager: 'rwcu', peer: '' },
};

const GROUP_OF = { help: 'group_help_center', support: 'group_support_center', manager: 'group_manager', peer: 'group_peer' };

function accessRecords(): DataRecord[] {
  const out: DataRecord[] = [];
  for (const [model, byGroup] of Object.entries(ACCESS_MATRIX) as [ModelKey, Record<string, string>][]) {
    for (const [who, rights] of Object.entries(byGroup)) {
      if (!rights) continue;
      out.push({
        id: `access_${model}_${who}`, model: 'ir.model.access',
        values: {
          name: `helpdesk.${model} ${who}`, model_id: ref(MODEL[model]), group_id: G(GROUP_OF[who as keyof typeof GROUP_OF]),
          perm_read: rights.includes('r'), perm_write: rights.includes('w'),
          perm_create: rights.includes('c'), perm_unlink: rights.includes('u'),
        },
      });
    }
  }
  return out;
}

const RULES: DataRecord[] = [
  {
    id: 'rule_request_own_center', model: 'ir.rule',
    values: {
      name: 'Help center: requests of its own center', model_id: ref(MODEL.request),
      groups: [[4, G('group_help_center')]],
      domain_force: JSON.stringify([['company_id', '=', { $user: 'company_id' }]]),
    },
  },
  {
    id: 'rule_request_support_all', model: 'ir.rule',
    values: {
      name: 'Support center: every request', model_id: ref(MODEL.request),
      groups: [[4, G('group_support_center')]], domain_force: '[]',
    },
  },
  {
    id: 'rule_request_peer_exchanged', model: 'ir.rule',
    values: {
      name: 'Peer center: requests exchanged with peers', model_id: ref(MODEL.request),
      groups: [[4, G('group_peer')]],
      domain_force: JSON.stringify(['|', ['origin_server_id', '!=', false], ['support_server_id', '!=', false]]),
    },
  },
];

export const SECURITY_RECORDS: DataRecord[] = [...GROUP_RECORDS, ...accessRecords(), ...RULES];
