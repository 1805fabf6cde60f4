// The streamed backup and restore forms over real HTTP, on SQLite and on PostgreSQL: a zip download,
// a multipart upload restored under a new name that one can log in to, and the refusals.
import { BACKENDS } from '../support/backends';
import { client } from './support/npm-client';
import { startTestServer, type TestServer } from './support/server';

jest.setTimeout(120_000);

describe.each(BACKENDS)('/web/database on %s', (backend) => {
  let t: TestServer;
  let archive: Buffer;
  beforeAll(async () => { t = await startTestServer(backend); });
  afterAll(async () => { await t.stop(); });

  const backup = (form: Record<string, string>) => fetch(`${t.url}/web/database/backup`, { method: 'POST', body: new URLSearchParams(form) });
  function restore(fields: Record<string, string>, file: Buffer | null): Promise<Response> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (file) form.append('backup_file', new Blob([file]), 'backup.zip');
    return fetch(`${t.url}/web/database/restore`, { method: 'POST', body: form });
  }

  it('downloads a zip backup', async () => {
    const res = await backup({ master_pwd: t.masterPassword, name: t.db, backup_format: 'zip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="${t.db}_\\d{8}_\\d{6}\\.zip"$`));
    archive = Buffer.from(await res.arrayBuffer());
    expect(archive.readUInt32LE(0)).toBe(0x04034b50);
  });

  it('restores an upload under a new name, and its admin logs in', async () => {
    const name = `${t.db}_copy`;
    const res = await restore({ master_pwd: t.masterPassword, name }, archive);
    expect([res.status, await res.json()]).toEqual([200, { result: true }]);
    const rpc = client(t.port);
    expect(await rpc.call('/xmlrpc/db', 'list')).toContain(name);
    expect(await rpc.call('/xmlrpc/common', 'login', name, t.login, t.password)).toEqual(expect.any(Number));
  });

  it('refuses a wrong master password, a taken name and a damaged archive, leaving no database', async () => {
    const rpc = client(t.port);
    const before = await rpc.call('/xmlrpc/db', 'list');
    expect((await backup({ master_pwd: 'wrong', name: t.db })).status).toBe(403);
    const wrong = await restore({ master_pwd: 'wrong', name: `${t.db}_w` }, archive);
    expect([wrong.status, await wrong.json()]).toEqual([403, { error: 'Access Denied' }]);
    const taken = await restore({ master_pwd: t.masterPassword, name: t.db }, archive);
    expect([taken.status, await taken.json()]).toEqual([400, { error: 'Database already exists' }]);
    const damaged = Buffer.from(archive);
    for (let i = damaged.length >> 1; i < (damaged.length >> 1) + 8; i++) damaged[i] ^= 0xff;
    const bad = await restore({ master_pwd: t.masterPassword, name: `${t.db}_bad` }, damaged);
    expect(bad.status).toBe(400);
    expect((await bad.json() as { error: string }).error).toMatch(/^This is not a usable backup archive/);
    const noFile = await restore({ master_pwd: t.masterPassword, name: `${t.db}_none` }, null);
    expect([noFile.status, await noFile.json()]).toEqual([400, { error: 'No backup_file in the form.' }]);
    expect(await rpc.call('/xmlrpc/db', 'list')).toEqual(before);
  });
});
