// boolean: Python truthiness on the way in; SQLite's 0/1 and NULL read as False/True.
import { Double, isStruct } from '../../values';
import type { FieldType } from './types';
import { valueType } from './types';

const YES_NO: Record<string, [string, string]> = { en: ['Yes', 'No'], es: ['Sí', 'No'] };
const TRUE_WORDS = new Set(['1', 'true', 'yes']);
const FALSE_WORDS = new Set(['0', 'false', 'no']);

function truthy(v: unknown): boolean {
  if (v instanceof Double) return v.value !== 0;
  if (Array.isArray(v)) return v.length > 0;
  if (isStruct(v)) return Object.keys(v).length > 0;
  return Boolean(v);
}

export const booleanType: FieldType = valueType({
  rpcType: 'boolean',
  toColumn: (value) => truthy(value),
  toRpc: (raw) => raw === true || raw === 1 || raw === '1' || raw === 't' || raw === 'true',
  // NULL groups with False.
  groupSql: (backend) => `coalesce(??, ${backend === 'pg' ? 'false' : '0'})`,
  exportText: (v) => (v ? 'True' : 'False'),
  displayText(v, _field, lang) {
    if (v === undefined || v === null) return '';
    const [yes, no] = YES_NO[lang.split('_')[0]] ?? YES_NO.en;
    return v ? yes : no;
  },
  async loadCell(text, cell) {
    if (typeof cell === 'boolean') return { value: cell };
    if (TRUE_WORDS.has(text.toLowerCase())) return { value: true };
    if (FALSE_WORDS.has(text.toLowerCase())) return { value: false };
    return { value: true, warning: `Unknown value '${text}' for boolean field '%(field)s', assuming 'yes'` };
  },
});
