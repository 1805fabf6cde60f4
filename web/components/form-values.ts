// Form values as the ORM takes them, shared by the form and the create-and-edit dialog.
import type { Values } from '../views/domain';
import type { Fields } from '../views/interpret';

/** Values as the ORM takes them: many2one as an id, x2many as a (6, 0, ids) command. */
export function toServer(changes: Values, fields: Fields): Values {
  const out: Values = {};
  for (const [name, v] of Object.entries(changes)) {
    const type = fields[name]?.type;
    if (type === 'many2one') out[name] = Array.isArray(v) ? v[0] : v || false;
    else if (type === 'many2many' || type === 'one2many') out[name] = [[6, 0, Array.isArray(v) ? v : []]];
    else out[name] = v;
  }
  return out;
}
