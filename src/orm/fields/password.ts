// password: a write-only string. Models hash it in their hooks; reads never return it.
import type { FieldType } from './types';
import { charType } from './char';

export const passwordType: FieldType = {
  // Clients know no `password` type: it is a char field for them.
  rpcType: 'char',
  hasColumn: true,
  toColumn: (value, field, model) => charType.toColumn(value, { ...field, size: undefined }, model),
  toRpc: () => false,
};
