// res.country: countries with their ISO 3166 codes (the list itself is module data).
import { char, defineModel } from '../../src/orm/define';

export default defineModel({
  name: 'res.country',
  description: 'Country',
  order: 'name',
  fields: {
    name: char({ string: 'Country Name', required: true, translate: true }),
    code: char({ string: 'Country Code', size: 2, required: true,
      help: 'The ISO country code in two chars.' }),
  },
  sqlConstraints: [
    { name: 'code_uniq', unique: ['code'], message: 'The code of the country must be unique !' },
  ],
});
