// Lets `node -r ./test/e2e/support/ts-register.js src/main.ts` run the TypeScript sources
// directly, for tests that need the server as a separate process (signals, first start).
// Types are checked by `tsc --noEmit`, not here: each file is only transpiled to CommonJS.
'use strict';
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = function compile(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      inlineSourceMap: true,
    },
  });
  module._compile(outputText, filename);
};
