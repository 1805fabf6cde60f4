// --logfile in a real server process: lines go to the file, and after the file is renamed (as
// logrotate does) SIGHUP makes the server write a new file of the same name.
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '../support/wait-for';
import { killChildServers, runChildServer } from './support/child-server';
import { client } from './support/npm-client';

jest.setTimeout(120_000);
afterAll(() => killChildServers());

const read = (path: string): string => (existsSync(path) ? readFileSync(path, 'utf8') : '');

it('writes the log file, and a new one after rename and SIGHUP', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ocsc-log-'));
  const logfile = join(dir, 'server.log');
  const env = { DATA_DIR: dir, DEFAULT_DB: '', HOST: '127.0.0.1', PORT: '0', MASTER_PASSWORD: 'log-master' };
  const run = runChildServer(env, ['--logfile', logfile, '--log-level', 'info']);
  // The process is signalled through the running set of child-server; find it by the port line.
  await waitFor(() => /HTTP service \(XML-RPC\) running on [^\s]+:(\d+)/.test(read(logfile)), 'the listening line in the log file', 90_000);
  const port = Number(/running on [^\s]+:(\d+)/.exec(read(logfile))![1]);
  const pid = Number(new RegExp(String.raw`^\S+ \S+ (\d+) INFO \? server: HTTP service`, 'm').exec(read(logfile))![1]);
  const rpc = client(port);

  await rpc.call('/xmlrpc/2/common', 'version');
  await waitFor(() => read(logfile).includes('common.version ok'), 'the first call in the log file');
  renameSync(logfile, `${logfile}.1`);
  process.kill(pid, 'SIGHUP');
  await waitFor(() => read(logfile).includes('log file reopened'), 'the new log file');
  await rpc.call('/xmlrpc/2/common', 'about');
  await waitFor(() => read(logfile).includes('common.about ok'), 'the second call in the new file');

  expect(read(`${logfile}.1`)).toContain('common.version ok');
  expect(read(`${logfile}.1`)).not.toContain('common.about');
  expect(read(logfile)).not.toContain('common.version ok');
  expect(read(logfile)).toMatch(new RegExp(String.raw`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} ${pid} INFO \? rpc: odoo common\.about ok`, 'm'));

  process.kill(pid, 'SIGTERM');
  expect((await run).code).toBe(0);
  expect(read(logfile)).toContain('Stopped');
  rmSync(dir, { recursive: true, force: true });
});
