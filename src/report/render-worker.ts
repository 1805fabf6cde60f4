// The render worker's entry: lays out each recorded report it is sent into a PDF, one at a
// time, and posts the bytes back. Nothing here touches a database.
import { parentPort } from 'node:worker_threads';
import type { DocOp, DocumentOptions } from './ops';
import { PdfWriter } from './pdf-writer';

export interface RenderJob {
  id: number;
  options: DocumentOptions;
  ops: DocOp[];
}

export type RenderAnswer = { id: number; pdf: Uint8Array } | { id: number; error: string };

parentPort?.on('message', (job: RenderJob) => {
  new PdfWriter(job.options).write(job.ops).then(
    (pdf) => {
      const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      parentPort?.postMessage({ id: job.id, pdf: bytes } satisfies RenderAnswer);
    },
    (err: unknown) => parentPort?.postMessage({ id: job.id, error: err instanceof Error ? err.stack ?? err.message : String(err) } satisfies RenderAnswer),
  );
});
