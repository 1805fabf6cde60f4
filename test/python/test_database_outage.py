"""Run by the jest outage test while PostgreSQL is cut off from the server: every path answers the
retryable OperationalError fault, never an internal error with a ref. Standard library only.
"""
import unittest
import xmlrpc.client

from rpc_env import DB, LOGIN, PASSWORD, fault_of, proxy

UNAVAILABLE = 'Database unavailable, try again in a moment.'


class DatabaseOutageTest(unittest.TestCase):
    def test_odoo_paths_answer_code_1_with_an_operational_error(self):
        for profile in ('odoo', 'v7int'):
            fault = fault_of(self, proxy(profile, 'object').execute_kw, DB, 1, PASSWORD, 'res.partner', 'search', [[]])
            self.assertEqual(fault.faultCode, 1)
            self.assertTrue(fault.faultString.endswith('\nOperationalError: ' + UNAVAILABLE), fault.faultString)
            self.assertNotIn('ref ', fault.faultString)

    def test_legacy_path_names_the_outage_in_the_fault_code(self):
        fault = fault_of(self, proxy('legacy', 'object').execute, DB, 1, PASSWORD, 'res.partner', 'search', [])
        self.assertEqual(fault.faultCode, UNAVAILABLE)

    def test_a_login_is_told_to_retry_not_refused(self):
        fault = fault_of(self, proxy('legacy', 'common').login, DB, LOGIN, PASSWORD)
        self.assertEqual(fault.faultCode, UNAVAILABLE)
        self.assertIsInstance(fault, xmlrpc.client.Fault)


if __name__ == '__main__':
    unittest.main()
