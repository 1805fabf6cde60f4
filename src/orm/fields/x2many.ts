// one2many and many2many: no column of their own. Writes are command lists applied by
// records/x2many-commands.ts; reads are id lists gathered by records/read-relations.ts.
import { CallError } from '../../errors';
import type { FieldType } from './types';

function noColumn(): never {
  throw new CallError('x2many fields have no column', 'TypeError');
}

export const one2manyType: FieldType = {
  rpcType: 'one2many',
  hasColumn: false,
  toColumn: noColumn,
  toRpc: (raw) => (Array.isArray(raw) ? raw.map(Number) : []),
};

export const many2manyType: FieldType = { ...one2manyType, rpcType: 'many2many' };
