// res.lang: the languages of the server with their formats; the 6.x/7.0 clients read the
// session language's date/time formats and separators right after login.
import { boolean, char, defineModel, selection } from '../../src/orm/define';

export default defineModel({
  name: 'res.lang',
  description: 'Languages',
  order: 'active desc, name',
  fields: {
    name: char({ string: 'Name', required: true }),
    code: char({ string: 'Locale Code', size: 16, required: true, help: 'This field is used to set/get locales for user' }),
    iso_code: char({ string: 'ISO code', size: 16, help: 'This ISO code is the name of po files to use for translations' }),
    translatable: boolean({ string: 'Translatable' }),
    active: boolean({ string: 'Active', default: true }),
    direction: selection([['ltr', 'Left-to-Right'], ['rtl', 'Right-to-Left']], { string: 'Direction', required: true, default: 'ltr' }),
    date_format: char({ string: 'Date Format', required: true, default: '%m/%d/%Y' }),
    time_format: char({ string: 'Time Format', required: true, default: '%H:%M:%S' }),
    grouping: char({ string: 'Separator Format', required: true, default: '[]',
      help: 'The Separator Format should be like [,n] where 0 < n :starting from Unit digit.' }),
    decimal_point: char({ string: 'Decimal Separator', required: true, default: '.' }),
    thousands_sep: char({ string: 'Thousands Separator', default: ',' }),
  },
  sqlConstraints: [
    { name: 'name_uniq', unique: ['name'], message: 'The name of the language must be unique !' },
    { name: 'code_uniq', unique: ['code'], message: 'The code of the language must be unique !' },
  ],
});
