"""Login throttling per source address, seen from Python's xmlrpc.client bound to loopback
addresses (127.0.0.2, 127.0.0.3, ...): RPC_URL is the server, RPC_PROXY_URL the same server in
proxy mode, RPC_MAX_FAILURES its number of failures before a cooldown. Standard library only.
"""
import http.client
import os
import unittest
import xmlrpc.client

from rpc_env import DB, LOGIN, MASTER, PASSWORD, URL

PROXY_URL = os.environ['RPC_PROXY_URL'].rstrip('/')
MAX_FAILURES = int(os.environ['RPC_MAX_FAILURES'])


class FromAddress(xmlrpc.client.Transport):
    """Connects from a chosen local address, optionally sending an X-Forwarded-For header."""

    def __init__(self, source, forwarded_for=None):
        super().__init__(headers=[('X-Forwarded-For', forwarded_for)] if forwarded_for else [])
        self.source = source

    def make_connection(self, host):
        if self._connection and host == self._connection[0]:
            return self._connection[1]
        chost, self._extra_headers, _ = self.get_host_info(host)
        self._connection = host, http.client.HTTPConnection(chost, source_address=(self.source, 0))
        return self._connection[1]


def service(name, source, forwarded_for=None, root=URL):
    return xmlrpc.client.ServerProxy('%s/xmlrpc/%s' % (root, name), allow_none=True,
                                     transport=FromAddress(source, forwarded_for))


def login(source, password, forwarded_for=None, root=URL):
    return service('common', source, forwarded_for, root).login(DB, LOGIN, password)


class LoginThrottleTest(unittest.TestCase):
    def setUp(self):
        self.uid = login('127.0.0.1', PASSWORD)
        self.assertIsInstance(self.uid, int)

    def fail_logins(self, source, count, forwarded_for=None, root=URL):
        for i in range(count):
            self.assertIs(login(source, 'wrong-%d' % i, forwarded_for, root), False)

    def test_a_locked_out_address_does_not_lock_out_another(self):
        self.fail_logins('127.0.0.2', MAX_FAILURES)
        # The right password is refused from the guessing address, by login and by check...
        self.assertIs(login('127.0.0.2', PASSWORD), False)
        with self.assertRaises(xmlrpc.client.Fault) as caught:
            service('object', '127.0.0.2').execute(DB, self.uid, PASSWORD, 'res.users', 'search', [])
        self.assertEqual(caught.exception.faultCode, 'AccessDenied')
        # ...and accepted from any other address.
        self.assertEqual(login('127.0.0.3', PASSWORD), self.uid)
        ids = service('object', '127.0.0.3').execute(DB, self.uid, PASSWORD, 'res.users', 'search', [])
        self.assertIn(self.uid, ids)

    def test_a_success_resets_the_count_of_its_address(self):
        for _ in range(3):
            self.fail_logins('127.0.0.4', MAX_FAILURES - 1)
            self.assertEqual(login('127.0.0.4', PASSWORD), self.uid)

    def test_the_master_password_is_throttled_per_address(self):
        for _ in range(MAX_FAILURES):
            with self.assertRaises(xmlrpc.client.Fault) as caught:
                service('db', '127.0.0.5').drop('not-the-master', 'no_such_database')
            self.assertEqual(caught.exception.faultCode, 'AccessDenied')
        with self.assertRaises(xmlrpc.client.Fault) as caught:
            service('db', '127.0.0.5').drop(MASTER, 'no_such_database')
        self.assertEqual(caught.exception.faultCode, 'AccessDenied')
        # From elsewhere the right master password passes (there is just nothing to drop).
        self.assertIs(service('db', '127.0.0.6').drop(MASTER, 'no_such_database'), False)

    def test_without_proxy_mode_x_forwarded_for_is_ignored(self):
        for i in range(MAX_FAILURES):
            self.assertIs(login('127.0.0.7', 'wrong', '10.0.1.%d' % i), False)
        self.assertIs(login('127.0.0.7', PASSWORD, '10.0.1.99'), False)

    def test_in_proxy_mode_the_last_forwarded_address_is_throttled(self):
        self.fail_logins('127.0.0.8', MAX_FAILURES, '10.0.2.1', PROXY_URL)
        self.assertIs(login('127.0.0.8', PASSWORD, '10.0.2.1', PROXY_URL), False)
        # A client cannot escape by prepending addresses: only the proxy's entry counts.
        self.assertIs(login('127.0.0.8', PASSWORD, '10.0.2.7, 10.0.2.1', PROXY_URL), False)
        # Other clients behind the same proxy are not affected.
        self.assertEqual(login('127.0.0.8', PASSWORD, '10.0.2.2', PROXY_URL), self.uid)
        self.assertEqual(login('127.0.0.8', PASSWORD, '10.0.2.1, 10.0.2.3', PROXY_URL), self.uid)


if __name__ == '__main__':
    unittest.main()
