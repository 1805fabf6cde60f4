// The Print menu of a model: its reports (ir.actions.report.xml rows for the model), each a
// link to the PDF of these records at /report/pdf/<report_name>/<ids> in the person's language.
// Hidden without reports.
import { useEffect, useState } from 'preact/hooks';
import { lang, t } from '../i18n';
import { callKw } from '../rpc';

interface Report { id: number; name: string; report_name: string }

/** The PDF of these records, in the language the person works in (Odoo's `context` parameter). */
function reportUrl(reportName: string, ids: number[]): string {
  const context = encodeURIComponent(JSON.stringify({ lang: lang() }));
  return `/report/pdf/${encodeURIComponent(reportName)}/${ids.join(',')}?context=${context}`;
}

export function PrintMenu(props: { model: string; ids: number[] }) {
  const [reports, setReports] = useState<Report[]>([]);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    // A server without reports has no such model: then there is simply nothing to print.
    callKw<Report[]>('ir.actions.report.xml', 'search_read', [[['model', '=', props.model]], ['name', 'report_name']])
      .then(setReports, () => setReports([]));
  }, [props.model]);
  if (!reports.length || !props.ids.length) return null;
  return (
    <div class="print-menu">
      <button type="button" aria-expanded={open} aria-controls="print-menu-list" onClick={() => setOpen(!open)}>{t('print')}</button>
      {open && (
        <ul id="print-menu-list" class="print-list">
          {reports.map((r) => (
            <li key={r.id}>
              <a href={reportUrl(r.report_name, props.ids)} target="_blank" rel="noopener" onClick={() => setOpen(false)}>{r.name}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
