// Odoo's report download routes for the logged-in web user: GET /report/pdf/<report_name>/<ids>
// answers the PDF (the same bytes the report service gives), /report/html/... a page showing it.
// `context` and `options` query parameters (JSON) carry the language and the report's datas.
import express, { type Request, type Response, type Router } from 'express';
import type { SessionStore } from '../../auth/sessions';
import { AppError, CallError, InternalError } from '../../errors';
import type { Logger } from '../../logger';
import { isStruct, type RpcValue } from '../../values';
import { parseJsonBody } from '../codec';
import { asAppError, HTTP_STATUS_TABLE } from '../faults';
import type { ReportRenderer } from '../services/report';
import { plain } from './http-body';
import { findRequestSession } from './web-session';

export interface ReportRoutesOptions {
  renderer: ReportRenderer;
  sessions: SessionStore;
  logger: Logger;
}

/** `1,2,3` -> [1, 2, 3]; anything else is a wrong call. */
function parseIds(text: string): number[] {
  if (!/^\d{1,9}(,\d{1,9})*$/.test(text)) throw new CallError(`Invalid record ids '${text.slice(0, 60)}'`, 'ValueError');
  return text.split(',').map(Number);
}

function jsonParam(req: Request, name: string): RpcValue | undefined {
  const raw = req.query[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw new CallError(`${name} must be given once, as JSON`, 'ValueError');
  const value = parseJsonBody(Buffer.from(raw, 'utf8'), {});
  if (!isStruct(value)) throw new CallError(`${name} must be a JSON object`, 'ValueError');
  return value;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function reportRoutes(opts: ReportRoutesOptions): Router {
  const router = express.Router();

  async function handle(req: Request, res: Response, kind: 'pdf' | 'html'): Promise<void> {
    const started = Date.now();
    const name = String(req.params.reportName);
    let outcome = 'ok';
    try {
      const session = await findRequestSession(opts.sessions, req);
      if (!session) {
        outcome = 'no session';
        return plain(res, 401, 'Session expired: log in again');
      }
      const ids = parseIds(String(req.params.ids));
      const render = await opts.renderer.prepare(session.db, session.uid, 'odoo', name, ids,
        jsonParam(req, 'options'), jsonParam(req, 'context'));
      const safeName = name.replace(/[^\w.-]/g, '_');
      if (kind === 'html') {
        // A page around the PDF: the document itself is the one /report/pdf serves.
        const src = `/report/pdf/${encodeURIComponent(name)}/${ids.join(',')}${req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : ''}`;
        res.status(200).set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).send(
          `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(name)}</title></head>`
          + `<body style="margin:0"><object data="${escapeHtml(src)}" type="application/pdf" style="width:100%;height:100vh">`
          + `<a href="${escapeHtml(src)}">${escapeHtml(safeName)}.pdf</a></object></body></html>`);
        return;
      }
      const pdf = await render();
      res.status(200).set({
        'Content-Type': 'application/pdf', 'Content-Length': String(pdf.length), 'Cache-Control': 'no-store',
        'Content-Disposition': `inline; filename="${safeName}.pdf"`, 'X-Content-Type-Options': 'nosniff',
      }).send(pdf);
    } catch (thrown) {
      const error: AppError = asAppError(thrown);
      outcome = error.kind;
      if (error instanceof InternalError) opts.logger.error(`report route failed (ref ${error.ref})`, { name: 'report', cause: String(error.cause) });
      plain(res, HTTP_STATUS_TABLE[error.kind], error.message);
    } finally {
      opts.logger.info(`http report ${kind} ${name.slice(0, 80)} ${outcome} ${Date.now() - started}ms`, { name: 'report' });
    }
  }

  router.get('/report/pdf/:reportName/:ids', (req, res) => { void handle(req, res, 'pdf'); });
  router.get('/report/html/:reportName/:ids', (req, res) => { void handle(req, res, 'html'); });
  return router;
}
