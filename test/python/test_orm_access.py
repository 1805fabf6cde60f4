"""Access control seen by a non-admin user through xmlrpc.client: ACL refusals in each profile's
fault format, record rules hiding records as if they were missing, and fields no one may write."""
import unittest

from rpc_env import DB, fault_of, proxy
from test_orm_methods import OrmCase, unique


class AccessControl(OrmCase):

    def setUp(self):
        self.login = unique('user').replace(' ', '_').lower()
        self.password = 'pw-' + self.login
        self.user = self.kw('odoo', 'res.users', 'create', [{'name': self.login, 'login': self.login,
                                                             'password': self.password, 'groups_id': [[6, 0, []]]}])
        self.addCleanup(self.drop, 'res.users', self.user)

    def as_user(self, profile, model, method, args, kwargs=None):
        return proxy(profile, 'object').execute_kw(DB, self.user, self.password, model, method, args, kwargs or {})

    def join(self, xmlid):
        group = self.kw('odoo', 'ir.model.data', 'get_object_reference', ['base', xmlid])[1]
        self.kw('odoo', 'res.users', 'write', [[self.user], {'groups_id': [[4, group]]}])

    def test_acl_refusal_in_each_fault_format(self):
        message = ("You are not allowed to create 'Partner Tags' (res.partner.category) records.\n\n"
                   'This operation is allowed for the following groups:\n\t- Technical Settings/Contact Creation\n\n'
                   'Contact your administrator to request access if necessary.')
        odoo = fault_of(self, self.as_user, 'odoo', 'res.partner.category', 'create', [{'name': 'x'}])
        self.assertEqual((odoo.faultCode, odoo.faultString), (4, message))
        legacy = fault_of(self, self.as_user, 'legacy', 'res.partner.category', 'create', [{'name': 'x'}])
        self.assertEqual((legacy.faultCode, legacy.faultString), ('warning -- AccessError\n\n' + message, ''))
        # 7.0's integer paths put every except_orm under code 2.
        v7int = fault_of(self, self.as_user, 'v7int', 'res.partner.category', 'create', [{'name': 'x'}])
        self.assertEqual((v7int.faultCode, v7int.faultString), (2, message))
        self.assertIs(self.as_user('odoo', 'res.partner.category', 'check_access_rights', ['create'],
                                   {'raise_exception': False}), False)

    def test_acl_allows_once_in_a_group(self):
        self.assertIs(self.as_user('odoo', 'res.partner', 'check_access_rights', ['read'], {'raise_exception': False}), False)
        self.join('group_user')
        self.assertIs(self.as_user('odoo', 'res.partner', 'check_access_rights', ['read']), True)
        pid = self.partner()
        self.assertEqual(self.as_user('odoo', 'res.partner', 'search', [[['id', '=', pid]]]), [pid])

    def test_record_rules_hide_records_as_if_missing(self):
        self.join('group_user')
        group = self.kw('odoo', 'res.groups', 'create', [{'name': unique('Ruled')}])
        self.addCleanup(self.drop, 'res.groups', group)
        self.kw('odoo', 'res.users', 'write', [[self.user], {'groups_id': [[4, group]]}])
        model = self.kw('odoo', 'ir.model', 'search', [[['model', '=', 'res.partner']]])[0]
        rule = self.kw('odoo', 'ir.rule', 'create', [{'name': unique('Only visible'), 'model_id': model,
                                                       'groups': [[6, 0, [group]]],
                                                       'domain_force': '[["comment", "=", "visible"]]'}])
        self.addCleanup(self.drop, 'ir.rule', rule)
        tag = unique('Ruled partner')
        seen = self.partner(name=tag + ' seen', comment='visible')
        hidden = self.partner(name=tag + ' hidden')
        self.assertEqual(self.as_user('odoo', 'res.partner', 'search', [[['name', 'like', tag]]]), [seen])
        self.assertEqual(self.as_user('odoo', 'res.partner', 'search_count', [[['name', 'like', tag]]]), 1)
        self.assertEqual(self.as_user('odoo', 'res.partner', 'read', [[seen, hidden], ['name']]),
                         [{'id': seen, 'name': tag + ' seen'}])
        admin_sees = self.kw('odoo', 'res.partner', 'search', [[['name', 'like', tag]]], {'order': 'id'})
        self.assertEqual(admin_sees, [seen, hidden])

    def test_record_rule_written_as_70_python_text_hides_records(self):
        self.join('group_user')
        model = self.ex('legacy', 'ir.model', 'search', [('model', '=', 'res.partner')])[0]
        domain = "['|', ('comment', '=', 'visible'), ('id', '=', user.partner_id.id)]"
        name = unique('Python rule')
        # as a 7.0 script sends it: execute on the legacy path, the domain as Python text
        rule = self.ex('legacy', 'ir.rule', 'create', {'name': name, 'model_id': model, 'domain_force': domain})
        self.addCleanup(self.drop, 'ir.rule', rule)
        self.assertEqual(self.ex('legacy', 'ir.rule', 'read', [rule], ['domain_force'])[0]['domain_force'], domain)
        tag = unique('Python ruled')
        seen = self.partner(name=tag + ' seen', comment='visible')
        self.partner(name=tag + ' hidden')
        self.assertEqual(self.as_user('legacy', 'res.partner', 'search', [[['name', 'like', tag]]]), [seen])
        own = self.kw('odoo', 'res.users', 'read', [[self.user], ['partner_id']])[0]['partner_id'][0]
        self.assertEqual(self.as_user('legacy', 'res.partner', 'search', [[['id', '=', own]]]), [own])
        bad = fault_of(self, self.kw, 'odoo', 'ir.rule', 'write', [[rule], {'domain_force': "[('id', '=', eval('1'))]"}])
        self.assertEqual(bad.faultCode, 2)
        self.assertIn('The record rule "%s" has an invalid domain' % name, bad.faultString)
        self.assertIn('unknown name "eval"', bad.faultString)
        self.assertEqual(self.ex('legacy', 'ir.rule', 'read', [rule], ['domain_force'])[0]['domain_force'], domain)

    def test_readonly_and_magic_fields_are_refused(self):
        pid = self.partner()
        before = self.kw('odoo', 'res.partner', 'read', [[pid], ['create_date', 'display_name']])
        for field, label in (('create_date', 'Created on'), ('display_name', 'Display Name')):
            with self.subTest(field=field):
                fault = fault_of(self, self.kw, 'odoo', 'res.partner', 'write', [[pid], {field: '2020-01-01 00:00:00'}])
                self.assertEqual(fault.faultCode, 2)
                self.assertIn('"%s" (%s)' % (label, field), fault.faultString)
        self.assertEqual(self.kw('odoo', 'res.partner', 'read', [[pid], ['create_date', 'display_name']]), before)


if __name__ == '__main__':
    unittest.main()
