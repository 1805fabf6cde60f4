// Fields restricted to groups (`groups` on a field): hidden from those outside the groups in
// fields_get and in a read of every field, refused when named in read or write; members and the
// superuser see them.
import { AccessError } from '../../../src/errors';
import { char, defineModel, defineModule, float, ref } from '../../../src/orm/define';
import { BACKENDS } from '../../support/backends';
import { makeUser, openBaseDb, type BaseDb } from '../base/support';

const secret = defineModel({
  name: 'test.secret', description: 'Secret',
  fields: {
    name: char({ string: 'Name', required: true }),
    salary: float({ string: 'Salary', groups: ['base.group_system'] }),
  },
});

const testModule = defineModule({
  name: 'test_access', depends: ['base'], models: [secret],
  data: [{
    id: 'access_test_secret_user', model: 'ir.model.access',
    values: { name: 'test.secret user', model_id: ref('test_access.model_test_secret'), group_id: ref('base.group_user'),
      perm_read: true, perm_write: true, perm_create: true, perm_unlink: true },
  }],
});

describe.each(BACKENDS)('field groups on %s', (backend) => {
  let base: BaseDb;
  let employee: number;
  let settings: number;
  let rec: number;
  beforeAll(async () => {
    base = await openBaseDb(backend, {
      modules: [testModule],
      schema: async (knex) => {
        await knex.schema.createTable('test_secret', (t) => {
          t.increments('id');
          t.string('name').notNullable();
          t.double('salary');
          t.integer('create_uid'); t.timestamp('create_date', { useTz: false });
          t.integer('write_uid'); t.timestamp('write_date', { useTz: false });
        });
      },
    });
    employee = await makeUser(base, 'employee', ['base.group_user']);
    settings = await makeUser(base, 'settings', ['base.group_user', 'base.group_system']);
    rec = await base.env(1).model('test.secret').create({ name: 'Ana', salary: 1200 });
  });
  afterAll(async () => { await base?.destroy(); });

  it('hides the field from users outside its groups', async () => {
    const env = base.env(employee);
    const [row] = await env.model('test.secret').read([rec]);
    expect(row.name).toBe('Ana');
    expect('salary' in row).toBe(false);
    const fields = (await env.model('test.secret').call('fields_get', {})) as Record<string, unknown>;
    expect(Object.keys(fields)).toContain('name');
    expect(Object.keys(fields)).not.toContain('salary');
  });

  it('refuses to read or write it when named', async () => {
    const env = base.env(employee);
    await expect(env.model('test.secret').read([rec], ['salary'])).rejects.toThrow(AccessError);
    await expect(env.model('test.secret').write([rec], { salary: 1 })).rejects.toThrow(AccessError);
    expect(Number((await base.db.knex('test_secret').where('id', rec).first()).salary)).toBe(1200);
  });

  it('shows it to members of the group and to the superuser', async () => {
    const [row] = await base.env(settings).model('test.secret').read([rec], ['salary']);
    expect(Number(row.salary)).toBe(1200);
    await base.env(settings).model('test.secret').write([rec], { salary: 1300 });
    const [again] = await base.env(1).model('test.secret').read([rec], ['salary']);
    expect(Number(again.salary)).toBe(1300);
  });
});
