"""What a help center and a support center user see, through xmlrpc.client: views, menus and
messages in their language, company defaults, the workflow buttons each may press, and the
manual's rule that a problem belongs to its request's category (table 4).

Environment: as test_helpdesk_common (RPC_PATH picks /xmlrpc/2 or the legacy /xmlrpc)."""
import re
import unittest
import uuid

from test_helpdesk_common import People, fault_kind

REQ = 'helpdesk.request'
PROBLEM = 'helpdesk.problem'
EN = {'lang': 'en_US'}
ES = {'lang': 'es_ES'}


def buttons(arch):
    return re.findall(r'<button name="(\w+)" string="([^"]+)"', arch)


class HelpdeskFidelity(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.people = People()
        # One user of each role speaks Spanish, the others English.
        p = cls.people
        p.admin.call('res.users', 'write', [p.support.uid], {'lang': 'es_ES'})

    @classmethod
    def tearDownClass(cls):
        cls.people.close()

    def refused(self, call, *args, **kwargs):
        import xmlrpc.client
        with self.assertRaises(xmlrpc.client.Fault) as caught:
            call(*args, **kwargs)
        return fault_kind(caught.exception)

    def request(self, session, category='technical', **extra):
        vals = {'subject': 'Fidelity %s' % uuid.uuid4().hex[:8], 'category': category}
        vals.update(extra)
        return session.call(REQ, 'create', vals)


class Languages(HelpdeskFidelity):

    def test_views_follow_the_context_language_else_the_users(self):
        p = self.people
        english = [
            p.help.call(REQ, 'fields_view_get', False, 'form'),
            p.help.call(REQ, 'fields_view_get', False, 'form', context=EN),
            p.support.call(REQ, 'fields_view_get', False, 'form', context=EN),
        ]
        spanish = [
            p.help.call(REQ, 'fields_view_get', False, 'form', context=ES),
            p.support.call(REQ, 'fields_view_get', False, 'form'),
        ]
        for view in english:
            arch = view['arch']
            self.assertIn('<form string="Service request"', arch)
            for page in ('Related incidents', 'Problems', 'Solutions', 'Communication'):
                self.assertIn('<page string="%s">' % page, arch)
            self.assertIn('placeholder="Description of the incident"', arch)
            self.assertTrue(set(dict(buttons(arch)).values()) <= {'Notify', 'Review', 'Development', 'Test', 'Close',
                                                                   'Cancel', 'Reset to draft'}, buttons(arch))
            self.assertNotIn('Notificar', arch)
            self.assertNotIn('Solicitud de servicio', arch)
            self.assertEqual(view['fields']['state']['string'], 'State')
        for view in spanish:
            arch = view['arch']
            self.assertIn('<form string="Solicitud de servicio"', arch)
            self.assertIn('<page string="Incidentes relacionados">', arch)
            self.assertIn('placeholder="Descripción del incidente"', arch)
            self.assertEqual(view['fields']['state']['string'], 'Estado')
        self.assertIn(('notify', 'Notify'), buttons(english[0]['arch']))
        self.assertIn(('notify', 'Notificar'), buttons(spanish[0]['arch']))
        tree = p.help.call(REQ, 'fields_view_get', False, 'tree')['arch']
        self.assertIn('<tree string="Service requests"', tree)
        search = p.help.call(REQ, 'fields_view_get', False, 'search')['arch']
        for text in ('Service requests', 'Open', 'Notified', 'Closed', 'Group by', 'Category'):
            self.assertIn('string="%s"' % text, search)
        self.assertIn('string="Abiertas"', p.support.call(REQ, 'fields_view_get', False, 'search')['arch'])
        problem = p.support.call(PROBLEM, 'fields_view_get', False, 'form', context=EN)['arch']
        self.assertIn('<form string="Problem"', problem)
        self.assertIn(('close', 'Close'), buttons(problem))

    def test_menus_actions_labels_and_faults_follow_the_language(self):
        p = self.people
        [root] = p.help.call('ir.ui.menu', 'search_read', [('name', '=', 'Centro de soporte')], fields=['name', 'child_id'])
        self.assertEqual(root['name'], 'Support center')
        children = p.help.call('ir.ui.menu', 'read', root['child_id'], ['name', 'action'])
        english = {'Requests', 'Problems', 'Tasks', 'Resources', 'Solutions', 'Statistics'}
        self.assertEqual({c['name'] for c in children}, english)
        es_children = p.support.call('ir.ui.menu', 'read', root['child_id'], ['name'])
        self.assertEqual({c['name'] for c in es_children}, {'Solicitudes', 'Problemas', 'Tareas', 'Recursos', 'Soluciones', 'Estadísticas'})
        action_id = int(children[0]['action'].split(',')[1])
        action = p.help.call('ir.actions.act_window', 'read', [action_id], ['name'])[0]['name']
        self.assertIn(action, english)
        self.assertIn(['reviewed', 'Revisada'], p.support.call(REQ, 'fields_get', ['state'])['state']['selection'])
        self.assertIn(['reviewed', 'Reviewed'], p.help.call(REQ, 'fields_get', ['state'])['state']['selection'])
        req = self.request(p.help)
        _, english = self.refused(p.help.signal, REQ, 'close', req)
        self.assertIn('A solution must be linked before closing', english)
        _, spanish = self.refused(p.support.signal, REQ, 'close', req)
        self.assertIn('Debe asociarse una solución antes de cerrar', spanish)
        _, forced = self.refused(p.support.call, REQ, 'signal_workflow', [req], 'close', context=EN)
        self.assertIn('A solution must be linked before closing', forced)


class CompanyDefaults(HelpdeskFidelity):

    def test_company_fields_default_to_the_users_company(self):
        p = self.people
        other_company = p.other_help.read_one('res.users', p.other_help.uid, ['company_id'])['company_id'][0]
        own_company = p.manager.read_one('res.users', p.manager.uid, ['company_id'])['company_id'][0]
        self.assertNotEqual(own_company, other_company)
        code = 'C%s' % uuid.uuid4().hex[:6].upper()
        server = p.manager.call('helpdesk.server', 'create', {
            'code': code, 'url': 'http://127.0.0.1:9', 'database': 'peer', 'login': 'peer', 'password': 'pw'})
        self.assertEqual(p.manager.read_one('helpdesk.server', server, ['company_id'])['company_id'][0], own_company)
        self.assertEqual(p.manager.call('helpdesk.server', 'default_get', ['company_id']), {'company_id': own_company})
        self.assertEqual(p.other_help.call(REQ, 'default_get', ['company_id']), {'company_id': other_company})
        partner = p.admin.call('res.partner', 'create', {'name': 'Fidelity contact'})
        self.assertEqual(p.admin.read_one('res.partner', partner, ['company_id'])['company_id'][0], own_company)


class WorkflowButtons(HelpdeskFidelity):

    def test_each_role_sees_the_buttons_its_workflow_allows(self):
        p = self.people
        help_buttons = [name for name, _ in buttons(p.help.call(REQ, 'fields_view_get', False, 'form')['arch'])]
        support_buttons = [name for name, _ in buttons(p.support.call(REQ, 'fields_view_get', False, 'form')['arch'])]
        self.assertEqual(help_buttons, ['notify', 'close', 'cancel', 'reset'])
        # The support center (which includes the help center's rights) sees every button.
        self.assertEqual(support_buttons, ['notify', 'review', 'develop', 'test', 'close', 'cancel', 'reset'])
        # Each button names the groups its workflow lets send the signal: closing is both centers'.
        arch = p.admin.call(REQ, 'fields_view_get', False, 'form')['arch']
        groups = {name: set(g.split(',')) for name, g in re.findall(r'<button name="(\w+)"[^>]* groups="([^"]+)"', arch)}
        help_center, support_center = 'helpdesk_master.group_help_center', 'helpdesk_master.group_support_center'
        self.assertEqual(groups, {
            'notify': {help_center}, 'review': {support_center}, 'develop': {support_center}, 'test': {support_center},
            'close': {help_center, support_center}, 'cancel': {help_center}, 'reset': {help_center}})
        self.assertEqual([n for n, _ in buttons(p.support.call(PROBLEM, 'fields_view_get', False, 'form')['arch'])],
                         ['close'])
        self.assertEqual(buttons(p.help.call(PROBLEM, 'fields_view_get', False, 'form')['arch']), [])
        # And the button works for it.
        req = self.request(p.help)
        self.assertTrue(p.help.signal(REQ, 'notify', req))
        solution = p.help.call('helpdesk.solution', 'create', {
            'name': 'Fidelity solution', 'date_deadline': '2030-01-01', 'request_ids': [(6, 0, [req])]})
        self.assertTrue(solution)
        self.assertTrue(p.support.signal(REQ, 'close', req))
        self.assertEqual(p.help.state(REQ, req), 'closed')


EN_MISMATCH = "A problem can only be linked to requests of its own request category"
ES_MISMATCH = 'Un problema solo puede asociarse a solicitudes de su misma categoría'


class ProblemCategoryRule(HelpdeskFidelity):
    """Manual table 4: a problem belongs to one kind of request."""

    def problem(self, request_category, category):
        return self.people.support.call(PROBLEM, 'create', {
            'name': 'Fidelity problem %s' % uuid.uuid4().hex[:6], 'request_category': request_category,
            'category': category})

    def reviewed_request(self, category='technical'):
        p = self.people
        req = self.request(p.help, category)
        self.assertTrue(p.help.signal(REQ, 'notify', req))
        self.assertTrue(p.support.signal(REQ, 'review', req))
        return req

    def linked(self, req):
        return sorted(self.people.support.read_one(REQ, req, ['problem_ids'])['problem_ids'])

    def test_a_problem_of_another_category_is_never_linked(self):
        p = self.people
        req = self.reviewed_request('technical')
        good = self.problem('technical', 'installation')
        other = self.problem('functional', 'operation')
        p.support.call(REQ, 'write', [req], {'problem_ids': [(4, good)]})
        self.assertEqual(self.linked(req), [good])
        attempts = [
            [(4, other)],
            [(6, 0, [good, other])],
            [other],
            [(0, 0, {'name': 'New mismatched problem', 'request_category': 'development', 'category': 'logic'})],
            [(1, good, {'request_category': 'functional', 'category': 'operation'})],
        ]
        # The support center speaks Spanish, the help center English: each gets the rule in its own.
        for session, wanted in ((p.support, ES_MISMATCH), (p.help, EN_MISMATCH)):
            for commands in attempts:
                with self.subTest(user=session.login, commands=commands):
                    kind, message = self.refused(session.call, REQ, 'write', [req], {'problem_ids': commands})
                    if session is p.help and kind == 'AccessError':
                        continue  # the help center may not touch problems at all
                    self.assertEqual(kind, 'Warning')
                    self.assertIn(wanted, message)
                    self.assertEqual(self.linked(req), [good])
        self.assertEqual(p.support.read_one(PROBLEM, good, ['request_category'])['request_category'], 'technical')
        self.assertEqual(p.support.call(PROBLEM, 'search', [('name', '=', 'New mismatched problem')]), [])
        # From the problem's side: its request category cannot leave its requests' category, and
        # linking it to a request of another category is refused with the same rule.
        _, message = self.refused(p.support.call, PROBLEM, 'write', [good],
                                  {'request_category': 'functional', 'category': 'operation'})
        self.assertIn(ES_MISMATCH, message)
        for commands in ([(4, req)], [(6, 0, [req])], [req]):
            with self.subTest(side='problem', commands=commands):
                kind, message = self.refused(p.support.call, PROBLEM, 'write', [other], {'request_ids': commands})
                self.assertEqual(kind, 'Warning')
                self.assertIn(ES_MISMATCH, message)
                self.assertEqual(p.support.read_one(PROBLEM, other, ['request_ids'])['request_ids'], [])
        # A problem of the request's category links from its side too, while the request is reviewed.
        second = self.problem('technical', 'configuration')
        p.support.call(PROBLEM, 'write', [second], {'request_ids': [(4, req)]})
        self.assertEqual(self.linked(req), sorted([good, second]))
        # ... but not to a request outside review, whatever the category.
        draft = self.request(p.help, 'technical')
        kind, _ = self.refused(p.support.call, PROBLEM, 'write', [second], {'request_ids': [(4, draft)]})
        self.assertEqual(kind, 'Warning')
        self.assertEqual(p.support.read_one(PROBLEM, second, ['request_ids'])['request_ids'], [req])

    def test_a_request_keeps_its_category_while_it_has_problems_of_it(self):
        p = self.people
        req = self.reviewed_request('technical')
        good = self.problem('technical', 'performance')
        p.support.call(REQ, 'write', [req], {'problem_ids': [(4, good)]})
        for session, wanted in ((p.support, ES_MISMATCH), (p.help, EN_MISMATCH)):
            with self.subTest(user=session.login):
                kind, message = self.refused(session.call, REQ, 'write', [req], {'category': 'functional'})
                self.assertEqual(kind, 'Warning')
                self.assertIn(wanted, message)
                self.assertEqual(p.support.read_one(REQ, req, ['category'])['category'], 'technical')
        # Changing both together, to a problem of the new category, is fine.
        functional = self.problem('functional', 'data')
        p.support.call(REQ, 'write', [req], {'category': 'functional', 'problem_ids': [(6, 0, [functional])]})
        self.assertEqual(self.linked(req), [functional])


if __name__ == '__main__':
    unittest.main()
