// The figures of the statistics report from plain rows: counts by state and category and by
// center, months without requests shown as zeros, and closing times (mean, 90th percentile).
import { mean, percentile, requestFigures } from '../../../models/helpdesk_master/reports/statistics-data';
import { collectReports } from '../../../src/report/engine';
import { defineReport } from '../../../src/report/define';

describe('statistics figures', () => {
  const rows = [
    { state: 'closed', category: 'technical', date: '2026-01-10 08:00:00', date_closed: '2026-01-11 08:00:00', support_server_id: false },
    { state: 'closed', category: 'technical', date: '2026-01-20 08:00:00', date_closed: '2026-03-01 08:00:00', support_server_id: [3, 'Centro Sur'] },
    { state: 'draft', category: 'functional', date: '2026-03-05 10:00:00', date_closed: false, support_server_id: false },
  ];

  it('counts requests by state × category and by support center', () => {
    const f = requestFigures(rows);
    expect(f.total).toBe(3);
    expect(f.byStateCategory.get('closed')?.get('technical')).toBe(2);
    expect(f.byStateCategory.get('draft')?.get('functional')).toBe(1);
    expect([...f.byCenter.entries()]).toEqual([['', 2], ['Centro Sur', 1]]);
  });

  it('lists every month from the first to the last, opened and closed', () => {
    expect([...requestFigures(rows).byMonth.entries()]).toEqual([
      ['2026-01', [2, 1]], ['2026-02', [0, 0]], ['2026-03', [1, 1]],
    ]);
  });

  it('measures the time to close of closed requests: mean and nearest-rank 90th percentile', () => {
    const f = requestFigures(rows);
    expect(f.hoursToClose).toEqual([24, 40 * 24]);
    expect(mean(f.hoursToClose)).toBe(20.5 * 24);
    expect(percentile(f.hoursToClose, 90)).toBe(40 * 24);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(mean([])).toBeNull();
    expect(percentile([], 90)).toBeNull();
  });
});

describe('the report registry', () => {
  const report = (reportName: string) => defineReport({ reportName, model: 'res.partner', name: 'X', render: async () => undefined });

  it('finds a report by its name, with or without the report. prefix', () => {
    const reports = collectReports([{ name: 'm', depends: [], reports: [report('res.partner.card')] }]);
    expect(reports.get('res.partner.card')?.reportName).toBe('res.partner.card');
    expect(reports.get('report.res.partner.card')?.reportName).toBe('res.partner.card');
    expect(reports.get('nothing')).toBeUndefined();
  });

  it('refuses a name declared twice and a report not made by defineReport when the server starts', () => {
    expect(() => collectReports([{ name: 'm', depends: [], reports: [report('a'), report('a')] }])).toThrow(/declared twice/);
    expect(() => collectReports([{ name: 'm', depends: [], reports: [{ reportName: 'b' }] }])).toThrow(/not made by defineReport/);
  });
});
