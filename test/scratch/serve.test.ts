import { writeFileSync } from 'node:fs';
import { startTestServer } from '../e2e/support/server';
jest.setTimeout(3_600_000);
it('serves', async () => {
  const t = await startTestServer((process.env.PROBE_BACKEND as 'sqlite' | 'pg') ?? 'sqlite', { demo: true });
  writeFileSync('/tmp/fix10a-server.json', JSON.stringify({ url: t.url, db: t.db, password: t.password, master: t.masterPassword }));
  const fs = await import('node:fs');
  while (!fs.existsSync('/tmp/fix10a-stop')) await new Promise((r) => setTimeout(r, 500));
  fs.rmSync('/tmp/fix10a-stop');
  await t.stop();
});
