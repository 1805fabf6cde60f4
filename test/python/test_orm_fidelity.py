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


BAD_ORDER = ('Invalid "order" specified. A valid "order" specification is a comma-separated list of valid '
             'field names (optionally followed by asc/desc for the direction)')


class Orders(Fidelity):

    def test_an_invalid_order_is_a_user_error_on_every_path(self):
        expected = {'legacy': ('warning -- UserError\n\n' + BAD_ORDER, ''), 'odoo': (2, BAD_ORDER),
                    'v7int': (2, BAD_ORDER)}
        calls = [
            ('search', [[]], {'order': 'name; drop table res_partner'}),
            ('search', [[]], {'order': 'name asc desc'}),
            ('search_read', [[]], {'fields': ['name'], 'order': 'name,,id'}),
            ('search', [[]], {'order': ','}),
            ('read_group', [[], ['name'], ['name']], {'orderby': 'name sideways'}),
        ]
        for profile, wanted in expected.items():
            for method, args, kwargs in calls:
                with self.subTest(profile=profile, method=method, kwargs=kwargs):
                    fault = fault_of(self, lambda: self.kw('res.partner', method, args, profile, **kwargs))
                    self.assertEqual((fault.faultCode, fault.faultString), wanted)
        # Data intact, and a good order still works.
        self.assertTrue(self.kw('res.partner', 'search', [[]], order='name desc, id'))


class Paging(Fidelity):

    def test_falsy_offset_and_limit_mean_none(self):
        prefix = unique('Paged')
        ids = [self.kw('res.partner', 'create', [{'name': '%s %d' % (prefix, i)}]) for i in range(3)]
        domain = [['name', 'like', prefix]]
        for profile in PATHS:
            for offset in ['', False, None, 0]:
                for limit in [False, None, 0, '']:
                    with self.subTest(profile=profile, offset=offset, limit=limit):
                        paging = {'offset': offset, 'limit': limit}
                        self.assertEqual(self.kw('res.partner', 'search', [domain], profile, order='id', **paging), ids)
                        rows = self.kw('res.partner', 'search_read', [domain], profile, fields=['name'], order='id', **paging)
                        self.assertEqual([r['id'] for r in rows], ids)
                        groups = self.kw('res.partner', 'read_group', [domain, ['name'], ['name']], profile, **paging)
                        self.assertEqual(len(groups), 3)
                names = self.kw('res.partner', 'name_search', [prefix], profile, limit=offset)
                self.assertEqual(sorted(i for i, _ in names), ids)
        # A real offset and limit still page.
        self.assertEqual(self.kw('res.partner', 'search', [domain], order='id', offset=1, limit=1), ids[1:2])
        self.assertEqual(len(self.kw('res.partner', 'read_group', [domain, ['name'], ['name']], offset=1, limit=1)), 1)
        fault = fault_of(self, lambda: self.kw('res.partner', 'search', [domain], offset='x'))
        self.assertEqual(fault.faultCode, 1)


class Load(Fidelity):

    def test_load_creates_updates_and_links_by_name_external_id_and_database_id(self):
        tag = unique('imp')
        company, other = unique('Imp Company'), unique('Imp Other')
        for profile in PATHS:
            with self.subTest(profile=profile):
                xmlid = '%s_%s' % (tag.replace(' ', '_'), profile)
                result = self.kw('res.partner', 'load', [['id', 'name', 'is_company', 'lang', 'color'], [
                    [xmlid, company + profile, 'True', 'Spanish / Español', '3'],
                    ['', other + profile, '0', 'en_US', ''],
                ]], profile)
                self.assertEqual(sorted(result), ['ids', 'messages'])
                self.assertEqual(result['messages'], [])
                first, second = result['ids']
                rows = self.kw('res.partner', 'read', [[first, second], ['name', 'is_company', 'lang', 'color']])
                self.assertEqual(rows[0] if rows[0]['id'] == first else rows[1],
                                 {'id': first, 'name': company + profile, 'is_company': True, 'lang': 'es_ES', 'color': 3})
                linked = self.kw('res.partner', 'load', [['name', 'parent_id', 'parent_id/id'], [
                    ['By name ' + profile, company + profile, ''],
                    ['By xmlid ' + profile, '', xmlid],
                ]], profile)
                self.assertEqual(linked['messages'], [])
                by_name, by_xmlid = linked['ids']
                for pid in (by_name, by_xmlid):
                    self.assertEqual(self.kw('res.partner', 'read', [[pid], ['parent_id']])[0]['parent_id'][0], first)
                # The same external id again updates its record; `.id` names a record by database id.
                again = self.kw('res.partner', 'load', [['id', 'name'], [[xmlid, company + profile + ' 2']]], profile)
                self.assertEqual(again, {'ids': [first], 'messages': []})
                by_id = self.kw('res.partner', 'load', [['.id', 'parent_id/.id'], [[str(second), str(first)]]], profile)
                self.assertEqual(by_id, {'ids': [second], 'messages': []})
                self.assertEqual(self.kw('res.partner', 'read', [[second], ['parent_id']])[0]['parent_id'][0], first)

    def test_a_bad_row_gives_messages_and_imports_nothing(self):
        prefix = unique('Imp rolled back')
        result = self.kw('res.partner', 'load', [['name', 'parent_id', 'color'], [
            [prefix + ' good', '', '1'],
            [prefix + ' bad parent', 'No such company ' + prefix, ''],
            [prefix + ' bad color', '', 'blue'],
            ['', '', ''],
        ]])
        self.assertIs(result['ids'], False)
        self.assertEqual(result['messages'], [
            {'type': 'error', 'record': 1, 'rows': {'from': 1, 'to': 1}, 'field': 'parent_id',
             'message': "No matching record found for name 'No such company %s' in field 'Related Company'" % prefix},
            {'type': 'error', 'record': 2, 'rows': {'from': 2, 'to': 2}, 'field': 'color',
             'message': "'blue' does not seem to be an integer for field 'Color Index'"},
            {'type': 'error', 'record': 3, 'rows': {'from': 3, 'to': 3},
             'message': self.kw('res.partner', 'load', [['name'], [['']]])['messages'][0]['message']},
        ])
        self.assertIn('mandatory field is not set', result['messages'][2]['message'])
        self.assertEqual(self.kw('res.partner', 'search', [[['name', 'like', prefix]]]), [])

    def test_unknown_import_column_is_refused(self):
        fault = fault_of(self, lambda: self.kw('res.partner', 'load', [['name', 'no_such_field'], [['x', 'y']]]))
        self.assertEqual(fault.faultCode, 1)
        self.assertTrue(fault.faultString.endswith("ValueError: Invalid field path 'no_such_field' on model 'res.partner'"))


if __name__ == '__main__':
    unittest.main()
