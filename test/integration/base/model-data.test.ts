// External ids as scripts use them: get_object_reference, check_object_reference (which also
// checks the caller may read the record) and xmlid_to_res_id.
import { CallError } from '../../../src/errors';
import { callModelMethod } from '../../../src/orm/call-method';
import { BACKENDS } from '../../support/backends';
import { baseDbWithEmployee } from './support';

describe.each(BACKENDS)('ir.model.data on %s', (backend) => {
  const base = baseDbWithEmployee(backend);

  it('finds a record by module and name, positionally as over RPC', async () => {
    const env = base.env(base.employee);
    const group = await base.db.knex('res_groups').where('name', 'Employee').first('id');
    expect(await callModelMethod(env, 'ir.model.data', 'get_object_reference', ['base', 'group_user']))
      .toEqual(['res.groups', Number(group.id)]);
    expect(await callModelMethod(env, 'ir.model.data', 'get_object_reference', ['base', 'user_root'])).toEqual(['res.users', 1]);
    expect(await callModelMethod(env, 'ir.model.data', 'get_object_reference', ['base', 'be']))
      .toEqual(['res.country', Number((await base.db.knex('res_country').where('code', 'BE').first('id')).id)]);
  });

  it('answers OpenERP\'s ValueError for an unknown external id', async () => {
    const err = await callModelMethod(base.env(base.employee), 'ir.model.data', 'get_object_reference', ['base', 'no_such'])
      .catch((e: unknown) => e) as CallError;
    expect(err).toBeInstanceOf(CallError);
    expect(err.pyType).toBe('ValueError');
    expect(err.message).toBe('No such external ID currently defined in the system: base.no_such');
  });

  it('checks read access with check_object_reference', async () => {
    const env = base.env(base.employee);
    const settings = Number((await base.db.knex('ir_model_data').where({ module: 'base', name: 'menu_administration' }).first('res_id')).res_id);
    expect(await callModelMethod(env, 'ir.model.data', 'check_object_reference', ['base', 'menu_administration']))
      .toEqual(['ir.ui.menu', false]);
    await expect(callModelMethod(env, 'ir.model.data', 'check_object_reference', ['base', 'menu_administration', true]))
      .rejects.toThrow('Not enough access rights on the external ID: base.menu_administration');
    expect(await callModelMethod(base.env(1), 'ir.model.data', 'check_object_reference', ['base', 'menu_administration']))
      .toEqual(['ir.ui.menu', settings]);
  });

  it('maps a full external id to its record id with xmlid_to_res_id', async () => {
    const env = base.env(base.employee);
    expect(await callModelMethod(env, 'ir.model.data', 'xmlid_to_res_id', ['base.main_company'])).toBe(1);
    expect(await callModelMethod(env, 'ir.model.data', 'xmlid_to_res_id', ['base.nothing'])).toBe(false);
    await expect(callModelMethod(env, 'ir.model.data', 'xmlid_to_res_id', ['base.nothing', true])).rejects.toThrow(CallError);
  });

  it('lists external ids like any model, readable by employees', async () => {
    const rows = await base.env(base.employee).model('ir.model.data').searchRead(
      [['module', '=', 'base'], ['name', '=', 'model_res_partner']], ['model', 'res_id', 'noupdate'],
    );
    const irModel = await base.db.knex('ir_model').where('model', 'res.partner').first('id');
    expect(rows).toEqual([{ id: rows[0].id, model: 'ir.model', res_id: Number(irModel.id), noupdate: false }]);
  });
});
