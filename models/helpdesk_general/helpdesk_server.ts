// helpdesk.server (Configuración): how to reach a peer center over XML-RPC. The password is
// write-only: it is kept to log in to the peer and never travels back to a client.
import {
  boolean, char, defineModel, many2one, password,
} from '../../src/orm/define';
import { l } from '../helpdesk_resources/i18n';
import { userCompany } from '../base/company-default';

export default defineModel({
  name: 'helpdesk.server',
  description: l('Server configuration', 'Configuración de servidor'),
  order: 'code, id',
  recName: 'code',
  fields: {
    company_id: many2one('res.company', { string: l('Company', 'Compañía'), required: true, default: userCompany }),
    code: char({ string: l('Code', 'Código'), required: true, size: 32 }),
    url: char({ string: l('Server address', 'Dirección del servidor'), required: true }),
    database: char({ string: l('Database', 'Base de datos'), required: true }),
    login: char({ string: l('User', 'Usuario'), required: true }),
    password: password({ string: l('Password', 'Contraseña'), required: true }),
    active: boolean({ string: l('Active', 'Activo'), default: true }),
  },
  sqlConstraints: [{
    name: 'code_unique', unique: ['code'],
    message: l('The code of a server configuration must be unique.',
      'El código de la configuración del servidor debe ser único.'),
  }],
});
