// Integrity errors from either database turned into UserErrors with Odoo's texts: the fault
// names the model, field or constraint, never the SQL.
import { AppError, UserError } from '../../errors';
import type { CallEnv } from '../call-env';
import type { Registry, RuntimeModel } from '../registry';
import { labelText, langOf } from '../labels';
import { mandatoryError } from './prepare-vals';

interface DbErrorInfo {
  kind: 'unique' | 'notnull' | 'foreign' | 'check';
  table?: string;
  columns: string[];
  constraint?: string;
}

function classify(err: unknown): DbErrorInfo | null {
  const e = err as { code?: unknown; message?: unknown; table?: string; column?: string; constraint?: string; detail?: string };
  const code = String(e?.code ?? '');
  const message = String(e?.message ?? '');
  if (code === '23505' || code === '23502' || code === '23503' || code === '23514') {
    const kind = ({ '23505': 'unique', '23502': 'notnull', '23503': 'foreign', '23514': 'check' } as const)[code];
    const keyCols = /Key \(([^)]*)\)=/.exec(e.detail ?? '')?.[1];
    const columns = kind === 'notnull' ? [e.column ?? ''] : (keyCols ?? '').split(',').map((c) => c.trim().replace(/"/g, ''));
    return { kind, table: e.table, columns: columns.filter(Boolean), constraint: e.constraint };
  }
  if (!code.startsWith('SQLITE_CONSTRAINT')) return null;
  const failed = /constraint failed: (.*)$/.exec(message)?.[1] ?? '';
  const cols = failed.split(',').map((s) => s.trim()).filter((s) => s.includes('.'));
  const table = cols[0]?.split('.')[0];
  const columns = cols.map((c) => c.split('.').slice(1).join('.'));
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return { kind: 'unique', table, columns };
  if (code === 'SQLITE_CONSTRAINT_NOTNULL') return { kind: 'notnull', table, columns };
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return { kind: 'foreign', columns: [] };
  return { kind: 'check', table, columns };
}

function modelOfTable(registry: Registry, table: string | undefined): RuntimeModel | undefined {
  if (!table) return undefined;
  return [...registry.models.values()].find((m) => m.table === table);
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The UserError for a database integrity error, or null when `err` is something else. */
export function mapDbError(env: CallEnv, err: unknown, fallback: RuntimeModel): AppError | null {
  if (err instanceof AppError) return null;
  const info = classify(err);
  if (!info) return null;
  const lang = langOf(env.context);
  const model = modelOfTable(env.registry, info.table) ?? (info.table ? undefined : fallback);
  const modelText = model ? `${labelText(model.description, lang)} (${model.name})` : 'Unknown (unknown)';
  if (info.kind === 'notnull') {
    const field = model?.fields[info.columns[0]];
    if (model && field) return mandatoryError(env, model, field);
    return new UserError(`The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n\nModel: ${modelText}\n`);
  }
  if (info.kind === 'foreign') {
    return new UserError(
      'The operation cannot be completed: another model requires the record being deleted. ' +
      `If possible, archive it instead.\n\nModel: ${modelText}\nConstraint: ${info.constraint ?? 'unknown'}\n`,
    );
  }
  if (info.kind === 'unique' && model) {
    const c = model.sqlConstraints.find((s) => info.constraint === `${model.table}_${s.name}` ||
      info.constraint === s.name || sameSet(s.unique, info.columns));
    if (c) return new UserError(`The operation cannot be completed: ${labelText(c.message, lang)}`);
    return new UserError(
      `The operation cannot be completed: another ${labelText(model.description, lang)} (${model.name}) ` +
      `already has the same ${info.columns.join(', ')}.`,
    );
  }
  return new UserError(`The operation cannot be completed: a database constraint was not met.\n\nModel: ${modelText}\n`);
}

/** Runs a database step, turning integrity errors into readable UserErrors. */
export async function withDbErrors<T>(env: CallEnv, model: RuntimeModel, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw mapDbError(env, err, model) ?? err;
  }
}
