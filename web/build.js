// Bundles the browser client (web/main.tsx and its CSS) with esbuild into dist/web-client/,
// which src/web serves. `node web/build.js` from npm run build; tests call buildWebClient().
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const BUNDLE_DIR = join(ROOT, 'dist', 'web-client');

async function buildWebClient() {
  const esbuild = require('esbuild');
  await esbuild.build({
    entryPoints: { app: join(__dirname, 'main.tsx') },
    bundle: true,
    minify: process.env.WEB_CLIENT_DEBUG !== '1',
    sourcemap: true,
    format: 'iife',
    target: ['es2020'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: BUNDLE_DIR,
    logLevel: 'warning',
  });
  return BUNDLE_DIR;
}

if (require.main === module) {
  buildWebClient().catch((err) => { console.error(err); process.exit(1); });
}

module.exports = { buildWebClient, BUNDLE_DIR };
