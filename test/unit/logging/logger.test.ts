// The log line layout of Odoo (level names included), the JSON lines for log collectors, and the
// fail2ban line kept as it was; secrets never reach either form.
import { PassThrough } from 'node:stream';
import { createLogger } from '../../../src/logger';

function capture(opts: { level?: string; json?: boolean } = {}) {
  const lines: string[] = [];
  const stream = new PassThrough();
  stream.on('data', (d: Buffer) => lines.push(...d.toString('utf8').split('\n').filter(Boolean)));
  return { logger: createLogger({ ...opts, stream }), lines };
}

const flushed = () => new Promise((r) => setImmediate(r));

describe('text lines', () => {
  it('use Odoo’s layout and level names', async () => {
    const { logger, lines } = capture({ level: 'debug' });
    logger.log('critical', 'disk full', { db: 'support', name: 'server' });
    logger.error('boom', { name: 'rpc' });
    logger.warn('careful', { db: 'support', name: 'config' });
    logger.info('Login failed for db:support login:admin from 10.0.0.1', { db: 'support', name: 'auth', password: 'x' });
    logger.debug('detail', { name: 'sql' });
    await flushed();
    const date = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} ${process.pid}`;
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(new RegExp(`^${date} CRITICAL support server: disk full$`));
    expect(lines[1]).toMatch(new RegExp(`^${date} ERROR \\? rpc: boom$`));
    expect(lines[2]).toMatch(new RegExp(`^${date} WARNING support config: careful$`));
    expect(lines[3]).toMatch(new RegExp(`^${date} INFO support auth: Login failed for db:support login:admin from 10.0.0.1$`));
    expect(lines[4]).toMatch(new RegExp(`^${date} DEBUG \\? sql: detail$`));
  });

  it('at level critical keep only critical lines', async () => {
    const { logger, lines } = capture({ level: 'critical' });
    logger.error('not shown');
    logger.log('critical', 'shown');
    await flushed();
    expect(lines).toEqual([expect.stringContaining('CRITICAL ? server: shown')]);
  });
});

describe('JSON lines', () => {
  it('carry the same facts, one object per line, secrets left out', async () => {
    const { logger, lines } = capture({ json: true });
    logger.warn('slow call', { db: 'support', name: 'rpc', ms: 812, secret_token: 'hidden' });
    logger.info('started');
    await flushed();
    const [first, second] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first).toEqual({ time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), pid: process.pid, level: 'WARNING', db: 'support', logger: 'rpc', message: 'slow call', ms: 812 });
    expect(second).toMatchObject({ level: 'INFO', db: null, logger: 'server', message: 'started' });
    expect(lines.join('\n')).not.toContain('hidden');
  });
});
