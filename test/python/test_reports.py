"""The report service through xmlrpc.client, as OpenERP 7.0 scripts and Odoo 8-10 clients use it:
list the reports of a model, report() then poll report_get(), render_report(), and the faults of
a refused record and an unknown job. The PDF's text is read with pdftotext (poppler-utils).
Run by the jest harness as the help center user, with the records it made in REPORT_* variables."""
import base64
import os
import subprocess
import tempfile
import time
import unittest

from rpc_env import DB, LOGIN, PASSWORD, fault_of, proxy

REQUEST = int(os.environ['REPORT_REQUEST_ID'])
REFERENCE = os.environ['REPORT_REFERENCE']
OTHER_CENTER_REQUEST = int(os.environ['REPORT_OTHER_ID'])


def pdf_text(pdf):
    with tempfile.NamedTemporaryFile(suffix='.pdf') as f:
        f.write(pdf)
        f.flush()
        return subprocess.run(['pdftotext', '-enc', 'UTF-8', f.name, '-'], check=True,
                              capture_output=True).stdout.decode('utf-8')


class ReportService(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.uid = proxy('legacy', 'common').login(DB, LOGIN, PASSWORD)

    def report(self, profile):
        return proxy(profile, 'report')

    def test_lists_the_reports_of_a_model(self):
        rows = proxy('legacy', 'object').execute(DB, self.uid, PASSWORD, 'ir.actions.report.xml', 'search_read',
                                                 [('model', '=', 'helpdesk.request')],
                                                 ['name', 'model', 'report_name', 'report_type'])
        names = sorted(r['report_name'] for r in rows)
        self.assertEqual(names, ['helpdesk.request', 'helpdesk.request.list', 'helpdesk.request.statistics'])
        self.assertTrue(all(r['report_type'] == 'pdf' for r in rows))

    def test_report_then_report_get_gives_the_pdf_render_report_gives(self):
        datas = {'model': 'helpdesk.request', 'id': REQUEST, 'ids': [REQUEST], 'report_type': 'pdf'}
        job = self.report('legacy').report(DB, self.uid, PASSWORD, 'helpdesk.request', [REQUEST], datas, {'lang': 'es_ES'})
        self.assertIsInstance(job, int)
        answer = {'state': False}
        for _ in range(200):
            answer = self.report('legacy').report_get(DB, self.uid, PASSWORD, job)
            if answer['state']:
                break
            time.sleep(0.05)
        self.assertEqual(answer['format'], 'pdf')
        pdf = base64.b64decode(answer['result'])
        self.assertTrue(pdf.startswith(b'%PDF-'))
        text = pdf_text(pdf)
        self.assertIn(REFERENCE, text)
        self.assertIn('Revisada', text)
        self.assertIn('¿Por qué falla la impresión en Peñalolén?', text)
        direct = self.report('odoo').render_report(DB, self.uid, PASSWORD, 'helpdesk.request', [REQUEST], datas,
                                                   {'lang': 'es_ES'})
        self.assertEqual(base64.b64decode(direct['result']), pdf)

    def test_english_reader_gets_english_labels(self):
        answer = self.report('odoo').render_report(DB, self.uid, PASSWORD, 'helpdesk.request', [REQUEST], {},
                                                   {'lang': 'en_US'})
        text = pdf_text(base64.b64decode(answer['result']))
        self.assertIn('Reviewed', text)
        self.assertNotIn('Revisada', text)

    def test_refused_record_and_unknown_job_are_faults(self):
        refused = fault_of(self, self.report('odoo').render_report, DB, self.uid, PASSWORD, 'helpdesk.request',
                           [OTHER_CENTER_REQUEST], {}, {})
        self.assertEqual(refused.faultCode, 4)
        legacy = fault_of(self, self.report('legacy').report, DB, self.uid, PASSWORD, 'helpdesk.request',
                          [OTHER_CENTER_REQUEST], {}, {})
        self.assertTrue(legacy.faultCode.startswith('warning -- AccessError'))
        unknown = fault_of(self, self.report('legacy').report_get, DB, self.uid, PASSWORD, 987654)
        self.assertEqual(unknown.faultCode, 'ReportNotFound')
        wrong = fault_of(self, self.report('legacy').render_report, DB, self.uid, 'wrong', 'helpdesk.request', [REQUEST])
        self.assertEqual(wrong.faultCode, 'AccessDenied')


if __name__ == '__main__':
    unittest.main()
