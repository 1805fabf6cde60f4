// The direction of dependencies (STYLE.md), read from the import lines of every source file:
// rpc -> services -> workflow -> mail -> orm -> db, sync beside them, jobs (the workers' loop)
// under mail and sync, models on the public definition helpers only, express at the edge, config
// read by the composition root alone.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import * as ts from 'typescript';
import { MODULES } from '../../models';

const ROOT = join(__dirname, '..', '..');
const SCANNED = ['src', 'models', 'migrations', 'config'];

interface Import {
  file: string;
  line: number;
  spec: string;
  /** Repository path of a relative import (resolved to a file when one exists), else null. */
  target: string | null;
  typeOnly: boolean;
}

/** Every import, re-export, require() and import() of a file, with its line. */
function importsOf(file: string, text: string, known: Set<string>): Import[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const out: Import[] = [];
  const add = (node: ts.Node, spec: ts.Expression | undefined, typeOnly: boolean): void => {
    if (!spec || !ts.isStringLiteralLike(spec)) return;
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    out.push({ file, line, spec: spec.text, target: resolve(file, spec.text, known), typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(node, node.moduleSpecifier, importIsTypeOnly(node));
    else if (ts.isExportDeclaration(node)) add(node, node.moduleSpecifier, exportIsTypeOnly(node));
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const dynamic = callee.kind === ts.SyntaxKind.ImportKeyword;
      if (dynamic || (ts.isIdentifier(callee) && callee.text === 'require')) add(node, node.arguments[0], false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal as ts.Expression, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function importIsTypeOnly(d: ts.ImportDeclaration): boolean {
  const c = d.importClause;
  if (!c) return false;
  if (c.isTypeOnly) return true;
  const named = c.namedBindings;
  return !c.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

function exportIsTypeOnly(d: ts.ExportDeclaration): boolean {
  const c = d.exportClause;
  return d.isTypeOnly || (!!c && ts.isNamedExports(c) && c.elements.length > 0 && c.elements.every((e) => e.isTypeOnly));
}

function resolve(file: string, spec: string, known: Set<string>): string | null {
  if (!spec.startsWith('.')) return null;
  const base = posix.normalize(posix.join(posix.dirname(file), spec));
  return [`${base}.ts`, `${base}/index.ts`, base].find((p) => known.has(p)) ?? base;
}

// ---- the rules ---------------------------------------------------------------------------

type Layer = 'root' | 'cluster' | 'web' | 'rpc' | 'codec' | 'services' | 'auth' | 'report' | 'sync' | 'workflow' | 'mail' | 'jobs' | 'orm' | 'db' | 'leaf';
const LAYER_DIRS = ['cluster', 'web', 'rpc', 'auth', 'report', 'sync', 'workflow', 'mail', 'jobs', 'orm', 'db'] as const;
/** The composition root (and src/launcher.ts, which starts it again with its V8 flags): may import every layer, models/ and (src/main.ts only) config/. */
const ROOT_FILES = ['src/main', 'src/app', 'src/modules', 'src/launcher'];
/**
 * Importable from anywhere, and importing no other src file. errors and values by design;
 * logger because it imports only node (lower layers may still declare their own interface);
 * env-reader because config/load.ts and the settings of lower layers parse variables alike;
 * v8-memory because src/main.ts and the cluster's master both start processes with its V8 flags.
 */
const LEAF_FILES = ['src/errors', 'src/values', 'src/logger', 'src/env-reader', 'src/v8-memory'];
/** Files that sit in a layer other than their folder's, each with why. */
const FILE_LAYERS: Record<string, Layer> = {
  // The positional-parameter checks of service methods: part of the services' contract.
  'src/rpc/params': 'services',
};

const BELOW: Record<Exclude<Layer, 'root'>, Layer[]> = {
  // The master and worker processes of `workers = N`: process supervision over node:cluster and
  // node:http only; src/main.ts hands them the server.
  cluster: ['cluster'],
  // The web client's routes sit beside the transports, at the edge.
  web: ['web', 'rpc', 'codec', 'services', 'auth', 'report', 'sync', 'workflow', 'mail', 'jobs', 'orm', 'db'],
  rpc: ['rpc', 'codec', 'services', 'auth', 'report', 'sync', 'workflow', 'mail', 'jobs', 'orm', 'db'],
  services: ['services', 'auth', 'report', 'sync', 'workflow', 'mail', 'jobs', 'orm', 'db'],
  // Reports (engine, PDF documents, charts, jobs) read through the orm; models declare them.
  report: ['report', 'orm', 'db'],
  auth: ['auth', 'orm', 'db'],
  sync: ['sync', 'codec', 'jobs', 'orm', 'db'],
  workflow: ['workflow', 'mail', 'jobs', 'orm', 'db'],
  mail: ['mail', 'jobs', 'orm', 'db'],
  // The generic parts of background workers (loop, lease, backoff): they know no queue's table.
  jobs: ['jobs', 'db'],
  orm: ['orm', 'db'],
  db: ['db'],
  codec: ['codec'],
  leaf: [],
};

/** A module path without `.ts` or `/index.ts`, so resolved and unresolved imports compare equal. */
const stem = (path: string): string => path.replace(/\.ts$/, '').replace(/\/index$/, '');

function layerOf(path: string): Layer | null {
  const s = stem(path);
  const seg = s.split('/');
  if (seg[0] !== 'src' || seg.length < 2) return null;
  if (FILE_LAYERS[s]) return FILE_LAYERS[s];
  if (ROOT_FILES.includes(s)) return 'root';
  if (LEAF_FILES.includes(s)) return 'leaf';
  const dir = seg[1];
  if (!(LAYER_DIRS as readonly string[]).includes(dir)) return null;
  if (dir === 'rpc' && seg[2] === 'codec') return 'codec';
  if (dir === 'rpc' && seg[2] === 'services') return 'services';
  return dir as Layer;
}

/** What models may import from src: the definition helpers, and errors and values. */
const MODEL_ENTRIES = ['src/orm/define', 'src/workflow/define', 'src/mail/define', 'src/sync/define', 'src/report/define', 'src/errors', 'src/values'];
const EXPRESS_FILES = (f: string): boolean => f === 'src/app.ts' || f.startsWith('src/rpc/transports/')
  // The web client's HTTP routes (its page and bundle) are an edge too.
  || f.startsWith('src/web/');

/** Module name -> itself and every module it depends on, directly or not. */
type ModuleClosure = Map<string, Set<string>>;

function closureOf(modules: { name: string; depends: string[] }[]): ModuleClosure {
  const byName = new Map(modules.map((m) => [m.name, m]));
  const out: ModuleClosure = new Map();
  const walk = (name: string, seen: Set<string>): Set<string> => {
    if (seen.has(name)) return seen;
    seen.add(name);
    for (const d of byName.get(name)?.depends ?? []) walk(d, seen);
    return seen;
  };
  for (const m of modules) out.set(m.name, walk(m.name, new Set()));
  return out;
}

const under = (path: string, dir: string): boolean => path === dir || path.startsWith(`${dir}/`);

function srcRules(imp: Import, from: Layer | null): string[] {
  const t = imp.target;
  const broken: string[] = [];
  if (t && under(t, 'models')) {
    if (from !== 'root') broken.push('only the composition root (src/main.ts, src/app.ts, src/modules.ts) imports models/');
  } else if (t?.startsWith('config/')) {
    const ok = imp.file === 'src/main.ts' || (from === 'root' && imp.typeOnly);
    if (!ok) {
      broken.push('config/ is read only by src/main.ts: settings are passed down and their shape declared where they are'
        + ' used (only the composition root may import config types)');
    }
  } else if (t?.startsWith('src/') && from && from !== 'root') {
    const to = layerOf(t);
    if (!to) broken.push(`${t} is in no layer`);
    else if (to === 'root') broken.push('nothing imports the composition root');
    else if (to !== 'leaf' && !BELOW[from].includes(to)) {
      broken.push(`the ${from} layer may import only ${[...BELOW[from], 'src/errors, src/values, src/logger, src/env-reader'].join(', ')}`
        + ' (rpc -> services -> workflow -> mail -> orm -> db; auth uses orm, db; sync uses rpc/codec, orm, db;'
        + ' mail and sync use jobs, which uses db)');
    }
  } else if (t && under(t, 'migrations')) {
    if (from !== 'db') broken.push('migrations/ is run only by src/db');
  }
  return broken;
}

function modelRules(imp: Import, modules: ModuleClosure): string[] {
  const t = imp.target;
  const mine = imp.file.split('/')[1];
  const mod = imp.file.split('/').length > 2 ? mine : null;
  if (mod && !modules.has(mod)) return [`models/${mod} is not the folder of a module`];
  if (t === null) return ['models import no package: only src/orm/define, src/workflow/define, src/mail/define, src/errors, src/values'];
  if (t.startsWith('src/')) {
    if (!MODEL_ENTRIES.includes(stem(t))) return [`models import from src only ${MODEL_ENTRIES.join(', ')}`];
    if (stem(t) === 'src/mail/define' && mod && !modules.get(mod)?.has('mail')) return [`module ${mod} uses mail without depending on it`];
    return [];
  }
  if (!t.startsWith('models/')) return ['models import only models/ and the definition helpers of src'];
  const other = t.split('/')[1];
  if (!mod) return /^models\/[^/]+\/module$/.test(stem(t)) ? [] : ['models/index.ts lists modules: it imports only <module>/module'];
  if (!modules.get(mod)?.has(other)) return [`module ${mod} imports models/${other} without depending on module ${other}`];
  return [];
}

function otherRules(imp: Import): string[] {
  const broken: string[] = [];
  if ((imp.spec === 'express' || imp.spec.startsWith('express/')) && !EXPRESS_FILES(imp.file)) {
    broken.push('only src/app.ts and src/rpc/transports import express');
  }
  if (imp.target?.startsWith('test/')) broken.push('source never imports test/');
  if (imp.file.startsWith('migrations/') && imp.spec !== 'knex' && !imp.target?.startsWith('migrations/')) {
    broken.push('migrations import only knex and each other (the schema must not follow the code)');
  }
  if (imp.file.startsWith('config/') && (under(imp.target ?? '', 'models') || ROOT_FILES.includes(stem(imp.target ?? '')))) {
    broken.push('config/ imports neither models/ nor the composition root');
  }
  return broken;
}

/** Every broken rule, one line each naming the file, the line, the import and the rule. */
function violations(files: Map<string, string>, modules: ModuleClosure): string[] {
  const known = new Set(files.keys());
  const out: string[] = [];
  for (const [file, text] of files) {
    if (file.startsWith('src/')) {
      if (!layerOf(file)) out.push(`${file}: in no layer (give it one in test/unit/layering.test.ts)`);
      if (/helpdesk/i.test(file)) out.push(`${file}: the path names a helpdesk; src/ never does (the helpdesk lives in models/)`);
      text.split('\n').forEach((l, i) => {
        if (/helpdesk/i.test(l)) out.push(`${file}:${i + 1}: says "helpdesk"; src/ never does (the helpdesk lives in models/)`);
      });
    }
    for (const imp of importsOf(file, text, known)) {
      const rules = [
        ...(file.startsWith('src/') ? srcRules(imp, layerOf(file)) : []),
        ...(file.startsWith('models/') ? modelRules(imp, modules) : []),
        ...otherRules(imp),
      ];
      const shown = imp.target && imp.target !== imp.spec ? ` (${imp.target})` : '';
      for (const rule of rules) out.push(`${file}:${imp.line}: imports '${imp.spec}'${shown}: ${rule}`);
    }
  }
  return out;
}

function sourceFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts')) files.set(relative(ROOT, full).split('\\').join('/'), readFileSync(full, 'utf8'));
    }
  };
  for (const dir of SCANNED) walk(join(ROOT, dir));
  return files;
}

// ---- the tests ---------------------------------------------------------------------------

describe('the direction of dependencies', () => {
  const files = sourceFiles();
  const modules = closureOf(MODULES);

  it('reads the whole tree', () => {
    expect(files.has('src/orm/define.ts')).toBe(true);
    expect(files.has('models/index.ts')).toBe(true);
    expect(files.size).toBeGreaterThan(150);
    const objectService = importsOf('src/rpc/services/object.ts', files.get('src/rpc/services/object.ts') ?? '', new Set(files.keys()));
    expect(objectService.map((i) => i.target)).toContain('src/orm/call-method.ts');
  });

  it('breaks no rule', () => {
    expect(violations(files, modules)).toEqual([]);
  });
});

describe('the rule checker', () => {
  const modules = closureOf([
    { name: 'base', depends: [] },
    { name: 'mail', depends: ['base'] },
    { name: 'helpdesk_resources', depends: ['base'] },
    { name: 'helpdesk_general', depends: ['helpdesk_resources', 'mail'] },
  ]);
  const check = (file: string, text: string): string[] => violations(new Map([[file, text]]), modules);

  it.each([
    ['src/mail/a.ts', "import type { Env } from '../orm/env-types';\nimport { UserError } from '../errors';"],
    ['src/sync/a.ts', "import { parseMethodResponse } from '../rpc/codec';\nimport { x } from '../orm/env';"],
    ['src/sync/b.ts', "import { startPollingLoop } from '../jobs/polling-loop';"],
    ['src/mail/b.ts', "import { leaseTo } from '../jobs/lease';"],
    ['src/mail/c.ts', "import { envReader } from '../env-reader';"],
    ['src/jobs/a.ts', "import { nowMsSql } from '../db/clock';\nimport type { Logger } from '../logger';"],
    ['src/rpc/services/a.ts', "import { expectArity } from '../params';\nimport { auth } from '../../auth';"],
    ['src/auth/a.ts', "import { createEnv } from '../orm/env';\nimport type { Logger } from '../logger';"],
    ['src/app.ts', "import type { Config } from '../config/defaults';\nimport { MODULES } from '../models';"],
    ['src/main.ts', "import { loadConfig } from '../config/load';"],
    ['src/db/a.ts', "import { MIGRATIONS } from '../../migrations';"],
    ['models/helpdesk_general/a.ts', "import { l } from '../helpdesk_resources/i18n';"],
    ['models/helpdesk_general/b.ts', "import { mailThread } from '../../src/mail/define';"],
    ['models/index.ts', "import base from './base/module';\nimport type { ModuleDef } from '../src/orm/define';"],
  ])('accepts %s importing downwards', (file, text) => {
    expect(check(file, text)).toEqual([]);
  });

  it('names the file, the line, the import and the rule of an upward arrow', () => {
    expect(check('src/orm/a.ts', "// x\nimport { post } from '../mail/post';")).toEqual([
      expect.stringMatching(/^src\/orm\/a\.ts:2: imports '\.\.\/mail\/post' \(src\/mail\/post\): the orm layer may import only orm, db/),
    ]);
  });

  it.each([
    ['src/db/a.ts', "const r = await import(\n  '../orm/registry');", /^src\/db\/a\.ts:1: .*the db layer/],
    ['src/rpc/codec/a.ts', "import type { Dispatcher } from '../dispatch';", /the codec layer/],
    ['src/sync/a.ts', "export { dispatch } from '../rpc/dispatch';", /the sync layer/],
    ['src/auth/a.ts', "import { m } from '../mail/thread';", /the auth layer/],
    ['src/mail/a.ts', "import { e } from '../workflow/engine';", /the mail layer/],
    ['src/jobs/a.ts', "import { mailQueued } from '../mail/wakeup';", /^src\/jobs\/a\.ts:1: .*the jobs layer may import only jobs, db/],
    ['src/jobs/b.ts', "import type { Env } from '../orm/env-types';", /the jobs layer/],
    ['src/orm/a.ts', "import { buildServer } from '../app';", /nothing imports the composition root/],
    ['src/values.ts', "import { Env } from './orm/env';", /the leaf layer/],
    ['src/mail/a.ts', "import express from 'express';", /only src\/app\.ts and src\/rpc\/transports import express/],
    ['src/db/a.ts', "const c = require('../../config/load');", /config\/ is read only by src\/main\.ts/],
    ['src/app.ts', "import { loadConfig } from '../config/load';", /config\/ is read only/],
    ['src/orm/a.ts', "export * from '../../models';", /only the composition root .* imports models/],
    ['src/orm/a.ts', "import { M } from '../../migrations';", /migrations\/ is run only by src\/db/],
    ['migrations/0009_x.ts', "import { MODULES } from '../models';", /migrations import only knex/],
    ['src/rpc/x.ts', "import { h } from '../../test/support/backends';", /never imports test/],
    ['models/base/a.ts', "import { createEnv } from '../../src/orm/env';", /models import from src only/],
    ['models/base/a.ts', "import type { Knex } from 'knex';", /models import no package/],
    ['models/base/a.ts', "import { l } from '../helpdesk_resources/i18n';", /module base imports models\/helpdesk_resources without/],
    ['models/helpdesk_resources/a.ts', "import { t } from '../../src/mail/define';", /uses mail without depending on it/],
    ['models/nomodule/a.ts', "import { char } from '../../src/orm/define';", /not the folder of a module/],
    ['src/orm/a.ts', 'const x = 1;\n// as in HelpDesk.request\n', /^src\/orm\/a\.ts:2: says "helpdesk"/],
    ['src/orm/helpdesk-names.ts', '', /the path names a helpdesk/],
    ['src/misc/a.ts', "import { x } from '../orm/env';", /^src\/misc\/a\.ts: in no layer/],
  ])('refuses %s (case %#)', (file, text, rule) => {
    expect(check(file, text)).toEqual([expect.stringMatching(rule)]);
  });
});
