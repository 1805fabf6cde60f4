// Every module of the server installs on a new database through the data loader, and installing
// again on start changes nothing: the data of all modules is consistent with the models.
import { MODULES } from '../../../models';
import { createAccessPolicy } from '../../../src/orm/access';
import { installModules } from '../../../src/orm/data-loader';
import { createEnv } from '../../../src/orm/env';
import { buildRegistry } from '../../../src/orm/registry';
import { buildWorkflows } from '../../../src/workflow/module';
import { migrate } from '../../../src/db/migrate';
import { BACKENDS, createScratchDb } from '../../support/backends';

describe.each(BACKENDS)('all modules on %s', (backend) => {
  it('install with demo data, and a second start loads nothing again', async () => {
    const db = await createScratchDb(backend);
    try {
      await migrate(db.knex, backend);
      const registry = buildRegistry([...MODULES, buildWorkflows(MODULES).module], {
        access: createAccessPolicy(), passwordRounds: 1000,
      });
      const env = createEnv({ cr: db.knex, uid: 1, su: true, registry, dbName: db.name });
      await installModules(env, registry, { adminPassword: 'admin', lang: 'en_US', demo: true });
      const installed = await db.knex('ir_module_module').where('state', 'installed').orderBy('name').pluck('name');
      expect(installed).toEqual(registry.modules.map((m) => m.name).sort());
      const writes: string[] = [];
      const listener = (q: { sql: string }) => {
        const m = /^\s*(insert into|update|delete from)\s+[`"]?([a-z_0-9]+)/i.exec(q.sql);
        if (m && !m[2].startsWith('ir_module_module')) writes.push(`${m[1]} ${m[2]}`);
      };
      db.knex.on('query', listener);
      await installModules(env, registry, {});
      db.knex.removeListener('query', listener);
      expect(writes).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});
