"""Names that every JavaScript object has (RPC_PROTOTYPE_NAMES: Object.prototype's own names) sent
wherever a client names something: they must get exactly the answer of any other unknown name.

Each call of CALLS runs once with a prototype name and once with a control name of the same shape
(`no_such_name`, or `_no_such_name` for names with a leading underscore, which are private
methods); the answers must be equal once the control is replaced by the name. TRANSPORTS says how
each path family reaches a service: another transport is one more entry there.
"""
import json
import os
import unittest
import xmlrpc.client

from rpc_env import DB, LOGIN, PASSWORD, URL

NAMES = json.loads(os.environ['RPC_PROTOTYPE_NAMES'])
# Struct members the codec refuses outright (PROTOCOL, Decisions 5): a fault naming the member.
REFUSED_MEMBERS = {'__proto__', 'constructor', 'prototype'}
# Answers must not depend on what other suites create meanwhile: calls that list look at one record.
ONE = [['id', '=', 1]]


def xmlrpc_service(prefix):
    proxies = {}  # one proxy per path keeps its connection alive between calls

    def service(name):
        if name not in proxies:
            proxies[name] = xmlrpc.client.ServerProxy(URL + prefix + name, allow_none=True)
        return proxies[name]
    return service


# Path family -> how to reach a service (and, where the family has one, a model's own path).
TRANSPORTS = {
    'legacy': {'service': xmlrpc_service('/xmlrpc/')},
    'odoo': {'service': xmlrpc_service('/xmlrpc/2/')},
    'v7int': {'service': xmlrpc_service('/openerp/xmlrpc/1/'),
              'model': lambda model: xmlrpc.client.ServerProxy(
                  '%s/openerp/xmlrpc/1/model/%s/%s' % (URL, DB, model), allow_none=True)},
}


def control_for(name):
    return '_no_such_name' if name.startswith('_') else 'no_such_name'


def answer(call):
    try:
        return ('ok', call())
    except xmlrpc.client.Fault as fault:
        return ('fault', fault.faultCode, fault.faultString)


def renamed(value, control, name):
    if isinstance(value, str):
        return value.replace(control, name)
    if isinstance(value, tuple):
        return tuple(renamed(v, control, name) for v in value)
    return value


def refused_member(profile, name):
    message = "struct member name '%s' is not allowed" % name
    text = 'Traceback (most recent call last):\n  [...]\nValueError: ' + message
    return ('fault', message if profile == 'legacy' else 1, text)


class PrototypeNames(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.uid = TRANSPORTS['legacy']['service']('common').login(DB, LOGIN, PASSWORD)

    def calls(self, transport):
        """(label, takes a struct member?, name -> the call) for every place a client names something."""
        uid = self.uid
        svc = transport['service']

        def kw(model, method, args, kwargs=None):
            return svc('object').execute_kw(DB, uid, PASSWORD, model, method, args, kwargs or {})

        table = [
            ('service', False, lambda n: svc(n).version()),
            ('common method', False, lambda n: getattr(svc('common'), n)()),
            ('db method', False, lambda n: getattr(svc('db'), n)()),
            ('object method', False, lambda n: getattr(svc('object'), n)()),
            ('report method', False, lambda n: getattr(svc('report'), n)()),
            ('model', False, lambda n: kw(n, 'search', [[]])),
            ('model method', False, lambda n: kw('res.partner', n, [[1]])),
            ('execute method', False, lambda n: svc('object').execute(DB, uid, PASSWORD, 'res.partner', n)),
            ('read field', False, lambda n: kw('res.partner', 'read', [[1], ['name', n]])),
            ('search_read field', False, lambda n: kw('res.partner', 'search_read', [ONE], {'fields': [n]})),
            ('fields_get field', False, lambda n: kw('res.partner', 'fields_get', [[n]])),
            ('default_get field', False, lambda n: kw('res.partner', 'default_get', [[n]])),
            ('export field', False, lambda n: kw('res.partner', 'export_data', [[1], [n]])),
            ('domain field', False, lambda n: kw('res.partner', 'search', [[[n, '=', 1]]])),
            ('domain path', False, lambda n: kw('res.partner', 'search', [[['parent_id.' + n, '=', 1]]])),
            ('order', False, lambda n: kw('res.partner', 'search', [ONE], {'order': n})),
            ('order desc', False, lambda n: kw('res.partner', 'search', [ONE], {'order': n + ' desc'})),
            ('group by', False, lambda n: kw('res.partner', 'read_group', [ONE, ['name'], [n]])),
            ('write field', True, lambda n: kw('res.partner', 'write', [[1], {n: 1}])),
            ('create field', True, lambda n: kw('res.partner', 'create', [{'name': 'x', n: 1}])),
            ('context key', True, lambda n: kw('res.partner', 'search_count', [ONE], {'context': {n: 1}})),
            ('context default', False, lambda n: kw('res.partner', 'default_get', [['name']],
                                                   {'context': {'default_' + n: 1}})),
            ('context lang', False, lambda n: kw('helpdesk.request', 'fields_get', [['state']],
                                                 {'context': {'lang': n}})),
            ('selection value', False, lambda n: kw('res.partner', 'write', [[1], {'lang': n}])),
            ('workflow signal', False, lambda n: svc('object').exec_workflow(DB, uid, PASSWORD,
                                                                             'helpdesk.request', n, 1)),
            ('view type', False, lambda n: kw('res.partner', 'fields_view_get', [], {'view_type': n})),
        ]
        if 'model' in transport:
            table += [
                ('model path', False, lambda n: transport['model'](n).execute(uid, PASSWORD, 'search', [])),
                ('model path method', False,
                 lambda n: transport['model']('res.partner').execute(uid, PASSWORD, n, [])),
            ]
        return table

    def test_prototype_names_are_unknown_names(self):
        self.assertIn('toString', NAMES)
        for profile, transport in TRANSPORTS.items():
            for label, is_member, call in self.calls(transport):
                controls = {}
                for name in NAMES:
                    with self.subTest(profile=profile, place=label, name=name):
                        got = answer(lambda: call(name))
                        if is_member and name in REFUSED_MEMBERS:
                            self.assertEqual(got, refused_member(profile, name))
                            continue
                        control = control_for(name)
                        if control not in controls:
                            controls[control] = answer(lambda: call(control))
                        self.assertEqual(got, renamed(controls[control], control, name))

    def test_the_answers_are_those_of_unknown_names(self):
        """The control answers themselves: each family's own unknown-X fault."""
        tb = 'Traceback (most recent call last):\n  [...]\n'
        legacy = TRANSPORTS['legacy']['service']
        odoo = TRANSPORTS['odoo']['service']
        method = "The method 'toString' does not exist on the model 'res.partner'"
        expected = [
            (lambda: legacy('toString').version(), ('toString', tb + 'KeyError: toString')),
            (lambda: odoo('valueOf').version(), (1, tb + 'KeyError: valueOf')),
            (lambda: legacy('common').toString(), ('Method not found: toString', tb + 'Exception: Method not found: toString')),
            (lambda: odoo('db').hasOwnProperty(), (1, tb + 'KeyError: Method not found: hasOwnProperty')),
            (lambda: legacy('object').valueOf(), ('Method not available valueOf', tb + 'NameError: Method not available valueOf')),
            (lambda: legacy('object').execute_kw(DB, self.uid, PASSWORD, 'toString', 'search', [[]]),
             ("warning -- Object Error\n\nObject toString doesn't exist", '')),
            (lambda: odoo('object').execute_kw(DB, self.uid, PASSWORD, 'res.partner', 'toString', [[]]),
             (1, tb + 'AttributeError: ' + method)),
        ]
        for call, wanted in expected:
            kind, code, string = answer(call)
            self.assertEqual((kind, code, string), ('fault',) + wanted)
        # 7.0 leaves unknown fields out of a read; Odoo refuses them.
        self.assertEqual(legacy('object').execute_kw(DB, self.uid, PASSWORD, 'res.partner', 'read',
                                                     [[1], ['valueOf']]), [{'id': 1}])
        kind, code, string = answer(lambda: odoo('object').execute_kw(
            DB, self.uid, PASSWORD, 'res.partner', 'read', [[1], ['valueOf']]))
        self.assertEqual((kind, code), ('fault', 1))
        self.assertTrue(string.endswith("ValueError: Invalid field 'valueOf' on model 'res.partner'"))

    def test_server_keeps_serving(self):
        for profile, transport in TRANSPORTS.items():
            with self.subTest(profile=profile):
                svc = transport['service']
                for name in NAMES:
                    answer(lambda: getattr(svc('object'), 'execute_kw')(DB, self.uid, PASSWORD, 'res.partner', name, [[1]]))
                self.assertEqual(svc('common').version()['server_version'], '7.0')
                count = svc('object').execute_kw(DB, self.uid, PASSWORD, 'res.partner', 'search_count', [[]])
                self.assertGreater(count, 0)


if __name__ == '__main__':
    unittest.main()
