// Serves the browser client: GET / and /web answer its page, /web/static/ its bundle (built by
// `npm run build` into dist/web-client). The client itself talks to the JSON-RPC routes.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Router, type Request, type Response } from 'express';

/** The repository root: the nearest folder above this file holding package.json. */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const WEB_CLIENT_DIR = join(projectRoot(), 'dist', 'web-client');

const ASSETS: Record<string, string> = {
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
  'app.js.map': 'application/json; charset=utf-8',
  'app.css.map': 'application/json; charset=utf-8',
};

const PAGE = `<!DOCTYPE html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Centro de soporte</title>
<link rel="stylesheet" href="/web/static/app.css">
</head>
<body>
<div id="app"></div>
<noscript>This page needs JavaScript. / Esta página necesita JavaScript.</noscript>
<script src="/web/static/app.js"></script>
</body>
</html>
`;

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
  'Cache-Control': 'no-cache',
};

export function webClientRoutes(bundleDir: string = WEB_CLIENT_DIR): Router {
  const router = Router();
  router.get('/', (_req: Request, res: Response) => { res.redirect(302, '/web'); });
  router.get('/web', (_req: Request, res: Response) => {
    res.set({ ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8' }).send(PAGE);
  });
  router.get('/web/static/:file', (req: Request, res: Response) => {
    const file = String(req.params.file);
    const type = Object.prototype.hasOwnProperty.call(ASSETS, file) ? ASSETS[file] : undefined;
    const path = join(bundleDir, file);
    if (!type) { res.status(404).set('Content-Type', 'text/plain; charset=utf-8').send('Not Found\n'); return; }
    if (!existsSync(path)) {
      res.status(503).set('Content-Type', 'text/plain; charset=utf-8').send('The web client is not built: run `npm run build`.\n');
      return;
    }
    res.set({ ...SECURITY_HEADERS, 'Content-Type': type }).send(readFileSync(path));
  });
  return router;
}
