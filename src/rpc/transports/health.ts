// GET /web/health: {"status": "pass"} (200) while the process serves, 503 once it is stopping
// (load balancers take it out of rotation); `?db=1` also asks the database pool for an answer.
import express, { type Request, type Response, type Router } from 'express';

export interface HealthOptions {
  /** True once the server is stopping. */
  stopping: () => boolean;
  /** Resolves when a database answers; rejects (or outlasts `dbTimeoutMs`) when it does not. */
  checkDatabase: () => Promise<void>;
  dbTimeoutMs?: number;
}

function answer(res: Response, status: number, body: Record<string, string>): void {
  res.status(status).set({ 'Content-Type': 'application/health+json', 'Cache-Control': 'no-store' }).send(JSON.stringify(body));
}

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

export function healthRoutes(opts: HealthOptions): Router {
  const router = express.Router();
  router.get('/web/health', (req: Request, res: Response) => {
    if (opts.stopping()) {
      res.set('Connection', 'close');
      return answer(res, 503, { status: 'fail', output: 'stopping' });
    }
    const wantsDb = ['1', 'true'].includes(String(req.query.db ?? ''));
    if (!wantsDb) return answer(res, 200, { status: 'pass' });
    // The cause stays in the server's log reach; the answer tells only that the database did not answer.
    withTimeout(opts.checkDatabase(), opts.dbTimeoutMs ?? 5000).then(
      () => answer(res, 200, { status: 'pass' }),
      () => answer(res, 503, { status: 'fail', output: 'database unavailable' }),
    );
  });
  return router;
}
