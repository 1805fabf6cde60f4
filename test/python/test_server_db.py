"""The db service over HTTP, and what a plain HTTP client sees (GET is refused)."""
import unittest
import urllib.error
import urllib.request

from rpc_env import DB, PATHS, URL, VERSION, fault_of, proxy


class DbService(unittest.TestCase):

    def test_server_version_on_every_path(self):
        for profile in PATHS:
            with self.subTest(profile=profile):
                self.assertEqual(proxy(profile, 'db').server_version(), VERSION)

    def test_list_and_exist(self):
        db = proxy('legacy', 'db')
        self.assertIn(DB, db.list())
        self.assertIs(db.db_exist(DB), True)
        self.assertIs(db.db_exist('no_such_database_at_all'), False)

    def test_list_lang(self):
        langs = proxy('odoo', 'db').list_lang()
        self.assertIn('en_US', [code for code, _label in langs])

    def test_wrong_master_password(self):
        legacy = fault_of(self, proxy('legacy', 'db').drop, 'not-the-master', DB)
        self.assertEqual(legacy.faultCode, 'AccessDenied')
        odoo = fault_of(self, proxy('odoo', 'db').drop, 'not-the-master', DB)
        self.assertEqual(odoo.faultCode, 3)
        self.assertIs(proxy('legacy', 'db').db_exist(DB), True)


class PlainHttp(unittest.TestCase):

    def test_get_is_405(self):
        with self.assertRaises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(URL + '/xmlrpc/2/common')
        self.assertEqual(caught.exception.code, 405)

    def test_faults_are_200_text_xml(self):
        body = b"<?xml version='1.0'?><methodCall><methodName>nope</methodName><params/></methodCall>"
        req = urllib.request.Request(URL + '/xmlrpc/2/common', data=body, headers={'Content-Type': 'text/xml'})
        with urllib.request.urlopen(req) as resp:
            self.assertEqual(resp.status, 200)
            self.assertTrue(resp.headers['Content-Type'].startswith('text/xml'))
            self.assertIn(b'<fault>', resp.read())


if __name__ == '__main__':
    unittest.main()
