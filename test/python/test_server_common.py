"""The common service on every path family, through Python's own xmlrpc.client."""
import unittest

from rpc_env import DB, LOGIN, PASSWORD, PATHS, VERSION, fault_of, proxy, raw_proxy


class CommonOnEveryPath(unittest.TestCase):

    def test_version(self):
        major, minor = (int(x) for x in VERSION.split('.')[:2])
        for profile in PATHS:
            with self.subTest(profile=profile):
                v = proxy(profile, 'common').version()
                self.assertEqual(v['server_version'], VERSION)
                self.assertEqual(v['server_version_info'][:5], [major, minor, 0, 'final', 0])
                self.assertEqual(v['server_serie'], '%d.%d' % (major, minor))
                self.assertEqual(v['protocol_version'], 1)

    def test_about(self):
        for profile in PATHS:
            with self.subTest(profile=profile):
                common = proxy(profile, 'common')
                self.assertIsInstance(common.about(), str)
                text, version = common.about(True)
                self.assertIsInstance(text, str)
                self.assertEqual(version, VERSION)

    def test_login_and_authenticate(self):
        uids = set()
        for profile in PATHS:
            with self.subTest(profile=profile):
                common = proxy(profile, 'common')
                uid = common.login(DB, LOGIN, PASSWORD)
                self.assertIsInstance(uid, int)
                self.assertNotIsInstance(uid, bool)
                self.assertEqual(common.authenticate(DB, LOGIN, PASSWORD, {}), uid)
                uids.add(uid)
        self.assertEqual(len(uids), 1)

    def test_bad_credentials_are_false_never_a_fault(self):
        for profile in PATHS:
            with self.subTest(profile=profile):
                common = proxy(profile, 'common')
                self.assertIs(common.login(DB, LOGIN, PASSWORD + '-wrong'), False)
                self.assertIs(common.login(DB, LOGIN, ''), False)
                self.assertIs(common.login(DB, 'nobody-at-all', 'x'), False)
                self.assertIs(common.authenticate(DB, LOGIN, 'wrong', {}), False)

    def test_timezone_and_login_message(self):
        common = proxy('legacy', 'common')
        self.assertEqual(common.timezone_get(DB, LOGIN, PASSWORD), 'UTC')
        self.assertIs(common.login_message(), False)
        self.assertIs(common.check_connectivity(), True)

    def test_db_segment_and_bare_version_paths_of_70(self):
        uid = proxy('legacy', 'common').login(DB, LOGIN, PASSWORD)
        self.assertEqual(raw_proxy('/openerp/xmlrpc/1/common/%s' % DB).login(LOGIN, PASSWORD), uid)
        self.assertEqual(raw_proxy('/openerp/xmlrpc').version()['server_version'], VERSION)
        self.assertEqual(proxy('v7int', 'common').server_version(), VERSION)

    def test_unknown_method(self):
        legacy = fault_of(self, proxy('legacy', 'common').no_such_method)
        self.assertEqual(legacy.faultCode, 'Method not found: no_such_method')
        self.assertTrue(legacy.faultString.startswith('Traceback (most recent call last):'))
        self.assertTrue(legacy.faultString.endswith('Exception: Method not found: no_such_method'))
        for profile in ('odoo', 'v7int'):
            with self.subTest(profile=profile):
                fault = fault_of(self, proxy(profile, 'common').no_such_method)
                self.assertEqual(fault.faultCode, 1)
                self.assertIn('Method not found: no_such_method', fault.faultString)

    def test_unknown_service(self):
        legacy = fault_of(self, raw_proxy('/xmlrpc/nosuch').version)
        self.assertEqual(legacy.faultCode, 'nosuch')
        odoo = fault_of(self, raw_proxy('/xmlrpc/2/nosuch').version)
        self.assertEqual(odoo.faultCode, 1)
        self.assertTrue(odoo.faultString.endswith('KeyError: nosuch'))
        unroutable = fault_of(self, raw_proxy('/openerp/xmlrpc/1/a/b/c').version)
        self.assertEqual((unroutable.faultCode, unroutable.faultString), (1, ''))

    def test_wrong_argument_count_is_a_fault(self):
        fault = fault_of(self, proxy('odoo', 'common').login, DB, LOGIN)
        self.assertEqual(fault.faultCode, 1)
        self.assertIn('TypeError: login() takes exactly 3 arguments (2 given)', fault.faultString)


if __name__ == '__main__':
    unittest.main()
