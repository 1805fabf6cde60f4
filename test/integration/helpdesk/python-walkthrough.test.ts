// The manual's walk-through in Python's xmlrpc.client against the real server, on SQLite and
// PostgreSQL, on the Odoo-style (/xmlrpc/2) and the 7.0 legacy (/xmlrpc) paths; and the help
// center example script run once against a demo database.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { BACKENDS } from '../../support/backends';
import { expectPythonPasses } from '../../e2e/support/python';
import { startTestServer, type TestServer } from '../../e2e/support/server';

const EXAMPLE = join(__dirname, '..', '..', '..', 'examples', 'help-center.py');

function runExample(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [EXAMPLE, '--once', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => { output += d.toString('utf8'); });
    child.stderr.on('data', (d: Buffer) => { output += d.toString('utf8'); });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, output }); });
  });
}

describe.each(BACKENDS)('helpdesk over Python xmlrpc.client on %s', (backend) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(backend, { demo: true });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it.each(['/xmlrpc/2', '/xmlrpc'])('walks the life of requests on %s', async (path) => {
    await expectPythonPasses(['test_helpdesk_walkthrough', 'test_helpdesk_fidelity'], {
      url: t.url, db: t.db, login: t.login, password: t.password, env: { RPC_PATH: path },
    });
  });

  it('runs the help center example with the demo help center user', async () => {
    const run = await runExample([t.url, t.db, 'ayuda', 'ayuda']);
    expect(run.output).toMatch(/^Filed REQ\/\d{4}\/\d{5}$/m);
    expect(run.output).toMatch(/^State: notified - problems: 0 - solutions: 0$/m);
    expect(run.code).toBe(0);
  });
});
