// External ids while module data loads: an index of ir_model_data read once, kept up to date as
// records are created, and the resolution of `ref('module.name')` inside record values.
import type { Knex } from 'knex';
import { CallError } from '../errors';
import type { FieldDef, XmlRef } from './model-types';
import { fieldType, isX2many } from './fields';
import type { RuntimeModel, Registry } from './registry';

type Cr = Knex | Knex.Transaction;

export interface XmlidEntry {
  dataId: number;
  model: string;
  resId: number;
  noupdate: boolean;
}

export function isXmlRef(v: unknown): v is XmlRef {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    && typeof (v as { $ref?: unknown }).$ref === 'string' && Object.keys(v).length === 1;
}

/** "module.name" for an id written with or without its module. */
export function qualify(xmlid: string, module: string): string {
  return xmlid.includes('.') ? xmlid : `${module}.${xmlid}`;
}

export class XmlidIndex {
  private constructor(private readonly entries: Map<string, XmlidEntry>) {}

  static async load(cr: Cr): Promise<XmlidIndex> {
    const rows: Record<string, unknown>[] = await cr('ir_model_data').select('id', 'module', 'name', 'model', 'res_id', 'noupdate');
    return new XmlidIndex(new Map(rows.map((r) => [`${r.module}.${r.name}`, {
      dataId: Number(r.id), model: String(r.model), resId: Number(r.res_id), noupdate: !!r.noupdate,
    }])));
  }

  get(xmlid: string): XmlidEntry | undefined {
    return this.entries.get(xmlid);
  }

  set(xmlid: string, entry: XmlidEntry): void {
    this.entries.set(xmlid, entry);
  }

  /** [model, id] of an external id; OpenERP's ValueError when it is not defined (yet). */
  resolve(xmlid: string): [string, number] {
    const e = this.entries.get(xmlid);
    if (!e) throw new CallError(`External ID not found in the system: ${xmlid}`, 'ValueError');
    return [e.model, e.resId];
  }
}

/** Context of one resolution: the module whose data is loading, for unqualified refs. */
interface Resolver {
  index: XmlidIndex;
  registry: Registry;
  module: string;
}

function refId(r: Resolver, v: unknown): unknown {
  return isXmlRef(v) ? r.index.resolve(qualify(v.$ref, r.module))[1] : v;
}

/** x2many commands (or a bare id list) with refs turned into ids, nested vals resolved too. */
function resolveCommands(r: Resolver, comodel: RuntimeModel, value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((item) => {
    if (!Array.isArray(item)) return refId(r, item);
    const [op, id, arg] = item;
    const out: unknown[] = [op, refId(r, id)];
    if (item.length > 2) {
      if (Array.isArray(arg)) out.push(arg.map((x) => refId(r, x)));
      else if (typeof arg === 'object' && arg !== null) out.push(resolveValues(r, comodel, arg as Record<string, unknown>));
      else out.push(arg);
    }
    return out;
  });
}

function resolveField(r: Resolver, field: FieldDef | undefined, value: unknown): unknown {
  if (field && isX2many(field) && field.comodel) {
    return resolveCommands(r, r.registry.model(field.comodel), value);
  }
  if (!isXmlRef(value)) return value;
  const [model, id] = r.index.resolve(qualify(value.$ref, r.module));
  // A ref in a text field stores a reference "model,id" (a menu's action).
  const textual = field && fieldType(field).matchesText;
  return textual ? `${model},${id}` : id;
}

export function resolveValues(r: Resolver, model: RuntimeModel, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) out[key] = resolveField(r, model.fields[key], value);
  return out;
}
