// The routes that serve the browser client: / leads to /web, /web is the page with a strict
// content security policy, /web/static/ serves only the bundle's files and says when it is not built.
import express from 'express';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webClientRoutes } from '../../src/web/client-page';

describe('the web client page and bundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'web-client-'));
  let http: Server;
  let url = '';
  beforeAll(async () => {
    writeFileSync(join(dir, 'app.js'), 'console.log("client")');
    const app = express();
    app.use(webClientRoutes(dir));
    http = await new Promise((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => http.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends / to /web, which is the page loading the bundle', async () => {
    const root = await fetch(`${url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/web');
    const page = await fetch(`${url}/web`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(await page.text()).toMatch(/<script src="\/web\/static\/app.js"><\/script>/);
  });

  it('serves the bundle, refuses other names, and says when a file is not built', async () => {
    const js = await fetch(`${url}/web/static/app.js`);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await js.text()).toBe('console.log("client")');
    expect((await fetch(`${url}/web/static/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${url}/web/static/secret.txt`)).status).toBe(404);
    const css = await fetch(`${url}/web/static/app.css`);
    expect(css.status).toBe(503);
    expect(await css.text()).toMatch(/npm run build/);
  });
});
