// Datetimes are stored in UTC and print in the reader's timezone, dates print as stored.
import { valueParts } from '../../../src/report/locale';

describe('report values in the reader\'s timezone', () => {
  it('moves a UTC datetime into Havana time, across the day boundary', () => {
    // 2026-01-15 03:30 UTC is 22:30 of the day before in Havana (UTC-5 in January).
    expect(valueParts('2026-01-15 03:30:00', 'America/Havana')).toMatchObject({ Y: '2026', m: '01', d: '14', H: '22', M: '30' });
  });

  it('follows daylight saving time', () => {
    // Madrid is UTC+2 in July and UTC+1 in December.
    expect(valueParts('2026-07-01 10:00:00', 'Europe/Madrid')).toMatchObject({ H: '12' });
    expect(valueParts('2026-12-01 10:00:00', 'Europe/Madrid')).toMatchObject({ H: '11' });
  });

  it('keeps UTC for an unknown zone and leaves plain dates alone', () => {
    expect(valueParts('2026-01-15 03:30:00', 'Not/AZone')).toMatchObject({ d: '15', H: '03' });
    expect(valueParts('2026-01-15', 'America/Havana')).toMatchObject({ d: '15', H: '00' });
    expect(valueParts(false, 'America/Havana')).toBeNull();
  });
});
