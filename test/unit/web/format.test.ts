// How the web client shows and reads values: datetimes in the user's time zone (the server
// keeps UTC), dates and numbers in the chosen language, selections by their label.
import { datetimeToInput, formatDatetime, formatNumber, formatValue, inputToDatetime, setTimeZone } from '../../../web/format';
import { setLang } from '../../../web/i18n';

afterEach(() => { setTimeZone(false); setLang('es_ES'); });

describe('datetimes in the user time zone', () => {
  it('shows a UTC datetime as Havana wall time and reads it back, across daylight saving', () => {
    setTimeZone('America/Havana');
    expect(datetimeToInput('2026-01-15 14:30:00')).toBe('2026-01-15T09:30');
    expect(inputToDatetime('2026-01-15T09:30')).toBe('2026-01-15 14:30:00');
    expect(datetimeToInput('2026-07-15 14:30:00')).toBe('2026-07-15T10:30');
    expect(inputToDatetime('2026-07-15T10:30')).toBe('2026-07-15 14:30:00');
  });

  it('keeps UTC for a zone it does not know, and empty stays empty', () => {
    setTimeZone('Not/A_Zone');
    setTimeZone('UTC');
    expect(datetimeToInput('2026-03-01 08:05:00')).toBe('2026-03-01T08:05');
    expect(datetimeToInput(false)).toBe('');
    expect(inputToDatetime('')).toBe(false);
  });
});

describe('dates, numbers and selections in the chosen language', () => {
  it('writes Spanish and English differently', () => {
    setTimeZone('UTC');
    setLang('es_ES');
    expect(formatNumber(1234.5, 2)).toBe('1234,50');
    expect(formatDatetime('2026-03-01 08:05:00')).toBe('1/3/26, 8:05');
    setLang('en_US');
    expect(formatNumber(1234.5, 2)).toBe('1,234.50');
    expect(formatDatetime('2026-03-01 08:05:00')).toBe('3/1/26, 8:05 AM');
  });

  it('shows selection labels, many2one names and nothing for empty values', () => {
    expect(formatValue('draft', { type: 'selection', string: 'State', selection: [['draft', 'Borrador']] })).toBe('Borrador');
    expect(formatValue([3, 'Clínica Norte'], { type: 'many2one', string: 'Requester' })).toBe('Clínica Norte');
    expect(formatValue(false, { type: 'char', string: 'Subject' })).toBe('');
  });
});
