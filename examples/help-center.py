#!/usr/bin/env python3
"""A help center files a service request, notifies it to the support center and follows it.
Usage: help-center.py [--once] [URL] [DB] [LOGIN] [PASSWORD]  (defaults: a local server and the
demo help center user "ayuda"). Standard library only; an OpenERP 7.0 client library does the same.
"""
import sys
import time
import xmlrpc.client

args = [a for a in sys.argv[1:] if not a.startswith('--')][:4]
url, db, login, pwd = args + ['http://127.0.0.1:8069', 'support', 'ayuda', 'ayuda'][len(args):]
uid = xmlrpc.client.ServerProxy(url + '/xmlrpc/2/common').login(db, login, pwd)
rpc = xmlrpc.client.ServerProxy(url + '/xmlrpc/2/object')
call = lambda model, method, *args, **kw: rpc.execute_kw(db, uid, pwd, model, method, list(args), kw)

req = call('helpdesk.request', 'create', {
    'subject': 'La impresora de red no imprime facturas', 'category': 'technical',
    'description': 'Desde ayer las facturas quedan en cola; las demás aplicaciones imprimen bien.'})
print('Filed', call('helpdesk.request', 'read', [req], ['name'])[0]['name'])
for similar in call('helpdesk.request', 'suggest_related', req, 3):
    print('  similar earlier request: %(name)s %(subject)s (%(state)s)' % similar)

rpc.exec_workflow(db, uid, pwd, 'helpdesk.request', 'notify', req)
seen = None
while True:  # follow it until the support center has done its part (Ctrl-C to stop)
    row = call('helpdesk.request', 'read', [req], ['state', 'problem_ids', 'solution_ids'],
               context={'lang': 'es_ES'})[0]
    if row['state'] != seen:
        print('State:', row['state'], '- problems:', len(row['problem_ids']), '- solutions:', len(row['solution_ids']))
        seen = row['state']
    if row['state'] in ('closed', 'cancelled') or '--once' in sys.argv:
        break
    time.sleep(30)
