"""Debian's python3-odoorpc (0.9.0) against the server over JSON-RPC, as a new user would use it:
connect, list databases, log in, browse and change partners, name_search, read_group,
execute_kw, a helpdesk request's workflow signal, refusals raising RPCError with the server's
message, logout, and a database dump and restore.

Environment: RPC_URL, RPC_DB, RPC_LOGIN, RPC_PASSWORD, RPC_MASTER_PASSWORD. Run with /usr/bin/python3.
"""
import os
import unittest
import urllib.parse
import uuid

import odoorpc

URL = urllib.parse.urlparse(os.environ['RPC_URL'])
DB = os.environ['RPC_DB']
LOGIN = os.environ['RPC_LOGIN']
PASSWORD = os.environ['RPC_PASSWORD']
MASTER = os.environ['RPC_MASTER_PASSWORD']


def connect():
    return odoorpc.ODOO(URL.hostname, port=URL.port, timeout=60)


class OdooRpc(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.odoo = connect()
        cls.odoo.login(DB, LOGIN, PASSWORD)

    def test_connects_to_a_7_0_server_and_lists_databases(self):
        odoo = connect()
        self.assertEqual(odoo.version, '7.0')
        self.assertIn(DB, odoo.db.list())

    def test_logs_in_with_the_user_context(self):
        self.assertEqual(self.odoo.env.uid, 1)
        self.assertEqual(self.odoo.env.context['lang'], 'en_US')
        self.assertEqual(self.odoo.env.user.login, LOGIN)
        self.assertEqual(self.odoo.env.user.name, 'Administrator')

    def test_partners_search_browse_write_create_unlink(self):
        Partner = self.odoo.env['res.partner']
        parent = Partner.create({'name': 'Odoorpc Parent'})
        pid = Partner.create({'name': 'Odoorpc Partner', 'email': 'odoorpc@example.com', 'parent_id': parent})
        self.assertEqual(Partner.search([('name', '=', 'Odoorpc Partner')]), [pid])
        partner = Partner.browse(pid)
        self.assertEqual((partner.name, partner.email), ('Odoorpc Partner', 'odoorpc@example.com'))
        # A many2one read through odoorpc (load='_classic_write'): a record, not [id, name].
        self.assertEqual(partner.parent_id.id, parent)
        self.assertEqual(partner.parent_id.name, 'Odoorpc Parent')
        # An empty many2one: odoorpc asks default_get for every field of the related model.
        self.assertFalse(partner.parent_id.parent_id)
        self.assertEqual(partner.parent_id.parent_id.id, None)
        partner.city = 'Sevilla'
        self.assertEqual(Partner.read([pid], ['city'])[0]['city'], 'Sevilla')
        self.assertTrue(partner.unlink())
        self.assertEqual(Partner.search([('id', '=', pid)]), [])

    def test_name_search_and_read_group(self):
        Partner = self.odoo.env['res.partner']
        pid = Partner.create({'name': 'Zarzuela Norte', 'city': 'Cádiz'})
        found = Partner.name_search('Zarzuela')
        self.assertEqual(found, [[pid, 'Zarzuela Norte']])
        groups = Partner.read_group([('city', '=', 'Cádiz')], ['city'], ['city'])
        self.assertEqual([(g['city'], g['city_count']) for g in groups], [('Cádiz', 1)])
        self.assertEqual(self.odoo.execute_kw('res.partner', 'search_count', [[('city', '=', 'Cádiz')]]), 1)
        self.assertEqual(self.odoo.execute('res.partner', 'read', [pid], ['city'])[0]['city'], 'Cádiz')

    def test_env_ref_finds_external_ids(self):
        group = self.odoo.env.ref('base.group_user')
        self.assertEqual(group._name, 'res.groups')
        self.assertTrue(group.name)

    def test_a_request_moves_on_a_workflow_signal(self):
        admin = self.odoo
        group = admin.env.ref('helpdesk_master.group_help_center')
        login = 'help_%s' % uuid.uuid4().hex[:8]
        admin.env['res.users'].create({'name': 'Help Desk', 'login': login, 'password': login + '_pw',
                                       'groups_id': [(6, 0, [group.id])]})
        helper = connect()
        helper.login(DB, login, login + '_pw')
        Request = helper.env['helpdesk.request']
        rid = Request.create({'subject': 'La impresora no imprime', 'category': 'technical',
                              'description': 'No imprime'})
        self.assertEqual(Request.browse(rid).state, 'draft')
        helper.exec_workflow('helpdesk.request', rid, 'notify')
        self.assertEqual(Request.browse(rid).state, 'notified')
        # A step reserved to the support center: refused with the server's message.
        with self.assertRaises(odoorpc.error.RPCError) as caught:
            helper.execute_kw('helpdesk.request', 'write', [[rid], {'state': 'closed'}])
        self.assertTrue(str(caught.exception))
        helper.logout()

    def test_browsing_hides_fields_out_of_reach_and_reads_secrets_as_empty(self):
        admin = self.odoo
        group = admin.env.ref('helpdesk_master.group_help_center')
        login = 'reader_%s' % uuid.uuid4().hex[:8]
        admin.env['res.users'].create({'name': 'Reader', 'login': login, 'password': login + '_pw',
                                       'groups_id': [(6, 0, [group.id])]})
        resource = admin.env['helpdesk.resource'].create({'name': 'Analista', 'category': 'human', 'salary': 1450.0})
        company = admin.env.user.company_id.id
        server = admin.env['helpdesk.server'].create({'company_id': company, 'code': 'PEER%s' % uuid.uuid4().hex[:4],
                                                      'url': 'http://peer.example:8069', 'database': 'peer',
                                                      'login': 'sync', 'password': 'peer-secret'})
        reader = connect()
        reader.login(DB, login, login + '_pw')
        # The salary is for managers: fields_get leaves it out, so browsing this record works.
        self.assertNotIn('salary', reader.env['helpdesk.resource'].fields_get())
        self.assertEqual(reader.env['helpdesk.resource'].browse(resource).name, 'Analista')
        # A peer's password is write-only: it reads as empty, never as a fault.
        peer = reader.env['helpdesk.server'].browse(server)
        self.assertEqual(peer.url, 'http://peer.example:8069')
        self.assertFalse(peer.password)
        self.assertIn('salary', admin.env['helpdesk.resource'].fields_get())

    def test_wrong_password_raises_rpcerror_and_keeps_the_old_login(self):
        odoo = connect()
        with self.assertRaises(odoorpc.error.RPCError) as caught:
            odoo.login(DB, LOGIN, 'not the password')
        self.assertEqual(str(caught.exception), 'Access Denied')
        self.assertEqual(caught.exception.info['data']['name'], 'odoo.exceptions.AccessDenied')

    def test_a_refused_call_raises_rpcerror_with_the_server_message(self):
        with self.assertRaises(odoorpc.error.RPCError) as caught:
            self.odoo.execute_kw('no.such.model', 'search', [[]])
        self.assertEqual(str(caught.exception), "Object no.such.model doesn't exist")
        with self.assertRaises(odoorpc.error.RPCError) as caught:
            self.odoo.execute_kw('res.partner', 'write', [[999999999], {'name': 'x'}])
        self.assertEqual(caught.exception.info['data']['name'], 'odoo.exceptions.MissingError')

    def test_logout_ends_the_session(self):
        odoo = connect()
        odoo.login(DB, LOGIN, PASSWORD)
        self.assertTrue(odoo.logout())
        with self.assertRaises(odoorpc.error.InternalError):
            odoo.env['res.partner']

    def test_dump_and_restore(self):
        odoo = connect()
        copy = '%s_copy' % DB
        dump = odoo.db.dump(MASTER, DB)
        odoo.db.restore(MASTER, copy, dump)
        self.assertIn(copy, odoo.db.list())
        other = connect()
        other.login(copy, LOGIN, PASSWORD)
        self.assertEqual(other.env.user.login, LOGIN)
        self.assertTrue(odoo.db.drop(MASTER, copy))
        with self.assertRaises(odoorpc.error.RPCError):
            odoo.db.dump('not the master password', DB)


if __name__ == '__main__':
    unittest.main()
