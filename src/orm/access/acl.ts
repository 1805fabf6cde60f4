// The ir.model.access decision of OpenERP 7.0, as a pure function over the ACL rows of one model:
// rows of the user's groups decide when there are any; otherwise the global rows; none: denied.
import type { AccessMode } from '../env-types';

export interface AclRow {
  groupId: number | null;
  perm_read: boolean;
  perm_write: boolean;
  perm_create: boolean;
  perm_unlink: boolean;
}

export function permColumn(mode: AccessMode): 'perm_read' | 'perm_write' | 'perm_create' | 'perm_unlink' {
  switch (mode) {
    case 'read': return 'perm_read';
    case 'write': return 'perm_write';
    case 'create': return 'perm_create';
    case 'unlink': return 'perm_unlink';
  }
}

export function aclAllows(rows: AclRow[], userGroupIds: ReadonlySet<number>, mode: AccessMode): boolean {
  const col = permColumn(mode);
  const mine = rows.filter((r) => r.groupId !== null && userGroupIds.has(r.groupId));
  if (mine.length > 0) return mine.some((r) => r[col]);
  return rows.some((r) => r.groupId === null && r[col]);
}

/** The groups whose rows grant the mode (named in the denial message). */
export function groupsGranting(rows: AclRow[], mode: AccessMode): number[] {
  const col = permColumn(mode);
  const ids = rows.filter((r) => r.groupId !== null && r[col]).map((r) => r.groupId as number);
  return [...new Set(ids)];
}
