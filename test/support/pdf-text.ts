// What a reader of a PDF sees, through Debian's poppler-utils: its text (pdftotext) and its
// page count (pdfinfo). The PDF goes through a temporary file that is removed afterwards.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function withFile<T>(pdf: Buffer, fn: (path: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'ocsc-pdf-'));
  const path = join(dir, 'report.pdf');
  writeFileSync(path, pdf);
  try {
    return await fn(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of the whole document, or of pages `first`..`last` (1-based). */
export function pdfText(pdf: Buffer, pages?: { first: number; last: number }): Promise<string> {
  return withFile(pdf, async (path) => {
    const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', ...range, path, '-'], { maxBuffer: 32 * 1024 * 1024 });
    return stdout;
  });
}

export function pdfPages(pdf: Buffer): Promise<number> {
  return withFile(pdf, async (path) => {
    const { stdout } = await run('pdfinfo', [path]);
    const m = /^Pages:\s+(\d+)/m.exec(stdout);
    if (!m) throw new Error(`pdfinfo gave no page count:\n${stdout}`);
    return Number(m[1]);
  });
}
