// GET /web/health over real HTTP, on SQLite and on PostgreSQL: pass while serving, the database
// checked on ?db=1, 503 when the database does not answer and once the server is stopping.
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKENDS, uniqueName } from '../support/backends';
import { startTestServer, type TestServer } from './support/server';

async function health(t: TestServer, query = ''): Promise<{ status: number; type: string | null; body: unknown }> {
  const res = await fetch(`${t.url}/web/health${query}`);
  return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
}

describe.each(BACKENDS)('/web/health on %s', (backend) => {
  let t: TestServer;
  beforeAll(async () => { t = await startTestServer(backend); });
  afterAll(async () => { await t.stop(); });

  it('passes while serving, with and without the database check', async () => {
    expect(await health(t)).toEqual({ status: 200, type: expect.stringContaining('application/health+json'), body: { status: 'pass' } });
    expect(await health(t, '?db=1')).toMatchObject({ status: 200, body: { status: 'pass' } });
  });

  it('fails with 503 when the database does not answer, and the server keeps serving', async () => {
    // SQLite: the data folder is a file; PostgreSQL: nobody listens on the port.
    const notAFolder = join(tmpdir(), uniqueName('health'));
    writeFileSync(notAFolder, '');
    const broken = await startTestServer(backend, {
      createDb: false,
      config: backend === 'sqlite' ? { dataDir: notAFolder } : { databaseUrl: 'postgres://postgres@127.0.0.1:1/postgres' },
    });
    try {
      expect(await health(broken, '?db=1')).toEqual({
        status: 503, type: expect.stringContaining('application/health+json'), body: { status: 'fail', output: 'database unavailable' },
      });
      expect(await health(broken)).toMatchObject({ status: 200, body: { status: 'pass' } });
    } finally {
      await broken.stop().catch(() => undefined);
      rmSync(notAFolder, { force: true });
    }
  });

  it('answers 503 once the server is stopping', async () => {
    t.server.beginStop();
    expect(await health(t)).toMatchObject({ status: 503, body: { status: 'fail', output: 'stopping' } });
    expect(await health(t, '?db=1')).toMatchObject({ status: 503 });
  });
});
