// Lets `node -r ./test/support/ts-register.js src/main.ts` run the TypeScript sources directly,
// for tests that need a separate process (the server's signals and first start, a killed sender).
// Types are checked by `tsc --noEmit`, not here: each file is only transpiled to CommonJS, and
// the output is kept in a cache folder so that later starts skip the work.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
// The compiler is loaded by the first file missing from the cache: a process started on a warm
// cache does not carry it (tests that measure a server's memory see the server's own).
let ts = null;

const CACHE = path.join(os.tmpdir(), `ocsc-ts-cache-${require('typescript/package.json').version}`);
fs.mkdirSync(CACHE, { recursive: true });

function transpile(source, filename) {
  const key = crypto.createHash('sha256').update(filename).update('\0').update(source).digest('hex');
  const cached = path.join(CACHE, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    ts ??= require('typescript');
    const { outputText } = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        inlineSourceMap: true,
      },
    });
    // Written under a temporary name first: parallel processes never read half a file.
    const temp = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(temp, outputText);
    fs.renameSync(temp, cached);
    return outputText;
  }
}

require.extensions['.ts'] = function compile(module, filename) {
  module._compile(transpile(fs.readFileSync(filename, 'utf8'), filename), filename);
};
