// The texts of access denials, worded as Odoo 18 words them (clients and scripts match on them).
import type { AccessMode } from '../env-types';

const HEADS: Record<AccessMode, string> = {
  read: 'access',
  write: 'modify',
  create: 'create',
  unlink: 'delete',
};

/** `groupNames` are "Category/Name" (or just "Name"), already sorted. */
export function aclDenialMessage(description: string, model: string, mode: AccessMode, groupNames: string[]): string {
  const head = `You are not allowed to ${HEADS[mode]} '${description}' (${model}) records.`;
  const groups = groupNames.length
    ? `This operation is allowed for the following groups:\n${groupNames.map((g) => `\t- ${g}`).join('\n')}`
    : 'No group currently allows this operation.';
  return `${head}\n\n${groups}\n\nContact your administrator to request access if necessary.`;
}

export function groupFullName(groupName: string, categoryName: string | null): string {
  return categoryName ? `${categoryName}/${groupName}` : groupName;
}

/** A record rule refuses the operation on records the caller could name (7.0 wording). */
export function ruleDenialMessage(description: string, mode: AccessMode): string {
  return 'The requested operation cannot be completed due to security restrictions. '
    + `Please contact your system administrator.\n\n(Document type: ${description}, Operation: ${mode})`;
}
