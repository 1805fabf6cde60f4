"""The life of service requests as the manual tells it, over XML-RPC, for both roles: a help
center files and notifies, the support center reviews, finds problems, assigns resources,
develops and tests, a solution closes it all; with every refusal the manual implies.
"""
import re
import unittest
import xmlrpc.client

from test_helpdesk_common import People, fault_kind

REQ = 'helpdesk.request'
PROBLEM = 'helpdesk.problem'
SOLUTION = 'helpdesk.solution'
RESOURCE = 'helpdesk.resource'


class Walkthrough(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.people = People()

    @classmethod
    def tearDownClass(cls):
        cls.people.close()

    def refused(self, kind, fn, *args, **kwargs):
        """Runs a call that must fail with a fault of `kind`; returns the fault's message."""
        with self.assertRaises(xmlrpc.client.Fault) as ctx:
            fn(*args, **kwargs)
        got, message = fault_kind(ctx.exception)
        self.assertEqual(got, kind, message)
        return message

    def new_request(self, who, subject='La impresora no imprime', category='technical', **extra):
        vals = {'subject': subject, 'category': category, 'description': subject.upper()}
        vals.update(extra)
        return who.call(REQ, 'create', vals)

    def new_solution(self, who, request_ids, name='Reinstalar el controlador'):
        return who.call(SOLUTION, 'create', {'name': name, 'date_deadline': '2030-01-31',
                                             'request_ids': [(6, 0, request_ids)]})

    def staffed_problem(self, category='installation', request_category='technical'):
        p = self.people
        resource = p.support.call(RESOURCE, 'create', {'name': 'Impresora de reemplazo', 'category': 'material', 'cost': 250.0})
        return p.support.call(PROBLEM, 'create', {'name': 'Falta el controlador', 'request_category': request_category,
                                                  'category': category, 'resource_ids': [(6, 0, [resource])]})

    def test_full_life_of_a_request(self):
        p = self.people
        req = self.new_request(p.help)
        row = p.help.read_one(REQ, req, ['name', 'state', 'date_closed'])
        self.assertRegex(row['name'], r'^REQ/\d{4}/\d{5}$')
        self.assertEqual((row['state'], row['date_closed']), ('draft', False))

        # The state belongs to the workflow; the support center's steps are not the help center's.
        self.refused('Warning', p.help.call, REQ, 'write', [req], {'state': 'closed'})
        self.assertIs(p.help.signal(REQ, 'review', req), False)  # no review from draft
        self.assertIs(p.help.signal(REQ, 'no_such_signal', req), False)

        self.assertTrue(p.help.signal(REQ, 'notify', req))
        self.assertIs(p.help.signal(REQ, 'notify', req), False)  # does not apply any more
        self.refused('AccessError', p.help.signal, REQ, 'review', req)
        self.assertEqual(p.help.state(REQ, req), 'notified')

        # Problems may only be linked in review, and only the support center creates them.
        problem = self.staffed_problem()
        self.refused('Warning', p.support.call, REQ, 'write', [req], {'problem_ids': [(4, problem)]})
        self.refused('AccessError', p.help.call, PROBLEM, 'create',
                     {'name': 'x', 'request_category': 'technical', 'category': 'installation'})
        self.assertTrue(p.support.signal(REQ, 'review', req))
        self.refused('Warning', p.support.signal, REQ, 'develop', req)  # no problem yet

        bare = p.support.call(PROBLEM, 'create', {'name': 'Sin recursos', 'request_category': 'technical',
                                                  'category': 'configuration'})
        p.support.call(REQ, 'write', [req], {'problem_ids': [(6, 0, [problem, bare])], 'category': 'technical'})
        message = self.refused('Warning', p.support.signal, REQ, 'develop', req)
        self.assertIn('Resources must be assigned', message)
        p.support.call(REQ, 'write', [req], {'problem_ids': [(3, bare)]})

        self.refused('AccessError', p.help.signal, REQ, 'develop', req)
        self.assertTrue(p.support.signal(REQ, 'develop', req))
        self.assertTrue(p.support.signal(REQ, 'test', req))
        self.assertTrue(p.support.signal(REQ, 'develop', req))  # the test failed
        self.assertTrue(p.support.signal(REQ, 'test', req))
        self.assertEqual(p.help.state(REQ, req), 'testing')
        self.refused('Warning', p.support.call, REQ, 'write', [req], {'problem_ids': [(5,)]})

        # Closing needs a solution, and says so in the user's language.
        message = self.refused('Warning', p.help.signal, REQ, 'close', req)
        self.assertIn('A solution must be linked before closing', message)
        with self.assertRaises(xmlrpc.client.Fault) as ctx:
            p.help.call(REQ, 'signal_workflow', [req], 'close', context={'lang': 'es_ES'})
        self.assertIn('Debe asociarse una solución antes de cerrar', fault_kind(ctx.exception)[1])

        solution = self.new_solution(p.help, [req])
        self.assertEqual(p.help.call(REQ, 'read', [req], ['solution_ids'])[0]['solution_ids'], [solution])
        self.assertEqual(p.help.call(REQ, 'signal_workflow', [req], 'close'), {str(req): True})

        # First cascade: the request's problems and solutions are closed with it.
        row = p.help.read_one(REQ, req, ['state', 'date_closed'])
        self.assertEqual(row['state'], 'closed')
        self.assertRegex(row['date_closed'], r'^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$')
        self.assertEqual(p.help.state(PROBLEM, problem), 'closed')
        self.assertEqual(p.help.state(PROBLEM, bare), 'draft')  # unlinked before closing
        self.assertEqual(p.help.state(SOLUTION, solution), 'closed')

        # A closed request is read-only, from either side.
        self.refused('Warning', p.help.call, REQ, 'write', [req], {'subject': 'Otra cosa'})
        other = self.new_solution(p.help, [])
        self.refused('Warning', p.help.call, SOLUTION, 'write', [other], {'request_ids': [(4, req)]})
        for signal in ('close', 'cancel', 'reset', 'notify'):
            self.assertIs(p.help.signal(REQ, signal, req), False)

    def test_closing_a_solution_closes_its_requests(self):
        p = self.people
        first = self.new_request(p.help, 'El correo no sale')
        second = self.new_request(p.help, 'El correo tarda horas', category='functional')
        dropped = self.new_request(p.help, 'El correo rebota')
        p.help.signal(REQ, 'notify', first)
        p.help.signal(REQ, 'cancel', dropped)
        solution = self.new_solution(p.help, [first, second, dropped], 'Configurar el servidor de correo')
        self.assertTrue(p.help.signal(SOLUTION, 'close', solution))
        self.assertEqual(p.help.state(REQ, first), 'closed')
        self.assertEqual(p.help.state(REQ, second), 'closed')
        self.assertEqual(p.help.state(REQ, dropped), 'cancelled')  # skipped, not reopened
        self.assertIs(p.help.signal(SOLUTION, 'close', solution), False)

    def test_cancel_and_reset(self):
        p = self.people
        req = self.new_request(p.help, 'Pantalla azul al iniciar')
        p.help.signal(REQ, 'notify', req)
        self.assertTrue(p.help.signal(REQ, 'cancel', req))
        self.assertEqual(p.help.state(REQ, req), 'cancelled')
        self.assertTrue(p.help.signal(REQ, 'reset', req))
        self.assertEqual(p.help.state(REQ, req), 'draft')
        # Mirroring a peer's state is for the server itself, never for a client.
        self.refused('AccessError', p.help.call, REQ, '_workflow_apply_state', [req], 'closed')
        self.assertEqual(p.help.state(REQ, req), 'draft')
        solution = self.new_solution(p.help, [])
        self.assertTrue(p.help.signal(SOLUTION, 'cancel', solution))
        self.assertTrue(p.help.signal(SOLUTION, 'reset', solution))
        self.assertEqual(p.help.state(SOLUTION, solution), 'draft')

    def test_problem_categories_follow_the_request_category(self):
        p = self.people
        message = self.refused('Warning', p.support.call, PROBLEM, 'create',
                               {'name': 'Lógica rota', 'request_category': 'technical', 'category': 'logic'})
        self.assertIn('does not belong to its request category', message)
        ok = p.support.call(PROBLEM, 'create', {'name': 'Lógica rota', 'request_category': 'development', 'category': 'logic'})
        self.refused('AccessError', p.help.signal, PROBLEM, 'close', ok)
        self.assertTrue(p.support.signal(PROBLEM, 'close', ok))
        self.assertEqual(p.help.state(PROBLEM, ok), 'closed')

    def test_each_center_sees_its_own_requests(self):
        p = self.people
        mine = self.new_request(p.help, 'Solo para mi centro')
        theirs = self.new_request(p.other_help, 'Solo para el otro centro')
        self.assertIn(mine, p.help.call(REQ, 'search', []))
        self.assertNotIn(theirs, p.help.call(REQ, 'search', []))
        self.assertNotIn(mine, p.other_help.call(REQ, 'search', []))
        # Another center's request is as good as missing: nothing to read, nothing to signal.
        self.assertEqual(p.help.call(REQ, 'read', [theirs], ['subject']), [])
        self.refused('Warning', p.help.signal, REQ, 'notify', theirs)
        self.assertEqual(p.other_help.state(REQ, theirs), 'draft')
        self.assertTrue({mine, theirs} <= set(p.support.call(REQ, 'search', [])))

    def test_salaries_and_server_passwords_stay_hidden(self):
        p = self.people
        self.refused('AccessError', p.support.call, RESOURCE, 'create',
                     {'name': 'Analista', 'category': 'human', 'salary': 1200.0})
        self.refused('Warning', p.manager.call, RESOURCE, 'create', {'name': 'Analista', 'category': 'human'})
        person = p.manager.call(RESOURCE, 'create', {'name': 'Analista', 'category': 'human', 'salary': 1200.0})
        self.assertEqual(p.manager.read_one(RESOURCE, person, ['salary'])['salary'], 1200.0)
        self.assertNotIn('salary', p.support.read_one(RESOURCE, person, []))
        self.refused('AccessError', p.support.call, RESOURCE, 'read', [person], ['salary'])
        self.refused('Warning', p.support.call, RESOURCE, 'create', {'name': 'Servidor', 'category': 'material'})

        company = p.manager.read_one('res.users', p.manager.uid, ['company_id'])['company_id'][0]
        server = p.manager.call('helpdesk.server', 'create', {
            'company_id': company, 'code': 'P%s' % person, 'url': 'http://peer.example:8069',
            'database': 'peer', 'login': 'center', 'password': 's3cret-peer'})
        self.assertIs(p.manager.read_one('helpdesk.server', server, ['password'])['password'], False)
        rows = p.manager.call('helpdesk.server', 'search_read', [('id', '=', server)], fields=['password', 'code'])
        self.assertIs(rows[0]['password'], False)
        self.assertNotIn('s3cret-peer', repr(p.manager.call('helpdesk.server', 'search_read', [('id', '=', server)])))
        self.refused('AccessError', p.help.call, 'helpdesk.server', 'create', {
            'company_id': company, 'code': 'X%s' % person, 'url': 'u', 'database': 'd', 'login': 'l', 'password': 'p'})

    def test_related_incidents_are_suggested(self):
        p = self.people
        old = self.new_request(p.help, 'El listado de facturas tarda minutos en abrir')
        noise = self.new_request(p.help, 'No funciona el teclado inalámbrico')
        new = self.new_request(p.help, 'Las facturas tardan mucho en abrir el listado')
        suggestions = p.help.call(REQ, 'suggest_related', new, 5)
        ids = [s['id'] for s in suggestions]
        self.assertIn(old, ids)
        self.assertNotIn(noise, ids)
        self.assertNotIn(new, ids)
        p.help.call(REQ, 'write', [new], {'related_request_ids': [(4, old)]})
        self.assertEqual(p.help.read_one(REQ, new, ['related_request_ids'])['related_request_ids'], [old])

    def test_labels_and_views_in_both_languages(self):
        p = self.people
        es = p.help.call(REQ, 'fields_get', ['state'], context={'lang': 'es_ES'})['state']['selection']
        en = p.help.call(REQ, 'fields_get', ['state'], context={'lang': 'en_US'})['state']['selection']
        self.assertIn(['reviewed', 'Revisada'], es)
        self.assertIn(['reviewed', 'Reviewed'], en)
        form = p.help.call(REQ, 'fields_view_get', False, 'form', context={'lang': 'es_ES'})
        for tab in ('Incidentes relacionados', 'Problemas', 'Soluciones', 'Comunicación'):
            self.assertIn('string="%s"' % tab, form['arch'])
        self.assertIn('name="notify"', form['arch'])
        self.assertNotIn('name="review"', form['arch'])  # not the help center's button
        self.assertIn('name="review"', p.support.call(REQ, 'fields_view_get', False, 'form')['arch'])
        menus = p.help.call('ir.ui.menu', 'search_read', [('name', '=', 'Centro de soporte')], fields=['child_id'])
        names = [m['name'] for m in p.help.call('ir.ui.menu', 'read', menus[0]['child_id'], ['name'],
                                                context={'lang': 'es_ES'})]
        self.assertTrue({'Solicitudes', 'Problemas', 'Tareas', 'Recursos', 'Soluciones'} <= set(names))
        self.assertNotIn('Configuración', names)  # managers only


if __name__ == '__main__':
    unittest.main()
