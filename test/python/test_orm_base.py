"""The base models through xmlrpc.client: partners' display names and websites, users' context
and passwords, groups, external ids, sequences, attachments and the module list."""
import base64
import unittest

from rpc_env import DB, fault_of, proxy
from test_orm_methods import OrmCase, unique


class BaseModels(OrmCase):

    def test_partner_display_name_with_parent(self):
        company_name = unique('Acme')
        company = self.partner(name=company_name, is_company=True)
        contact = self.partner(name='Joe', parent_id=company)
        wanted = company_name + ', Joe'
        for profile in ('legacy', 'odoo'):
            with self.subTest(profile=profile):
                self.assertEqual(self.kw(profile, 'res.partner', 'name_get', [[contact, company]]),
                                 [[contact, wanted], [company, company_name]])
                row = self.kw(profile, 'res.partner', 'read', [[contact], ['display_name', 'parent_id']])[0]
                self.assertEqual((row['display_name'], row['parent_id']), (wanted, [company, company_name]))

    def test_partner_website_gets_http_prefix(self):
        pid = self.partner(website='example.com')
        self.assertEqual(self.kw('odoo', 'res.partner', 'read', [[pid], ['website']]), [{'id': pid, 'website': 'http://example.com'}])
        self.kw('odoo', 'res.partner', 'write', [[pid], {'website': 'https://secure.example.com'}])
        self.assertEqual(self.kw('odoo', 'res.partner', 'read', [[pid], ['website']])[0]['website'], 'https://secure.example.com')

    def test_users_context_get(self):
        self.assertEqual(self.kw('odoo', 'res.users', 'context_get', []), {'lang': 'en_US', 'tz': False})
        self.assertEqual(self.ex('legacy', 'res.users', 'context_get')['lang'], 'en_US')

    def test_user_password_is_write_only_and_logs_in(self):
        login = unique('login').replace(' ', '_')
        uid = self.kw('odoo', 'res.users', 'create', [{'name': login, 'login': login, 'password': 'first-pw'}])
        self.addCleanup(self.drop, 'res.users', uid)
        common = proxy('odoo', 'common')
        self.assertEqual(common.login(DB, login, 'first-pw'), uid)
        self.assertIs(self.kw('odoo', 'res.users', 'read', [[uid], ['password']])[0]['password'], False)
        self.kw('odoo', 'res.users', 'write', [[uid], {'password': 'second-pw'}])
        self.assertIs(common.login(DB, login, 'first-pw'), False)
        self.assertEqual(proxy('legacy', 'common').login(DB, login, 'second-pw'), uid)
        partner = self.kw('odoo', 'res.users', 'read', [[uid], ['partner_id']])[0]['partner_id']
        self.assertEqual(partner[1], login)

    def test_groups_and_membership(self):
        employee = self.kw('odoo', 'ir.model.data', 'get_object_reference', ['base', 'group_user'])
        self.assertEqual(employee[0], 'res.groups')
        row = self.kw('odoo', 'res.groups', 'read', [[employee[1]], ['name', 'users', 'category_id']])[0]
        self.assertEqual(row['name'], 'Employee')
        self.assertIn(self.uid, row['users'])
        self.assertEqual(row['category_id'][1], 'Human Resources')
        gid = self.kw('odoo', 'res.groups', 'create', [{'name': unique('Group')}])
        self.addCleanup(self.drop, 'res.groups', gid)
        self.kw('odoo', 'res.groups', 'write', [[gid], {'users': [[4, self.uid]]}])
        self.assertIn(gid, self.kw('odoo', 'res.users', 'read', [[self.uid], ['groups_id']])[0]['groups_id'])
        self.kw('odoo', 'res.groups', 'write', [[gid], {'users': [[3, self.uid]]}])

    def test_get_object_reference(self):
        self.assertEqual(self.kw('legacy', 'ir.model.data', 'get_object_reference', ['base', 'main_company']),
                         ['res.company', 1])
        message = 'No such external ID currently defined in the system: base.no_such_xmlid'
        legacy = fault_of(self, self.kw, 'legacy', 'ir.model.data', 'get_object_reference', ['base', 'no_such_xmlid'])
        self.assertEqual(legacy.faultCode, message)
        odoo = fault_of(self, self.kw, 'odoo', 'ir.model.data', 'get_object_reference', ['base', 'no_such_xmlid'])
        self.assertEqual(odoo.faultCode, 1)
        self.assertTrue(odoo.faultString.endswith('ValueError: ' + message))

    def test_sequence_next_by_code(self):
        code = unique('orm.seq').replace(' ', '.')
        sid = self.kw('odoo', 'ir.sequence', 'create', [{'name': code, 'code': code, 'prefix': 'T/', 'padding': 3}])
        self.addCleanup(self.drop, 'ir.sequence', sid)
        self.assertEqual(self.kw('odoo', 'ir.sequence', 'next_by_code', [code]), 'T/001')
        self.assertEqual(self.ex('legacy', 'ir.sequence', 'next_by_code', code), 'T/002')
        self.assertIs(self.kw('odoo', 'ir.sequence', 'next_by_code', [code + '.none']), False)

    def test_attachment_datas_round_trip(self):
        payload = bytes(range(256))
        pid = self.partner()
        aid = self.kw('odoo', 'ir.attachment', 'create', [{'name': unique('file'), 'res_model': 'res.partner',
                                                            'res_id': pid, 'datas': base64.b64encode(payload).decode()}])
        self.addCleanup(self.drop, 'ir.attachment', aid)
        rows = self.kw('odoo', 'ir.attachment', 'search_read', [[['res_model', '=', 'res.partner'], ['res_id', '=', pid]]],
                       {'fields': ['datas', 'res_id']})
        self.assertEqual(len(rows), 1)
        self.assertEqual(base64.b64decode(rows[0]['datas']), payload)
        self.assertEqual(rows[0]['res_id'], pid)

    def test_module_list(self):
        rows = self.kw('legacy', 'ir.module.module', 'search_read', [[['state', '=', 'installed']], ['name', 'state']])
        names = {r['name'] for r in rows}
        self.assertTrue({'base', 'mail'} <= names, names)
        self.assertEqual({r['state'] for r in rows}, {'installed'})

    def test_models_as_data(self):
        rows = self.kw('odoo', 'ir.model', 'search_read', [[['model', '=', 'res.partner.category']]], {'fields': ['name', 'model']})
        self.assertEqual([(r['name'], r['model']) for r in rows], [('Partner Tags', 'res.partner.category')])
        fields = self.kw('odoo', 'ir.model.fields', 'search_read',
                         [[['model', '=', 'res.partner.category'], ['name', '=', 'parent_id']]], {'fields': ['ttype', 'relation']})
        self.assertEqual([(f['ttype'], f['relation']) for f in fields], [('many2one', 'res.partner.category')])


if __name__ == '__main__':
    unittest.main()
