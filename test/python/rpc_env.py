"""Where the server under test is, read from the environment the jest harness sets:
RPC_URL (server root), RPC_DB, RPC_LOGIN, RPC_PASSWORD, RPC_MASTER_PASSWORD. Standard library only.
"""
import os
import xmlrpc.client

URL = os.environ['RPC_URL'].rstrip('/')
DB = os.environ['RPC_DB']
LOGIN = os.environ['RPC_LOGIN']
PASSWORD = os.environ['RPC_PASSWORD']
MASTER = os.environ.get('RPC_MASTER_PASSWORD') or 'admin'
VERSION = os.environ.get('RPC_SERVER_VERSION') or '7.0'

# The three families of paths: 7.0 string faults, Odoo integer faults, 7.0 integer faults.
PATHS = {'legacy': '/xmlrpc', 'odoo': '/xmlrpc/2', 'v7int': '/openerp/xmlrpc/1'}


def proxy(profile, service, allow_none=True):
    return xmlrpc.client.ServerProxy('%s%s/%s' % (URL, PATHS[profile], service), allow_none=allow_none)


def raw_proxy(path):
    return xmlrpc.client.ServerProxy(URL + path, allow_none=True)


def fault_of(test, call, *args):
    """Runs call(*args), asserting it faults, and returns the Fault."""
    with test.assertRaises(xmlrpc.client.Fault) as caught:
        call(*args)
    return caught.exception
