// Lays reports out into PDFs on a worker thread, so the event loop stays free while a long
// report is set: the server's other calls go on between the report's database reads.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DocOp, DocumentOptions } from './ops';
import type { RenderAnswer, RenderJob } from './render-worker';

interface Pending {
  resolve(pdf: Buffer): void;
  reject(err: Error): void;
}

/**
 * The worker's source. Built servers run the compiled .js; run from TypeScript sources (tests,
 * scripts) the worker first teaches its own `require` to transpile .ts files, as their host did.
 */
function startWorker(): Worker {
  const compiled = join(__dirname, 'render-worker.js');
  if (existsSync(compiled)) return new Worker(compiled);
  const source = join(__dirname, 'render-worker.ts');
  return new Worker(`
    const ts = require('typescript');
    const fs = require('node:fs');
    require.extensions['.ts'] = (module, file) => module._compile(ts.transpileModule(fs.readFileSync(file, 'utf8'), {
      fileName: file, compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    }).outputText, file);
    require(${JSON.stringify(source)});
  `, { eval: true });
}

export class RenderPool {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  render(options: DocumentOptions, ops: DocOp[]): Promise<Buffer> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, options, ops } satisfies RenderJob);
      // A worker with work keeps the process alive; an idle one does not.
      worker.ref();
    });
  }

  /** Stops the worker (pending renders fail); the next render starts a new one. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = startWorker();
    w.unref();
    w.on('message', (answer: RenderAnswer) => {
      const p = this.pending.get(answer.id);
      if (!p) return;
      this.pending.delete(answer.id);
      if (!this.pending.size) w.unref();
      if ('pdf' in answer) p.resolve(Buffer.from(answer.pdf.buffer, answer.pdf.byteOffset, answer.pdf.byteLength));
      else p.reject(new Error(`report layout failed: ${answer.error}`));
    });
    const fail = (err: Error) => {
      if (this.worker === w) this.worker = null;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`the report worker stopped (exit code ${code})`)));
    this.worker = w;
    return w;
  }
}
