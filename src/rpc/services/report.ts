// The `report` service of 7.0 (PROTOCOL §1.6). This server renders no reports: after the usual
// credentials check, every report name is unknown and every report id not found, as 7.0 says it.
import { CallError, UserError } from '../../errors';
import type { RpcValue } from '../../values';
import { expectArity } from '../params';
import { checkCredentials, type CredentialChecker } from './credentials';
import type { Service, ServiceCall } from './types';

export interface ReportServiceDeps {
  auth: CredentialChecker;
}

export function createReportService(deps: ReportServiceDeps): Service {
  async function authenticate(call: ServiceCall, name: string, params: RpcValue[], min: number, max: number) {
    await checkCredentials(deps.auth, call, name, params);
    expectArity(name, params, min, max);
  }

  const noSuchReport = (name: RpcValue | undefined) =>
    new UserError(`Report ${typeof name === 'string' ? name.slice(0, 120) : '?'} is not available on this server.`, 'Report Error');

  return {
    async report(call, params) {
      await authenticate(call, 'report', params, 5, 7);
      throw noSuchReport(params[3]);
    },
    async render_report(call, params) {
      await authenticate(call, 'render_report', params, 5, 7);
      throw noSuchReport(params[3]);
    },
    async report_get(call, params) {
      await authenticate(call, 'report_get', params, 4, 4);
      // 7.0 raises Exception('ReportNotFound') for an id it never handed out.
      throw new CallError('ReportNotFound', 'Exception');
    },
  };
}
