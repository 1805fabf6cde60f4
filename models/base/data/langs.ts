// The languages this server speaks (config.languages offers the same at database creation).
import type { DataRecord } from '../../../src/orm/define';

export const langData: DataRecord[] = [
  { id: 'lang_en', model: 'res.lang', values: {
    name: 'English', code: 'en_US', iso_code: 'en', translatable: true, date_format: '%m/%d/%Y',
    time_format: '%H:%M:%S', grouping: '[3,0]', decimal_point: '.', thousands_sep: ',',
  } },
  { id: 'lang_es', model: 'res.lang', values: {
    name: 'Spanish / Español', code: 'es_ES', iso_code: 'es', translatable: true, date_format: '%d/%m/%Y',
    time_format: '%H:%M:%S', grouping: '[3,0]', decimal_point: ',', thousands_sep: '.',
  } },
];
