// one2many and many2many: no column of their own. Writes are command lists applied by
// records/x2many-commands.ts; reads are id lists gathered by records/read-relations.ts.
import { CallError } from '../../errors';
import type { FieldType } from './types';
import { valueType } from './types';

function noColumn(): never {
  throw new CallError('x2many fields have no column', 'TypeError');
}

const x2many = {
  hasColumn: false,
  relational: true,
  x2many: true,
  wide: true,
  groupable: false,
  empty: () => [],
  toColumn: noColumn,
  toRpc: (raw: unknown) => (Array.isArray(raw) ? raw.map(Number) : []),
};

/** Lines pointing back at their owner through a many2one of the comodel (`inverseName`). */
export const one2manyType: FieldType = valueType({
  ...x2many,
  rpcType: 'one2many',
  copyAs: 'lines',
  loadCell: async () => ({ problem: "Importing the lines of the one2many field '%(field)s' is not supported" }),
});

/** Links kept in a relation table of (column1 = owner, column2 = target) rows. */
export const many2manyType: FieldType = valueType({
  ...x2many,
  rpcType: 'many2many',
  linkTable: true,
  copyAs: 'links',
  /** Comma-separated names or external ids; the field's links are replaced by them. */
  async loadCell(text, _cell, field, subfield, find) {
    const ids: number[] = [];
    let warning: string | undefined;
    for (const ref of text.split(',').map((s) => s.trim()).filter(Boolean)) {
      const one = await find(field.comodel!, subfield, ref);
      if ('problem' in one) return one;
      ids.push(one.value as number);
      warning ??= one.warning;
    }
    return { value: [[6, 0, ids]], warning };
  },
});
