// binary: base64 text in and out (stored as text). With context `bin_size` (or
// `bin_size_<field>`) reads give a human size such as `12.34 Kb`, as the 7.0 clients ask.
import type { FieldDef } from '../model-types';
import type { Context } from '../env-types';
import type { FieldType } from './types';
import { isEmpty, valueType } from './types';
import { wrongValue } from './wrong-value';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** 7.0's tools.human_size: bytes, Kb, Mb, Gb with two decimals. */
export function humanSize(bytes: number): string {
  const units = ['bytes', 'Kb', 'Mb', 'Gb'];
  let s = bytes;
  let i = 0;
  while (s >= 1024 && i < units.length - 1) {
    s /= 1024;
    i += 1;
  }
  return `${s.toFixed(2)} ${units[i]}`;
}

export function wantsBinSize(context: Context, field: FieldDef): boolean {
  const own = context[`bin_size_${field.name}`];
  return Boolean(own ?? context.bin_size);
}

function decodedLength(b64: string): number {
  const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return (b64.length / 4) * 3 - pad;
}

export const binaryType: FieldType = valueType({
  rpcType: 'binary',
  groupable: false,
  toColumn(value, field, model) {
    if (isEmpty(value) || value === '') return null;
    if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
    if (typeof value !== 'string') throw wrongValue(model, field, value);
    // Python clients wrap base64 at 76 columns; the stored form has no whitespace.
    const compact = value.replace(/\s+/g, '');
    if (!BASE64.test(compact)) throw wrongValue(model, field, value);
    return compact;
  },
  toRpc(raw, field, { context }) {
    if (raw === null || raw === undefined || raw === '') return false;
    const text = Buffer.isBuffer(raw) ? raw.toString('latin1') : String(raw);
    // An empty file still reads as False with bin_size (7.0's human_size(0) is False).
    if (wantsBinSize(context, field)) return decodedLength(text) ? humanSize(decodedLength(text)) : false;
    return text;
  },
});
