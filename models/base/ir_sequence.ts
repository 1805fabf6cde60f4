// ir.sequence: numbered references (REQ/2026/00042). `next_by_code` is safe under concurrency.
import { boolean, char, defineModel, integer, many2one } from '../../src/orm/define';
import { nextByCode, nextById } from './ir-sequence-next';

export default defineModel({
  name: 'ir.sequence',
  description: 'Sequence',
  order: 'name',
  fields: {
    name: char({ string: 'Name', required: true, size: 64 }),
    code: char({ string: 'Sequence Code', size: 64, index: true }),
    active: boolean({ string: 'Active', default: true }),
    prefix: char({ string: 'Prefix', size: 64, help: 'Prefix value of the record for the sequence' }),
    suffix: char({ string: 'Suffix', size: 64, help: 'Suffix value of the record for the sequence' }),
    number_next: integer({ string: 'Next Number', required: true, default: 1, help: 'Next number of this sequence' }),
    number_increment: integer({ string: 'Increment Number', required: true, default: 1,
      help: 'The next number of the sequence will be incremented by this number' }),
    padding: integer({ string: 'Number Padding', required: true, default: 0,
      help: 'OpenERP will automatically adds some \'0\' on the left of the \'Next Number\' to get the required padding size.' }),
    company_id: many2one('res.company', { string: 'Company' }),
  },
  methods: {
    next_by_code: { params: ['sequence_code', 'context'], fn: (env, a) => nextByCode(env, a.sequence_code) },
    next_by_id: { params: ['sequence_id', 'context'], fn: (env, a) => nextById(env, a.sequence_id) },
    // The 6.x name of next_by_code, still called by old scripts.
    get: { params: ['code', 'context'], fn: (env, a) => nextByCode(env, a.code) },
  },
});
