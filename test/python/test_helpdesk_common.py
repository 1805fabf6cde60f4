"""Shared setup of the helpdesk walk-throughs: a session per user over xmlrpc.client, the
support center's users (help center, support center, manager, another center), and fault
helpers that read both fault styles (legacy string codes and /xmlrpc/2 integer codes).

Environment: RPC_URL (server root), RPC_DB, RPC_LOGIN, RPC_PASSWORD (the administrator),
RPC_PATH ('/xmlrpc/2' by default, or '/xmlrpc' for the 7.0 legacy paths). Standard library only.
"""
import os
import uuid
import xmlrpc.client

URL = os.environ.get('RPC_URL', 'http://127.0.0.1:8069').rstrip('/')
DB = os.environ.get('RPC_DB', 'support')
PATH = os.environ.get('RPC_PATH', '/xmlrpc/2')
ADMIN_LOGIN = os.environ.get('RPC_LOGIN', 'admin')
ADMIN_PASSWORD = os.environ.get('RPC_PASSWORD', 'admin')

HELP = 'group_help_center'
SUPPORT = 'group_support_center'
MANAGER = 'group_manager'


def proxy(service):
    return xmlrpc.client.ServerProxy('%s%s/%s' % (URL, PATH, service), allow_none=True)


def fault_kind(fault):
    """('AccessError' | 'Warning', message) for either fault style."""
    code = fault.faultCode
    if isinstance(code, str) and code.startswith('warning -- '):
        title, _, message = code[len('warning -- '):].partition('\n\n')
        return ('AccessError' if title in ('AccessError', 'Access Denied') else 'Warning'), message
    if code == 4:
        return 'AccessError', fault.faultString
    if code == 2:
        return 'Warning', fault.faultString
    return 'Error', '%s %s' % (code, fault.faultString)


class Session(object):
    """One logged-in user: call(model, method, *args, **kw) and signal(model, name, id)."""

    def __init__(self, login, password):
        self.login = login
        self.password = password
        with proxy('common') as common:
            self.uid = common.login(DB, login, password)
        if not self.uid:
            raise AssertionError('login failed for %s' % login)
        self.object = proxy('object')

    def close(self):
        self.object('close')()

    def call(self, model, method, *args, **kwargs):
        return self.object.execute_kw(DB, self.uid, self.password, model, method, list(args), kwargs)

    def signal(self, model, name, record_id):
        return self.object.exec_workflow(DB, self.uid, self.password, model, name, record_id)

    def read_one(self, model, record_id, fields):
        rows = self.call(model, 'read', [record_id], fields)
        return rows[0] if isinstance(rows, list) else rows

    def state(self, model, record_id):
        return self.read_one(model, record_id, ['state'])['state']


def group_id(admin, name):
    return admin.call('ir.model.data', 'get_object_reference', 'helpdesk_master', name)[1]


def make_user(admin, name, groups, company_id=None):
    """A new user in the given helpdesk groups; the login is unique per run."""
    login = '%s_%s' % (name, uuid.uuid4().hex[:8])
    vals = {'name': name.replace('_', ' ').title(), 'login': login, 'password': login + '_pw',
            'groups_id': [(6, 0, [group_id(admin, g) for g in groups])]}
    if company_id:
        vals['company_id'] = company_id
    admin.call('res.users', 'create', vals)
    return Session(login, login + '_pw')


def make_company(admin, name):
    return admin.call('res.company', 'create', {'name': '%s %s' % (name, uuid.uuid4().hex[:6])})


class People(object):
    """The cast of the manual: two help centers (two companies), a support center, a manager."""

    def __init__(self):
        self.admin = Session(ADMIN_LOGIN, ADMIN_PASSWORD)
        admin_company = self.admin.read_one('res.users', self.admin.uid, ['company_id'])['company_id'][0]
        self.help = make_user(self.admin, 'help_center', [HELP], admin_company)
        self.support = make_user(self.admin, 'support_center', [SUPPORT], admin_company)
        self.manager = make_user(self.admin, 'manager', [MANAGER], admin_company)
        self.other_help = make_user(self.admin, 'other_help_center', [HELP], make_company(self.admin, 'Otro centro'))

    def close(self):
        for session in (self.admin, self.help, self.support, self.manager, self.other_help):
            session.close()
