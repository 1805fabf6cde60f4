// ir.model.data: external ids ("module.name") of records created by module data, and the lookups
// scripts use to find them.
import { CallError } from '../../src/errors';
import { boolean, char, datetime, defineModel, integer, type Env } from '../../src/orm/define';

/** [model, res_id] of an external id, or null; read as the system so no ACL applies to the lookup. */
async function lookup(env: Env, module: string, name: string): Promise<[string, number] | null> {
  const [row] = await env.sudo().model('ir.model.data').searchRead([['module', '=', module], ['name', '=', name]], ['model', 'res_id'], { limit: 1 });
  return row ? [String(row.model), Number(row.res_id)] : null;
}

function splitXmlid(xmlid: unknown): [string, string] {
  if (typeof xmlid !== 'string' || !xmlid.includes('.')) {
    throw new CallError(`External ID must be fully qualified (module.name): ${String(xmlid)}`, 'ValueError');
  }
  const at = xmlid.indexOf('.');
  return [xmlid.slice(0, at), xmlid.slice(at + 1)];
}

async function getObjectReference(env: Env, module: unknown, name: unknown): Promise<[string, number]> {
  const found = await lookup(env, String(module), String(name));
  if (!found) {
    throw new CallError(`No such external ID currently defined in the system: ${String(module)}.${String(name)}`, 'ValueError');
  }
  return found;
}

export default defineModel({
  name: 'ir.model.data',
  // Servers cache these rows per database (identities, access, menus): a change drops their copies.
  invalidatesCache: true,
  description: 'Model Data',
  order: 'module, model, name',
  recName: 'name',
  fields: {
    name: char({ string: 'External Identifier', required: true, index: true,
      help: 'External Key/Identifier that can be used for data integration with third-party systems' }),
    module: char({ string: 'Module', required: true, index: true }),
    model: char({ string: 'Model Name', required: true, index: true }),
    res_id: integer({ string: 'Record ID', index: true, help: 'ID of the target record in the database' }),
    noupdate: boolean({ string: 'Non Updatable', default: false }),
    date_init: datetime({ string: 'Init Date' }),
    date_update: datetime({ string: 'Update Date' }),
  },
  sqlConstraints: [
    { name: 'module_name_uniq', unique: ['module', 'name'], message: 'You cannot have multiple records with the same external ID in the same module!' },
  ],
  methods: {
    get_object_reference: {
      params: ['module', 'xml_id'],
      fn: (env, a) => getObjectReference(env, a.module, a.xml_id),
    },
    check_object_reference: {
      params: ['module', 'xml_id', 'raise_on_access_error'],
      fn: async (env, a) => {
        const [model, resId] = await getObjectReference(env, a.module, a.xml_id);
        // Searching as the caller applies their ACLs and record rules (7.0).
        const visible = await env.model(model).search([['id', '=', resId]]);
        if (visible.length) return [model, resId];
        if (a.raise_on_access_error) {
          throw new CallError(`Not enough access rights on the external ID: ${String(a.module)}.${String(a.xml_id)}`, 'ValueError');
        }
        return [model, false];
      },
    },
    // 7.0's lookup that odoorpc's env.ref() sends before check_object_reference.
    xmlid_to_res_model_res_id: {
      params: ['xmlid', 'raise_if_not_found'],
      fn: async (env, a) => {
        const [module, name] = splitXmlid(a.xmlid);
        const found = await lookup(env, module, name);
        if (found) return found;
        if (a.raise_if_not_found) {
          throw new CallError(`No such external ID currently defined in the system: ${String(a.xmlid)}`, 'ValueError');
        }
        return [false, false];
      },
    },
    xmlid_to_res_id: {
      params: ['xmlid', 'raise_if_not_found'],
      fn: async (env, a) => {
        const [module, name] = splitXmlid(a.xmlid);
        const found = await lookup(env, module, name);
        if (found) return found[1];
        if (a.raise_if_not_found) {
          throw new CallError(`No such external ID currently defined in the system: ${String(a.xmlid)}`, 'ValueError');
        }
        return false;
      },
    },
  },
});
