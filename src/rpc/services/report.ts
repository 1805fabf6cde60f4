// The `report` service of 7.0 (PROTOCOL §1.6): `report` checks the request and renders in the
// background, answering a job id; `report_get` hands the PDF to the user who asked;
// `render_report` (Odoo 8-10) renders and answers at once. Each render reads in its own transaction.
import { withTransaction } from '../../db/transaction';
import type { DatabaseManager, Logger as DbLogger } from '../../db/types';
import { createEnv, type OrmEnv } from '../../orm/env';
import { COMPAT_70, COMPAT_ODOO } from '../../orm/env-types';
import type { Registry } from '../../orm/registry';
import { prepareReport, recordReport, type PreparedReport, type ReportRegistry } from '../../report/engine';
import { ReportJobs } from '../../report/jobs';
import { RenderPool } from '../../report/render-pool';
import { newStruct, type RpcStruct, type RpcValue } from '../../values';
import { expectArity, optionalStruct } from '../params';
import { checkCredentials, type CredentialChecker } from './credentials';
import type { Service, ServiceCall } from './types';

export interface ReportRendererDeps {
  dbm: Pick<DatabaseManager, 'get'>;
  registry: Registry;
  reports: ReportRegistry;
  logger?: DbLogger;
}

export interface ReportServiceDeps {
  auth: CredentialChecker;
  /** Shared with the HTTP report routes, so both give the same document. */
  renderer: ReportRenderer;
  jobs?: ReportJobs;
}

/** The answer of a finished report: base64 of the PDF, as 7.0's report_get and render_report give it. */
export function reportResult(pdf: Buffer): RpcStruct {
  return Object.assign(newStruct(), { state: true, result: pdf.toString('base64'), format: 'pdf' });
}

export interface ReportRenderer {
  /** Stops the worker that lays reports out. */
  close(): Promise<void>;
  /** Checks the request in one transaction, then renders it (later, for background jobs) in another. */
  prepare(db: string, uid: number, profile: ServiceCall['profile'], name: RpcValue | undefined, ids: RpcValue | undefined,
    datas: RpcValue | undefined, context: RpcValue | undefined): Promise<() => Promise<Buffer>>;
}

/** What both the report service and the HTTP report route use to check and render a report. */
export function createReportRenderer(deps: ReportRendererDeps): ReportRenderer {
  const pool = new RenderPool();
  async function inTransaction<T>(db: string, uid: number, compat: typeof COMPAT_70, context: Record<string, unknown>,
    fn: (env: OrmEnv) => Promise<T>): Promise<T> {
    const database = await deps.dbm.get(db);
    return withTransaction(database, (trx) => fn(createEnv({ cr: trx, uid, registry: deps.registry, compat, dbName: db, context })),
      { logger: deps.logger });
  }
  return {
    async prepare(db, uid, profile, name, ids, datas, context) {
      const compat = profile === 'odoo' ? COMPAT_ODOO : COMPAT_70;
      const ctx = { ...(optionalStruct('report', 'context', context ?? null) ?? {}) };
      const prepared: PreparedReport = await inTransaction(db, uid, compat, ctx,
        (env) => prepareReport(env, deps.reports, name, ids, datas));
      return async () => {
        const doc = await inTransaction(db, uid, compat, ctx, (env) => recordReport(env, prepared));
        return pool.render(doc.options, doc.ops);
      };
    },
    close: () => pool.close(),
  };
}

export function createReportService(deps: ReportServiceDeps): Service {
  const { renderer } = deps;
  const jobs = deps.jobs ?? new ReportJobs();

  async function start(call: ServiceCall, method: string, params: RpcValue[]) {
    const [db, uid] = await checkCredentials(deps.auth, call, method, params);
    expectArity(method, params, 5, 7);
    if (typeof params[3] === 'string') call.log.set({ report: params[3].slice(0, 80) });
    const render = await renderer.prepare(db, uid, call.profile, params[3], params[4], params[5], params[6]);
    return { db, uid, render };
  }

  return {
    async report(call, params) {
      const { db, uid, render } = await start(call, 'report', params);
      return jobs.start(db, uid, render);
    },
    async render_report(call, params) {
      const { render } = await start(call, 'render_report', params);
      return reportResult(await render());
    },
    async report_get(call, params) {
      const [db, uid] = await checkCredentials(deps.auth, call, 'report_get', params);
      expectArity('report_get', params, 4, 4);
      const job = jobs.take(db, uid, params[3]);
      if (job.state === 'pending') return Object.assign(newStruct(), { state: false });
      if (job.state === 'failed') throw job.error;
      return reportResult(job.result);
    },
  };
}
