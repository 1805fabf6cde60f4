// password: a write-only string. Models hash it in their hooks; reads never return it.
import type { FieldType } from './types';
import { valueType } from './types';
import { charType } from './char';

export const passwordType: FieldType = valueType({
  // Clients know no `password` type: it is a char field for them.
  rpcType: 'char',
  writeOnly: true,
  groupable: false,
  copyAs: 'never',
  toColumn: (value, field, model) => charType.toColumn(value, { ...field, size: undefined }, model),
  toRpc: () => false,
  exportText: () => false,
});
