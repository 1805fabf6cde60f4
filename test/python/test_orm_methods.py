"""The ORM's public methods through xmlrpc.client on each profile, checked against the shapes
recorded from Odoo 18 where 7.0 and Odoo agree (observations §6-§8)."""
import unittest
import uuid

from rpc_env import DB, LOGIN, PASSWORD, fault_of, proxy


def unique(prefix):
    return '%s %s' % (prefix, uuid.uuid4().hex[:10])


class OrmCase(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.uid = proxy('legacy', 'common').login(DB, LOGIN, PASSWORD)

    def kw(self, profile, model, method, args, kwargs=None):
        return proxy(profile, 'object').execute_kw(DB, self.uid, PASSWORD, model, method, args, kwargs or {})

    def ex(self, profile, model, method, *args):
        return proxy(profile, 'object').execute(DB, self.uid, PASSWORD, model, method, *args)

    def partner(self, **vals):
        vals.setdefault('name', unique('Orm partner'))
        pid = self.kw('odoo', 'res.partner', 'create', [vals])
        self.addCleanup(self.drop, 'res.partner', pid)
        return pid

    def drop(self, model, rid):
        if self.kw('odoo', model, 'search', [[['id', '=', rid]]], {'context': {'active_test': False}}):
            self.kw('odoo', model, 'unlink', [[rid]])


class RecordMethods(OrmCase):

    def test_create_one_dict_or_a_list_of_dicts(self):
        name = unique('Batch')
        pid = self.kw('odoo', 'res.partner', 'create', [{'name': name + ' A'}])
        self.addCleanup(self.drop, 'res.partner', pid)
        self.assertIsInstance(pid, int)
        ids = self.kw('odoo', 'res.partner', 'create', [[{'name': name + ' B'}, {'name': name + ' C', 'phone': '+1 555 0100'}]])
        for rid in ids:
            self.addCleanup(self.drop, 'res.partner', rid)
        self.assertEqual(len(ids), 2)
        rows = self.kw('odoo', 'res.partner', 'search_read', [[['name', 'ilike', name]]],
                       {'fields': ['name', 'phone'], 'order': 'id'})
        self.assertEqual(rows, [{'id': pid, 'name': name + ' A', 'phone': False},
                                {'id': ids[0], 'name': name + ' B', 'phone': False},
                                {'id': ids[1], 'name': name + ' C', 'phone': '+1 555 0100'}])

    def test_read_int_or_list_and_missing_ids_skipped(self):
        name = unique('Reader')
        pid = self.partner(name=name)
        self.assertEqual(self.ex('legacy', 'res.partner', 'read', pid, ['name']), {'id': pid, 'name': name})
        self.assertEqual(self.ex('odoo', 'res.partner', 'read', pid, ['name']), [{'id': pid, 'name': name}])
        for profile in ('legacy', 'odoo'):
            with self.subTest(profile=profile):
                self.assertEqual(self.kw(profile, 'res.partner', 'read', [[pid, 999999], ['name']]),
                                 [{'id': pid, 'name': name}])
                self.assertEqual(self.kw(profile, 'res.partner', 'read', [[999998, 999999], ['name']]), [])

    def test_read_unknown_field_per_profile(self):
        name = unique('Unknown field')
        pid = self.partner(name=name)
        # 7.0 ignores an unknown field in read; Odoo refuses it.
        self.assertEqual(self.kw('legacy', 'res.partner', 'read', [[pid], ['name', 'no_such_field']]),
                         [{'id': pid, 'name': name}])
        fault = fault_of(self, self.kw, 'odoo', 'res.partner', 'read', [[pid], ['name', 'no_such_field']])
        self.assertEqual(fault.faultCode, 1)
        self.assertIn('no_such_field', fault.faultString)

    def test_write_then_missing_record_faults(self):
        pid = self.partner()
        new_name = unique('Written')
        self.assertIs(self.kw('odoo', 'res.partner', 'write', [[pid], {'name': new_name}]), True)
        self.assertEqual(self.kw('odoo', 'res.partner', 'read', [[pid], ['name']]), [{'id': pid, 'name': new_name}])
        message = 'Record does not exist or has been deleted.\n(Record: res.partner(999999,), User: %d)' % self.uid
        odoo = fault_of(self, self.kw, 'odoo', 'res.partner', 'write', [[999999], {'name': 'x'}])
        self.assertEqual((odoo.faultCode, odoo.faultString), (2, message))
        legacy = fault_of(self, self.kw, 'legacy', 'res.partner', 'write', [[999999], {'name': 'x'}])
        self.assertEqual((legacy.faultCode, legacy.faultString), ('warning -- MissingError\n\n' + message, ''))
        v7int = fault_of(self, self.kw, 'v7int', 'res.partner', 'write', [[999999], {'name': 'x'}])
        self.assertEqual((v7int.faultCode, v7int.faultString), (2, message))

    def test_invalid_field_in_write(self):
        pid = self.partner()
        message = "Invalid field 'no_such_field' on model 'res.partner'"
        legacy = fault_of(self, self.kw, 'legacy', 'res.partner', 'write', [[pid], {'no_such_field': 1}])
        self.assertEqual(legacy.faultCode, message)
        odoo = fault_of(self, self.kw, 'odoo', 'res.partner', 'write', [[pid], {'no_such_field': 1}])
        self.assertEqual(odoo.faultCode, 1)
        self.assertTrue(odoo.faultString.endswith('ValueError: ' + message))

    def test_unlink(self):
        pid = self.kw('odoo', 'res.partner', 'create', [{'name': unique('Doomed')}])
        self.assertIs(self.kw('odoo', 'res.partner', 'unlink', [[pid]]), True)
        self.assertEqual(self.kw('odoo', 'res.partner', 'read', [[pid], ['name']]), [])
        fault = fault_of(self, self.kw, 'odoo', 'res.partner', 'unlink', [[pid]])
        self.assertEqual(fault.faultCode, 2)
        self.assertTrue(fault.faultString.startswith('Record does not exist or has been deleted.'))

    def test_search_offset_limit_order_count(self):
        name = unique('Paged')
        ids = [self.partner(name='%s %d' % (name, i)) for i in range(4)]
        domain = [['name', 'like', name]]
        self.assertEqual(self.kw('odoo', 'res.partner', 'search', [domain], {'order': 'id'}), ids)
        self.assertEqual(self.kw('odoo', 'res.partner', 'search', [domain], {'order': 'id desc', 'offset': 1, 'limit': 2}),
                         [ids[2], ids[1]])
        # 7.0 positional: (domain, offset, limit, order, context, count).
        self.assertEqual(self.ex('legacy', 'res.partner', 'search', domain, 1, 2, 'name desc'), [ids[2], ids[1]])
        for profile in ('legacy', 'odoo'):
            with self.subTest(profile=profile):
                self.assertEqual(self.kw(profile, 'res.partner', 'search', [domain], {'count': True}), 4)
                self.assertEqual(self.kw(profile, 'res.partner', 'search_count', [domain]), 4)

    def test_search_read_orders_by_id(self):
        name = unique('Listed')
        first = self.partner(name=name + ' b', email='b@example.com', is_company=True)
        second = self.partner(name=name + ' a')
        rows = self.kw('odoo', 'res.partner', 'search_read', [[['name', 'ilike', name]]],
                       {'fields': ['name', 'email', 'is_company', 'active'], 'order': 'id'})
        self.assertEqual(rows, [
            {'id': first, 'name': name + ' b', 'email': 'b@example.com', 'is_company': True, 'active': True},
            {'id': second, 'name': name + ' a', 'email': False, 'is_company': False, 'active': True}])
        by_name = self.kw('legacy', 'res.partner', 'search_read', [[['name', 'ilike', name]], ['name']])
        self.assertEqual([r['id'] for r in by_name], [second, first])

    def test_name_get_and_name_search(self):
        name = unique('Findable')
        pid = self.partner(name=name)
        other = self.partner(name=name + ' twin')
        for profile in ('legacy', 'odoo'):
            with self.subTest(profile=profile):
                self.assertEqual(self.kw(profile, 'res.partner', 'name_get', [[pid]]), [[pid, name]])
                found = self.kw(profile, 'res.partner', 'name_search', [name], {'limit': 5})
                self.assertEqual(sorted(found), sorted([[pid, name], [other, name + ' twin']]))
                self.assertEqual(len(self.kw(profile, 'res.partner', 'name_search', [name], {'limit': 1})), 1)
                self.assertEqual(self.kw(profile, 'res.partner', 'name_search', [name], {'operator': '='}),
                                 [[pid, name]])
        # 7.0 positional: (name, args, operator, context, limit).
        self.assertEqual(self.ex('legacy', 'res.partner', 'name_search', name, [['id', '!=', pid]], 'ilike', {}, 10),
                         [[other, name + ' twin']])

    def test_fields_get_attributes_and_key_sets(self):
        wanted = {'name': {'readonly': False, 'required': True, 'string': 'Name', 'type': 'char'},
                  'type': {'readonly': False, 'required': False, 'string': 'Address Type', 'type': 'selection',
                           'selection': [['contact', 'Contact'], ['invoice', 'Invoice Address'],
                                         ['delivery', 'Delivery Address'], ['other', 'Other Address']]},
                  'country_id': {'readonly': False, 'required': False, 'string': 'Country', 'type': 'many2one',
                                 'relation': 'res.country'},
                  'child_ids': {'readonly': False, 'required': False, 'string': 'Contact', 'type': 'one2many',
                                'relation': 'res.partner'}}
        got = self.kw('odoo', 'res.partner', 'fields_get', [list(wanted)],
                      {'attributes': ['string', 'type', 'required', 'readonly', 'relation', 'selection']})
        self.assertEqual(got, wanted)
        odoo_keys = {'change_default', 'company_dependent', 'default_export_compatible', 'depends', 'exportable',
                     'groupable', 'manual', 'name', 'readonly', 'required', 'searchable', 'sortable', 'store',
                     'string', 'translate', 'trim', 'type'}
        self.assertEqual(set(self.kw('odoo', 'res.partner', 'fields_get', [['name']])['name']), odoo_keys)
        # 7.0 sends only the truthy keys.
        legacy = self.kw('legacy', 'res.partner', 'fields_get', [['name', 'is_company']])
        self.assertEqual(legacy['name']['string'], 'Name')
        self.assertNotIn('readonly', legacy['name'])
        self.assertTrue(all(v not in (False, [], '') for f in legacy.values() for v in f.values()))
        self.assertIn('is_company', legacy)

    def test_default_get(self):
        self.assertEqual(self.kw('odoo', 'res.partner', 'default_get', [['type', 'active', 'lang', 'is_company']]),
                         {'type': 'contact', 'active': True, 'lang': 'en_US', 'is_company': False})

    def test_copy_with_default_returns_an_int(self):
        pid = self.partner(email='copy@example.com')
        copy_name = unique('Copied')
        for profile in ('legacy', 'odoo'):
            with self.subTest(profile=profile):
                new = self.kw(profile, 'res.partner', 'copy', [pid, {'name': copy_name}])
                self.addCleanup(self.drop, 'res.partner', new)
                self.assertIsInstance(new, int)
                self.assertNotEqual(new, pid)
                self.assertEqual(self.kw('odoo', 'res.partner', 'read', [[new], ['name', 'email']]),
                                 [{'id': new, 'name': copy_name, 'email': 'copy@example.com'}])

    def test_exists(self):
        pid = self.partner()
        self.assertEqual(self.kw('odoo', 'res.partner', 'exists', [[pid, 999999]]), [pid])

    def test_check_access_rights_as_admin(self):
        for mode in ('read', 'write', 'create', 'unlink'):
            self.assertIs(self.kw('odoo', 'res.partner', 'check_access_rights', [mode]), True)

    def test_fields_view_get_default_views(self):
        for view_type, root in (('form', '<form'), ('tree', '<tree')):
            with self.subTest(view_type=view_type):
                view = self.kw('legacy', 'res.partner.category', 'fields_view_get', [False, view_type])
                self.assertEqual(view['model'], 'res.partner.category')
                self.assertEqual(view['type'], view_type)
                self.assertTrue(view['arch'].lstrip().startswith(root), view['arch'][:80])
                self.assertIn('name', view['fields'])
                self.assertEqual(view['fields']['name']['type'], 'char')


if __name__ == '__main__':
    unittest.main()
