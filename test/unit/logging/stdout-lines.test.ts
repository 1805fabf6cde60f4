// Lines logged to stdout are written in batches: none is lost or reordered, even when the process
// exits right after logging them (the batch still held is written on exit).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

function runLogging(script: string): string[] {
  const r = spawnSync(process.execPath, ['-r', join(ROOT, 'test/support/ts-register.js'), '-e', script], {
    cwd: ROOT, encoding: 'utf8', timeout: 60_000,
  });
  expect(r.status).toBe(0);
  return r.stdout.split('\n').filter(Boolean);
}

describe('logging to stdout', () => {
  it('writes every line, in order, when the process exits at once after logging them', () => {
    const lines = runLogging(`
      const { createLogger } = require('./src/logger');
      const logger = createLogger();
      for (let i = 0; i < 500; i++) logger.info('line ' + i, { name: 'rpc', n: i });
      process.exit(0);
    `);
    expect(lines).toHaveLength(500);
    lines.forEach((line, i) => expect(line).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\d [\\d:,]+ \\d+ INFO \\? rpc: line ${i} n=${i}$`)));
  });

  it('keeps the order of lines from two loggers and across turns of the event loop', () => {
    const lines = runLogging(`
      const { createLogger } = require('./src/logger');
      const a = createLogger();
      const b = createLogger();
      a.info('first', { name: 'a' });
      b.info('second', { name: 'b' });
      setImmediate(() => { a.info('third', { name: 'a' }); setTimeout(() => b.warn('fourth', { name: 'b' }), 5); });
    `);
    expect(lines.map((l) => l.replace(/^.* (INFO|WARNING) /, '$1 '))).toEqual([
      'INFO ? a: first', 'INFO ? b: second', 'INFO ? a: third', 'WARNING ? b: fourth',
    ]);
  });
});
