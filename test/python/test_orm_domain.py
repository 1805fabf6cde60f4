"""The domain language through xmlrpc.client: operators, prefix logic, hierarchies, dotted paths,
empty values, active_test, ordering faults and case-insensitive matching of accented names."""
import unittest

from rpc_env import fault_of
from test_orm_methods import OrmCase, unique


class Domains(OrmCase):

    def setUp(self):
        self.tag = unique('Dom')
        self.a = self.partner(name=self.tag + ' alpha', email='a@example.com', color=1, is_company=True)
        self.b = self.partner(name=self.tag + ' beta', color=2, parent_id=self.a)
        self.c = self.partner(name=self.tag + ' gamma', email='c@example.com', color=3)

    def ids(self, domain, profile='odoo', **kwargs):
        kwargs.setdefault('order', 'id')
        return self.kw(profile, 'res.partner', 'search', [[['name', 'like', self.tag]] + domain], kwargs)

    def test_prefix_and_or_not(self):
        self.assertEqual(self.ids(['|', ['color', '=', 1], ['color', '=', 3]]), [self.a, self.c])
        self.assertEqual(self.ids(['&', ['color', '>', 1], ['email', '!=', False]]), [self.c])
        self.assertEqual(self.ids(['!', ['color', '=', 2]]), [self.a, self.c])
        self.assertEqual(self.ids(['|', '!', ['color', '<', 3], '&', ['color', '=', 1], ['is_company', '=', True]]),
                         [self.a, self.c])

    def test_comparison_and_membership_operators(self):
        cases = [
            (['color', '=', 2], [self.b]), (['color', '>', 1], [self.b, self.c]), (['color', '>=', 2], [self.b, self.c]),
            (['color', '<', 2], [self.a]), (['color', '<=', 2], [self.a, self.b]), (['color', '<>', 2], [self.a, self.c]),
            (['color', 'in', [1, 3]], [self.a, self.c]), (['color', 'not in', [1, 3]], [self.b]),
            (['name', '=like', self.tag + ' b%'], [self.b]), (['name', '=ilike', self.tag.upper() + ' G%'], [self.c]),
            (['name', 'like', 'alpha'], [self.a]), (['name', 'ilike', 'BETA'], [self.b]),
            (['name', 'not ilike', 'ALPHA'], [self.b, self.c]),
        ]
        for leaf, wanted in cases:
            with self.subTest(leaf=leaf):
                self.assertEqual(self.ids([leaf]), wanted)

    def test_negative_operators_and_empty_values_per_profile(self):
        # 7.0 leaves out rows whose field is empty; Odoo includes them (Decision 3).
        self.assertEqual(self.ids([['email', '!=', 'a@example.com']], 'legacy'), [self.c])
        self.assertEqual(self.ids([['email', '!=', 'a@example.com']], 'odoo'), [self.b, self.c])
        self.assertEqual(self.ids([['email', 'not like', 'example']], 'legacy'), [])
        self.assertEqual(self.ids([['email', 'not ilike', 'EXAMPLE']], 'odoo'), [self.b])
        for profile in ('legacy', 'odoo'):
            with self.subTest(profile=profile):
                self.assertEqual(self.ids([['email', '=', False]], profile), [self.b])
                self.assertEqual(self.ids([['email', '!=', False]], profile), [self.a, self.c])
                self.assertEqual(self.ids([['parent_id', '=', False]], profile), [self.a, self.c])

    def test_dotted_paths(self):
        self.assertEqual(self.ids([['parent_id.name', '=', self.tag + ' alpha']]), [self.b])
        self.assertEqual(self.ids([['parent_id.email', 'ilike', 'A@EXAMPLE']]), [self.b])
        self.assertEqual(self.ids([['child_ids.color', '=', 2]]), [self.a])

    def test_many2one_paths_through_the_company(self):
        d = self.partner(name=self.tag + ' delta', parent_id=self.b)
        gone = self.partner(name=self.tag + ' epsilon', email='e@example.com')
        f = self.partner(name=self.tag + ' zeta', parent_id=gone)
        self.kw('odoo', 'res.partner', 'write', [[gone], {'active': False}])
        alpha = self.tag + ' alpha'
        cases = [
            (['parent_id.name', '=', alpha], [self.b]),
            (['parent_id.name', '!=', alpha], [d]),
            (['parent_id.name', 'ilike', 'ALPHA'], [self.b]),
            (['parent_id.name', 'not ilike', 'alpha'], [d]),
            (['parent_id.color', 'in', [1, 2]], [self.b, d]),
            (['parent_id.color', 'not in', [1]], [d]),
            (['parent_id.email', '=', False], [d]),
            (['parent_id.parent_id.name', '=', alpha], [d]),
            (['parent_id.name', 'ilike', 'epsilon'], []),
        ]
        for profile in ('legacy', 'odoo'):
            for leaf, wanted in cases:
                with self.subTest(profile=profile, leaf=leaf):
                    self.assertEqual(self.ids([leaf], profile), wanted)
        self.assertEqual(self.ids(['|', ['parent_id.name', '=', alpha], ['color', '=', 3]]), [self.b, self.c])
        self.assertEqual(self.ids(['!', ['parent_id.name', '=', alpha]]), [d])
        self.assertEqual(self.ids([['parent_id.name', 'ilike', 'epsilon']], context={'active_test': False}), [f])
        count = self.kw('odoo', 'res.partner', 'search_count', [[['name', 'like', self.tag], ['parent_id.name', 'ilike', 'a']]])
        self.assertEqual(count, 2)

    def test_child_of_and_parent_of(self):
        name = unique('Tree')
        root = self.kw('odoo', 'res.partner.category', 'create', [{'name': name + ' root'}])
        self.addCleanup(self.drop, 'res.partner.category', root)
        mid = self.kw('odoo', 'res.partner.category', 'create', [{'name': name + ' mid', 'parent_id': root}])
        leaf = self.kw('odoo', 'res.partner.category', 'create', [{'name': name + ' leaf', 'parent_id': mid}])
        other = self.kw('odoo', 'res.partner.category', 'create', [{'name': name + ' other'}])
        self.addCleanup(self.drop, 'res.partner.category', other)
        tagged = self.partner(category_id=[[6, 0, [leaf]]])
        self.partner(category_id=[[6, 0, [other]]])

        def search(domain, profile='odoo'):
            return sorted(self.kw(profile, 'res.partner.category', 'search', [domain]))
        for profile in ('legacy', 'odoo'):
            with self.subTest(profile=profile):
                self.assertEqual(search([['id', 'child_of', root]], profile), sorted([root, mid, leaf]))
                self.assertEqual(search([['id', 'child_of', [mid]]], profile), sorted([mid, leaf]))
                self.assertEqual(search([['id', 'parent_of', leaf]], profile), sorted([root, mid, leaf]))
                # A many2one to the model itself is taken as the parent field (7.0 and Odoo alike).
                self.assertEqual(search([['parent_id', 'child_of', mid]], profile), sorted([mid, leaf]))
                found = self.kw(profile, 'res.partner', 'search', [[['category_id', 'child_of', root]]])
                self.assertEqual(found, [tagged])

    def test_active_test(self):
        self.kw('odoo', 'res.partner', 'write', [[self.c], {'active': False}])
        self.assertEqual(self.ids([]), [self.a, self.b])
        self.assertEqual(self.ids([], context={'active_test': False}), [self.a, self.b, self.c])
        self.assertEqual(self.ids([['active', '=', False]]), [self.c])
        rows = self.kw('odoo', 'res.partner', 'search_read', [[['id', '=', self.c]]],
                       {'fields': ['name'], 'context': {'active_test': False}})
        self.assertEqual(rows, [{'id': self.c, 'name': self.tag + ' gamma'}])

    def test_accented_ilike(self):
        name = 'Élodie %s Ñandú' % unique('Accents').split()[1]
        pid = self.partner(name=name)
        for pattern in (name.lower(), name.upper(), 'élodie', 'ÑANDÚ'):
            with self.subTest(pattern=pattern):
                found = self.kw('odoo', 'res.partner', 'search', [[['name', 'ilike', pattern], ['id', '=', pid]]])
                self.assertEqual(found, [pid])

    def test_order_by_field_and_direction(self):
        self.assertEqual(self.ids([], order='color desc'), [self.c, self.b, self.a])
        self.assertEqual(self.ids([], order='is_company desc, name'), [self.a, self.b, self.c])

    def test_bad_order_and_bad_leaves_fault(self):
        fault = fault_of(self, self.kw, 'odoo', 'res.partner', 'search', [[]], {'order': 'no_such_field'})
        self.assertEqual(fault.faultCode, 1)
        self.assertIn('no_such_field', fault.faultString)
        legacy = fault_of(self, self.kw, 'legacy', 'res.partner', 'search', [[]], {'order': 'name; drop table x'})
        self.assertTrue(legacy.faultCode.startswith('warning -- '), legacy.faultCode)
        self.assertIn('Invalid "order" specified', legacy.faultCode)
        leaf = fault_of(self, self.kw, 'legacy', 'res.partner', 'search', [[['name', '~~', 'x']]])
        self.assertEqual(leaf.faultCode, "Invalid leaf ('name', '~~', 'x')")
        field = fault_of(self, self.kw, 'odoo', 'res.partner', 'search', [[['no_such_field', '=', 1]]])
        self.assertEqual(field.faultCode, 1)
        self.assertTrue(field.faultString.startswith('Traceback (most recent call last):'))
        self.assertIn("('no_such_field', '=', 1)", field.faultString)


if __name__ == '__main__':
    unittest.main()
