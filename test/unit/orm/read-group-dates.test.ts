// Date group labels and bounds: what clients show as group headers and filter on.
import { periodEnd, periodLabel } from '../../../src/orm/records/read-group-dates';
import { pyRepr, recordsRepr } from '../../../src/orm/py-repr';
import { Double } from '../../../src/values';

describe('date groups', () => {
  test('labels per granularity and language', () => {
    expect(periodLabel('2014-08-01', 'month', 'en_US')).toBe('August 2014');
    expect(periodLabel('2014-08-01', 'month', 'es_ES')).toBe('agosto 2014');
    expect(periodLabel('2014-08-05', 'day', 'en_US')).toBe('05 Aug 2014');
    expect(periodLabel('2014-12-29', 'week', 'en_US')).toBe('W1 2015');
    expect(periodLabel('2014-07-01', 'quarter', 'en_US')).toBe('Q3 2014');
    expect(periodLabel('2014-01-01', 'year', 'xx_XX')).toBe('2014');
  });

  test('period ends are the next period starts', () => {
    expect(periodEnd('2014-12-01', 'month')).toBe('2015-01-01');
    expect(periodEnd('2016-02-28', 'day')).toBe('2016-02-29');
    expect(periodEnd('2014-12-29', 'week')).toBe('2015-01-05');
    expect(periodEnd('2014-10-01', 'quarter')).toBe('2015-01-01');
  });
});

describe('Python reprs in messages', () => {
  test('values print as Python would', () => {
    expect(pyRepr("it's")).toBe('"it\'s"');
    expect(pyRepr('a')).toBe("'a'");
    expect(pyRepr([1, true, null, new Double(2)])).toBe('[1, True, None, 2.0]');
    expect(recordsRepr('res.partner', [7])).toBe('res.partner(7,)');
    expect(recordsRepr('res.partner', [7, 8])).toBe('res.partner(7, 8)');
  });
});
