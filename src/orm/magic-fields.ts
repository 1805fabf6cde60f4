// The log fields every model carries (id, create_uid, create_date, write_uid, write_date).
// The server fills them; RPC callers can read and search them but never write them.
import type { FieldDef } from './model-types';

export const MAGIC_FIELDS = ['id', 'create_uid', 'create_date', 'write_uid', 'write_date'] as const;

export function isMagic(name: string): boolean {
  return (MAGIC_FIELDS as readonly string[]).includes(name);
}

/** The magic field definitions; uids are many2one to res.users when the registry has it. */
export function magicFields(hasUsers: boolean): Record<string, FieldDef> {
  const uidField = (name: string, label: string): FieldDef => (hasUsers
    ? { type: 'many2one', name, comodel: 'res.users', string: label, readonly: true, ondelete: 'set null' }
    : { type: 'integer', name, string: label, readonly: true });
  return {
    id: { type: 'integer', name: 'id', string: 'ID', readonly: true },
    create_uid: uidField('create_uid', 'Created by'),
    create_date: { type: 'datetime', name: 'create_date', string: 'Created on', readonly: true },
    write_uid: uidField('write_uid', 'Last Updated by'),
    write_date: { type: 'datetime', name: 'write_date', string: 'Last Updated on', readonly: true },
  };
}
