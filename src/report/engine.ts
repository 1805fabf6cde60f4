// The report engine: the reports every module declares, and rendering one for a caller. A
// report prints only records the caller may read (a refused one is an access error, as a read
// would be) and reads through the ORM as the caller, so fields they may not see are left out.
import { AccessError, CallError, MissingError, UserError, ValidationError } from '../errors';
import type { Label, ModuleDef } from '../orm/define';
import type { OrmEnv } from '../orm/env';
import { labelText, langOf } from '../orm/labels';
import { ruleDenialMessage } from '../orm/access/messages';
import { checkAccess, normalizeIds, visibleIds } from '../orm/records/common';
import type { Registry } from '../orm/registry';
import { isStruct } from '../values';
import { isReportDef, type ReportContext, type ReportDef } from './define';
import { ReportDocument } from './document';
import { localeOf } from './locale';
import { userIdentity } from '../orm/identity';

export interface ReportRegistry {
  get(reportName: string): ReportDef | undefined;
  list(): ReportDef[];
}

/** Every module's reports, checked when the server starts: one name, one report. */
export function collectReports(modules: ModuleDef[]): ReportRegistry {
  const byName = new Map<string, ReportDef>();
  for (const m of modules) {
    for (const r of m.reports ?? []) {
      if (!isReportDef(r)) throw new ValidationError(`Module ${m.name} declares a report not made by defineReport`);
      if (byName.has(r.reportName)) throw new ValidationError(`Report ${r.reportName} is declared twice`);
      byName.set(r.reportName, r);
    }
  }
  return {
    // 7.0 clients send the bare name; its services were registered as `report.<name>`.
    get: (name) => byName.get(name) ?? (name.startsWith('report.') ? byName.get(name.slice(7)) : undefined),
    list: () => [...byName.values()],
  };
}

export interface PreparedReport {
  def: ReportDef;
  ids: number[];
  datas: Record<string, unknown>;
}

/** The 7.0 answer to a report name nobody declared. */
export function unknownReport(name: unknown): UserError {
  const shown = typeof name === 'string' ? name.slice(0, 120) : '?';
  return new UserError(`Report ${shown} is not available on this server.`, 'Report Error');
}

/**
 * Checks a request before anything is rendered: the report exists, the ids are ids, the caller
 * may read the model and every one of the records. Ids come from `ids`, else from `datas.ids`.
 */
export async function prepareReport(env: OrmEnv, reports: ReportRegistry, name: unknown, ids: unknown,
  datas: unknown): Promise<PreparedReport> {
  const def = typeof name === 'string' ? reports.get(name) : undefined;
  if (!def) throw unknownReport(name);
  const data = isStruct(datas) ? { ...datas } : {};
  let wanted = normalizeIds(ids === false || ids === null || ids === undefined ? data.ids : ids);
  const model = (env.registry as Registry).model(def.model);
  await checkAccess(env, model, 'read', wanted);
  if (!wanted.length && def.acceptsDomain) {
    const domain = data.domain ?? [];
    if (!Array.isArray(domain)) throw new CallError('datas.domain must be a list', 'ValueError');
    wanted = await env.model(def.model).search(domain as unknown[]);
  }
  if (!wanted.length) throw new UserError('There is nothing to print: no record was given.', 'Report Error');
  const visible = await visibleIds(env, model, wanted, 'read');
  const refused = wanted.filter((id) => !visible.has(id));
  if (refused.length) {
    const existing = new Set(await env.sudo().model(def.model).exists(refused));
    if (refused.some((id) => existing.has(id))) {
      throw new AccessError(ruleDenialMessage(labelText(model.description, 'en_US') || def.model, 'read'));
    }
    throw new MissingError(`Record does not exist or has been deleted.\n(Record: ${def.model}(${refused.join(', ')}), User: ${env.uid})`);
  }
  return { def, ids: wanted, datas: data };
}

const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The caller's language: the call's context, else their preference. */
/** The reader's language and timezone: the context's, else their user's (as 7.0's report context). */
async function readerSettings(env: OrmEnv): Promise<{ lang: string; tz: string }> {
  const given = (key: string): string | null => (typeof env.context[key] === 'string' && env.context[key] ? env.context[key] as string : null);
  const user = await userIdentity(env);
  return { lang: given('lang') ?? user.lang ?? langOf(env.context), tz: given('tz') ?? user.tz ?? 'UTC' };
}

/** The newest change among the printed records: the document's date, so the same data gives the same bytes. */
async function dataDate(env: OrmEnv, model: string, ids: number[]): Promise<Date> {
  let newest = '1970-01-01 00:00:00';
  for (const row of await env.sudo().model(model).read(ids, ['write_date', 'create_date'])) {
    for (const v of [row.write_date, row.create_date]) if (typeof v === 'string' && v > newest) newest = v;
  }
  return new Date(`${newest.replace(' ', 'T')}Z`);
}

/**
 * Runs a prepared report's layout for the caller: it reads as the caller and records the
 * document, which a RenderPool then lays out into the PDF's bytes off the event loop (after the
 * reads' transaction has ended, so the layout holds no database connection).
 */
export async function recordReport(env: OrmEnv, prepared: PreparedReport): Promise<ReportDocument> {
  const { def, ids, datas } = prepared;
  const { lang, tz } = await readerSettings(env);
  const reader = env.withContext({ lang });
  const locale = await localeOf(reader, lang, tz);
  const registry = env.registry as Registry;
  const text = (label: Label) => labelText(label, lang);
  const doc = new ReportDocument({
    title: text(def.name), pageLabel: locale.pageLabel, landscape: def.landscape, lang: lang.replace('_', '-'), date: await dataDate(env, def.model, ids),
  });
  const ctx: ReportContext = {
    env: reader, ids, datas, lang, doc, text, breathe,
    label: (model, field) => text(registry.model(model).fields[field]?.string ?? field),
    choice: (model, field, key) => choiceLabel(registry, lang, model, field, key),
    date: (v) => locale.date(v), datetime: (v) => locale.datetime(v), number: (v, digits) => locale.number(v, digits),
  };
  await def.render(ctx);
  return doc;
}

function choiceLabel(registry: Registry, lang: string, model: string, field: string, key: unknown): string {
  if (key === false || key === null || key === undefined) return '';
  const found = registry.model(model).fields[field]?.selection?.find(([k]) => k === key);
  return found ? labelText(found[1], lang) : String(key);
}

