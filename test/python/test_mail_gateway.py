"""The mail gateway as OpenERP's openerp_mailgate.py uses it, and the SMTP listener as an MTA
relays to it. Standard library only: the message goes to mail.thread.message_process as an
xmlrpc.client.Binary, or over SMTP with smtplib; RPC_SMTP_PORT names the listener's port.
"""
import email.utils
import os
import smtplib
import time
import unittest
import xmlrpc.client
from email.header import Header
from email.mime.text import MIMEText

from rpc_env import DB, LOGIN, PASSWORD, proxy

SMTP_PORT = int(os.environ['RPC_SMTP_PORT'])
DOMAIN = 'support.example.com'


def message(sender, to, subject, body, **headers):
    msg = MIMEText(body, 'plain', 'iso-8859-1')
    name, address = email.utils.parseaddr(sender)
    # As mail clients write it: the name as an encoded word, the address as is.
    msg['From'] = email.utils.formataddr((name, address), charset='iso-8859-1')
    msg['To'] = to
    msg['Subject'] = Header(subject, 'iso-8859-1')
    msg['Message-ID'] = email.utils.make_msgid(domain='client.example.org')
    msg['Date'] = email.utils.formatdate()
    for name, value in headers.items():
        msg[name.replace('_', '-')] = value
    return msg


class MailGatewayTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.uid = proxy('legacy', 'common').login(DB, LOGIN, PASSWORD)
        cls.obj = proxy('legacy', 'object')

    def execute(self, model, method, *args):
        return self.obj.execute(DB, self.uid, PASSWORD, model, method, *args)

    def requests(self, subject):
        return self.execute('helpdesk.request', 'search_read', [('subject', '=', subject)], ['name', 'partner_id', 'category'])

    def wait_for_request(self, subject):
        # The listener answers once the message is committed; the loop only absorbs scheduling.
        for _ in range(50):
            found = self.requests(subject)
            if found:
                return found
            time.sleep(0.1)
        return []

    def test_gateway_binary_opens_a_request_and_acknowledges_it(self):
        msg = message('Jos\u00e9 Mart\u00edn <jose@cliente.example.org>', 'soporte@' + DOMAIN,
                      'Pantalla en negro tras la actualizaci\u00f3n', 'El equipo no arranca.\nJos\u00e9')
        res_id = self.execute('mail.thread', 'message_process', False, xmlrpc.client.Binary(msg.as_bytes()))
        self.assertIs(type(res_id), int)
        req = self.execute('helpdesk.request', 'read', [res_id], ['name', 'subject', 'partner_id', 'category'])[0]
        self.assertEqual(req['subject'], 'Pantalla en negro tras la actualizaci\u00f3n')
        self.assertEqual(req['partner_id'][1], 'Jos\u00e9 Mart\u00edn')
        self.assertEqual(req['category'], 'technical')
        acks = self.execute('mail.mail', 'search_read', [('res_id', '=', res_id), ('model', '=', 'helpdesk.request'),
                                                         ('email_to', 'ilike', 'jose@cliente.example.org')], ['subject'])
        self.assertEqual(len(acks), 1)
        self.assertIn(req['name'], acks[0]['subject'])

    def test_gateway_drops_an_auto_reply(self):
        msg = message('jefa@cliente.example.org', 'soporte@' + DOMAIN, 'Fuera de la oficina (py)', 'Vuelvo el lunes',
                      Auto_Submitted='auto-replied')
        self.assertIs(self.execute('mail.thread', 'message_process', False, xmlrpc.client.Binary(msg.as_bytes())), False)
        self.assertEqual(self.requests('Fuera de la oficina (py)'), [])

    def test_smtplib_to_the_listener_opens_a_request(self):
        msg = message('Luc\u00eda <lucia@cliente.example.org>', 'soporte@' + DOMAIN, 'Sin conexi\u00f3n a la VPN', 'Desde ayer.')
        with smtplib.SMTP('127.0.0.1', SMTP_PORT, timeout=30) as smtp:
            refused = smtp.send_message(msg)
        self.assertEqual(refused, {})
        found = self.wait_for_request('Sin conexi\u00f3n a la VPN')
        self.assertEqual(len(found), 1)
        self.assertEqual(found[0]['partner_id'][1], 'Luc\u00eda')

    def test_smtplib_recipient_of_another_domain_is_refused(self):
        msg = message('lucia@cliente.example.org', 'alguien@otro.example.net', 'Otro dominio', 'x')
        with smtplib.SMTP('127.0.0.1', SMTP_PORT, timeout=30) as smtp:
            with self.assertRaises(smtplib.SMTPRecipientsRefused) as caught:
                smtp.send_message(msg)
        code, _ = caught.exception.recipients['alguien@otro.example.net']
        self.assertEqual(code, 550)


if __name__ == '__main__':
    unittest.main()
