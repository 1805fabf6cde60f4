"""The object service through xmlrpc.client: faults in each path's style, and real calls."""
import unittest

from rpc_env import DB, LOGIN, PASSWORD, PATHS, fault_of, proxy, raw_proxy


def uid_of():
    return proxy('legacy', 'common').login(DB, LOGIN, PASSWORD)


class ObjectFaults(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.uid = uid_of()

    def kw(self, profile, *args):
        return proxy(profile, 'object').execute_kw(DB, self.uid, PASSWORD, *args)

    def test_wrong_password(self):
        expected = {'legacy': ('AccessDenied', 'Access denied.'), 'v7int': (3, 'Access denied.'),
                    'odoo': (3, 'Access Denied')}
        for profile, wanted in expected.items():
            with self.subTest(profile=profile):
                obj = proxy(profile, 'object')
                fault = fault_of(self, obj.execute_kw, DB, self.uid, 'wrong', 'res.partner', 'search', [[]])
                self.assertEqual((fault.faultCode, fault.faultString), wanted)
                fault = fault_of(self, obj.execute, DB, self.uid, '', 'res.partner', 'search', [])
                self.assertEqual((fault.faultCode, fault.faultString), wanted)

    def test_wrong_password_wins_over_every_other_mistake(self):
        fault = fault_of(self, proxy('odoo', 'object').execute_kw, DB, self.uid, 'wrong', 'no.model', '_x', [])
        self.assertEqual(fault.faultCode, 3)

    def test_private_method(self):
        message = "Private methods (such as 'res.partner._compute_display_name') cannot be called remotely."
        expected = {'legacy': ('warning -- AccessError\n\n' + message, ''), 'v7int': (2, message), 'odoo': (4, message)}
        for profile, wanted in expected.items():
            with self.subTest(profile=profile):
                fault = fault_of(self, self.kw, profile, 'res.partner', '_compute_display_name', [[1]])
                self.assertEqual((fault.faultCode, fault.faultString), wanted)
        fault = fault_of(self, self.kw, 'odoo', 'res.partner', 'init', [])
        self.assertEqual(fault.faultCode, 4)

    def test_unknown_model(self):
        message = "Object no.such.model doesn't exist"
        expected = {'legacy': ('warning -- Object Error\n\n' + message, ''), 'v7int': (2, message), 'odoo': (2, message)}
        for profile, wanted in expected.items():
            with self.subTest(profile=profile):
                fault = fault_of(self, self.kw, profile, 'no.such.model', 'search', [[]])
                self.assertEqual((fault.faultCode, fault.faultString), wanted)

    def test_unknown_model_method(self):
        message = "The method 'no_such_method' does not exist on the model 'res.partner'"
        legacy = fault_of(self, self.kw, 'legacy', 'res.partner', 'no_such_method', [[]])
        self.assertEqual(legacy.faultCode, message)
        self.assertTrue(legacy.faultString.endswith('AttributeError: ' + message))
        odoo = fault_of(self, self.kw, 'odoo', 'res.partner', 'no_such_method', [[]])
        self.assertEqual(odoo.faultCode, 1)
        self.assertTrue(odoo.faultString.startswith('Traceback (most recent call last):'))

    def test_unknown_service_method(self):
        fault = fault_of(self, proxy('legacy', 'object').no_such)
        self.assertEqual(fault.faultCode, 'Method not available no_such')
        fault = fault_of(self, proxy('legacy', 'object').obj_list)
        self.assertIn('obj_list has been discontinued', fault.faultCode)


class ObjectCalls(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.uid = uid_of()

    def test_create_read_search_unlink_on_each_path(self):
        for profile in PATHS:
            with self.subTest(profile=profile):
                obj = proxy(profile, 'object')
                name = 'Py %s partner' % profile
                pid = obj.execute(DB, self.uid, PASSWORD, 'res.partner', 'create', {'name': name})
                self.assertIsInstance(pid, int)
                found = obj.execute_kw(DB, self.uid, PASSWORD, 'res.partner', 'search', [[['name', '=', name]]])
                self.assertEqual(found, [pid])
                rows = obj.execute_kw(DB, self.uid, PASSWORD, 'res.partner', 'read', [[pid]], {'fields': ['name']})
                self.assertEqual(rows, [{'id': pid, 'name': name}])
                one = obj.execute(DB, self.uid, PASSWORD, 'res.partner', 'read', pid, ['name'])
                # 7.0 paths answer read(int) with a dict, /xmlrpc/2 with a list (Decision 3).
                self.assertEqual(one, [{'id': pid, 'name': name}] if profile == 'odoo' else {'id': pid, 'name': name})
                self.assertIs(obj.execute(DB, self.uid, PASSWORD, 'res.partner', 'unlink', [pid]), True)
                self.assertEqual(obj.execute(DB, self.uid, PASSWORD, 'res.partner', 'search_count', [['id', '=', pid]]), 0)

    def test_model_path_of_70(self):
        model = raw_proxy('/openerp/xmlrpc/1/model/%s/res.partner' % DB)
        ids = model.execute(self.uid, PASSWORD, 'search', [], 0, 1)
        self.assertEqual(len(ids), 1)

    def test_exec_workflow_on_a_model_without_workflow_is_false(self):
        obj = proxy('legacy', 'object')
        self.assertIs(obj.exec_workflow(DB, self.uid, PASSWORD, 'res.partner', 'anything', 1), False)

    def test_a_failed_write_changes_nothing(self):
        obj = proxy('odoo', 'object')
        pid = obj.execute_kw(DB, self.uid, PASSWORD, 'res.partner', 'create', [{'name': 'Atomic'}])
        fault_of(self, obj.execute_kw, DB, self.uid, PASSWORD, 'res.partner', 'write',
                 [[pid], {'name': 'Changed', 'no_such_field': 1}])
        self.assertEqual(obj.execute_kw(DB, self.uid, PASSWORD, 'res.partner', 'read', [[pid], ['name']]),
                         [{'id': pid, 'name': 'Atomic'}])
        obj.execute_kw(DB, self.uid, PASSWORD, 'res.partner', 'unlink', [[pid]])


if __name__ == '__main__':
    unittest.main()
