// The external ids of the support center's groups (their records are in security.ts).
export const GROUP_HELP_CENTER = 'helpdesk_master.group_help_center';
export const GROUP_SUPPORT_CENTER = 'helpdesk_master.group_support_center';
export const GROUP_MANAGER = 'helpdesk_master.group_manager';
export const GROUP_PEER = 'helpdesk_master.group_peer';
