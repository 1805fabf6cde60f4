// ir.module.module: the modules of this server, recorded as installed when a database is made.
// Read-only over RPC: modules are installed by the server, not by clients.
import { char, defineModel, one2many, selection, text } from '../../src/orm/define';

export default defineModel({
  name: 'ir.module.module',
  description: 'Module',
  order: 'name',
  fields: {
    name: char({ string: 'Technical Name', required: true, readonly: true, index: true }),
    shortdesc: char({ string: 'Module Name', readonly: true, translate: true }),
    description: text({ string: 'Description', readonly: true, translate: true }),
    author: char({ string: 'Author', readonly: true }),
    latest_version: char({ string: 'Installed Version', readonly: true }),
    state: selection([
      ['uninstallable', 'Not Installable'], ['uninstalled', 'Not Installed'], ['installed', 'Installed'],
      ['to upgrade', 'To be upgraded'], ['to remove', 'To be removed'], ['to install', 'To be installed'],
    ], { string: 'Status', readonly: true, default: 'uninstalled', index: true }),
    data_digest: char({ string: 'Data Digest', size: 64, readonly: true,
      help: 'Fingerprint of the module data last loaded: unchanged data is not loaded again on start' }),
    dependencies_id: one2many('ir.module.module.dependency', 'module_id', { string: 'Dependencies', readonly: true }),
  },
  sqlConstraints: [
    { name: 'name_uniq', unique: ['name'], message: 'The name of the module must be unique !' },
  ],
});
