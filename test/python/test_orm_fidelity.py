"""ORM behaviour OpenERP clients rely on, through xmlrpc.client on each path family: copy,
invalid orders, falsy paging options, load() imports."""
import unittest
import uuid

from rpc_env import DB, LOGIN, PASSWORD, PATHS, fault_of, proxy


def unique(prefix):
    return '%s %s' % (prefix, uuid.uuid4().hex[:8])


class Fidelity(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.uid = proxy('legacy', 'common').login(DB, LOGIN, PASSWORD)

    def kw(self, model, method, args, profile='odoo', **kwargs):
        return proxy(profile, 'object').execute_kw(DB, self.uid, PASSWORD, model, method, args, kwargs)


class Copy(Fidelity):

    def test_partner_copy_is_named_copy_in_the_callers_language(self):
        name = unique('Copied partner')
        pid = self.kw('res.partner', 'create', [{'name': name, 'email': 'c@example.com'}])
        child = self.kw('res.partner', 'create', [{'name': unique('Contact'), 'parent_id': pid}])
        for profile in PATHS:
            with self.subTest(profile=profile):
                copy = self.kw('res.partner', 'copy', [pid], profile)
                [row] = self.kw('res.partner', 'read', [[copy], ['name', 'email', 'child_ids']])
                # Contacts belong to the original company: the copy has none of them.
                self.assertEqual(row, {'id': copy, 'name': name + ' (copy)', 'email': 'c@example.com', 'child_ids': []})
        spanish = self.kw('res.partner', 'copy', [pid], context={'lang': 'es_ES'})
        self.assertEqual(self.kw('res.partner', 'read', [[spanish], ['name']])[0]['name'], name + ' (copia)')
        given = self.kw('res.partner', 'copy', [pid, {'name': 'Given name'}])
        self.assertEqual(self.kw('res.partner', 'read', [[given], ['name']])[0]['name'], 'Given name')
        self.assertEqual(self.kw('res.partner', 'read', [[child], ['parent_id']])[0]['parent_id'][0], pid)

    def test_copied_request_is_a_new_draft_without_the_originals_followers_or_messages(self):
        rid = self.kw('helpdesk.request', 'create', [{'subject': unique('Copied request'), 'category': 'technical',
                                                      'date': '2020-01-02 03:04:05'}])
        watcher = self.kw('res.partner', 'create', [{'name': unique('Watcher')}])
        self.kw('helpdesk.request', 'message_subscribe', [[rid], [watcher]])
        self.kw('helpdesk.request', 'message_post', [[rid]], body='Only on the original')
        self.assertTrue(proxy('odoo', 'object').exec_workflow(DB, self.uid, PASSWORD, 'helpdesk.request', 'notify', rid))
        fields = ['name', 'state', 'date', 'date_closed', 'message_follower_ids', 'message_ids', 'subject', 'category']
        [original] = self.kw('helpdesk.request', 'read', [[rid], fields])
        copy = self.kw('helpdesk.request', 'copy', [rid])
        [row] = self.kw('helpdesk.request', 'read', [[copy], fields])
        self.assertEqual((row['subject'], row['category']), (original['subject'], original['category']))
        self.assertEqual(row['state'], 'draft')
        self.assertEqual(original['state'], 'notified')
        self.assertTrue(row['name'])
        self.assertNotEqual(row['name'], original['name'])
        self.assertNotEqual(row['date'], '2020-01-02 03:04:05')
        self.assertFalse(row['date_closed'])
        self.assertIn(watcher, original['message_follower_ids'])
        self.assertNotIn(watcher, row['message_follower_ids'])
        self.assertFalse(set(row['message_ids']) & set(original['message_ids']))

    def test_copied_task_starts_open(self):
        tid = self.kw('helpdesk.task', 'create', [{'name': unique('Task'), 'state': 'done'}])
        copy = self.kw('helpdesk.task', 'copy', [tid])
        self.assertEqual(self.kw('helpdesk.task', 'read', [[copy], ['state']])[0]['state'], 'open')


if __name__ == '__main__':
    unittest.main()
