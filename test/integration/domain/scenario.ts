// A small hand-made data set whose answers are worked out by hand in the tests:
// a category tree with an inactive middle node, tags (one inactive), partners with accents,
// NULLs, wildcard characters, parents and children.
import type { InMemoryData } from '../../../src/orm/domain';

export const SCENARIO: InMemoryData = {
  rows: {
    'test.category': [
      { id: 1, name: 'Root', active: true, parent_id: null },
      { id: 2, name: 'École', active: true, parent_id: 1 },
      { id: 3, name: 'Sub école', active: false, parent_id: 2 },
      { id: 4, name: 'Leaf', active: true, parent_id: 3 },
      { id: 5, name: 'Other', active: true, parent_id: null },
    ],
    'test.tag': [
      { id: 1, name: 'VIP', active: true, color: 1 },
      { id: 2, name: 'Old', active: false, color: null },
      { id: 3, name: 'Ärzte', active: true, color: 5 },
    ],
    'test.partner': [
      {
        id: 1, name: 'ÉCOLE Centrale', ref: 'A%1', active: true, is_company: true, category_id: 2,
        birthday: '2024-01-01', last_seen: '2024-01-01 10:00:00', credit: 1.5, visits: 3, parent_id: null,
      },
      {
        id: 2, name: 'école du village', ref: null, active: true, is_company: false, category_id: 3,
        birthday: null, last_seen: '2024-01-02 00:00:00', credit: null, visits: 0, parent_id: null,
      },
      {
        id: 3, name: 'Zoë', ref: 'B_2', active: true, is_company: null, category_id: null,
        birthday: '2023-12-31', last_seen: '2023-12-31 23:59:59', credit: -2, visits: null, parent_id: 1,
      },
      {
        id: 4, name: 'Archived Co', ref: 'ab', active: false, is_company: true, category_id: 5,
        birthday: null, last_seen: null, credit: 0.25, visits: 1, parent_id: 1,
      },
      {
        id: 5, name: 'a%b literal', ref: '', active: true, is_company: false, category_id: 4,
        birthday: '2024-02-29', last_seen: null, credit: null, visits: null, parent_id: 3,
      },
    ],
  },
  links: {
    test_partner_tag_rel: [
      { partner_id: 1, tag_id: 1 },
      { partner_id: 2, tag_id: 2 },
      { partner_id: 4, tag_id: 1 },
      { partner_id: 4, tag_id: 3 },
      { partner_id: 5, tag_id: 3 },
    ],
    test_partner_category_rel: [
      { partner_id: 1, category_id: 4 },
      { partner_id: 3, category_id: 5 },
    ],
  },
};
