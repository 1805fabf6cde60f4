// The interpolation keys of sequence prefixes and suffixes, at fixed instants and timezones.
import { interpolate, interpolationDict } from '../../../models/base/ir-sequence-next';
import { UserError } from '../../../src/errors';

describe('sequence interpolation', () => {
  it('gives every 7.0 key, in the caller\'s timezone', () => {
    // 2026-01-04 23:30 UTC is a Sunday; in Madrid it is already Monday the 5th.
    const at = new Date(Date.UTC(2026, 0, 4, 23, 30, 5));
    expect(interpolationDict(false, at)).toEqual({
      year: '2026', month: '01', day: '04', y: '26', doy: '004', woy: '00', weekday: '0',
      h24: '23', h12: '11', min: '30', sec: '05',
    });
    expect(interpolationDict('Europe/Madrid', at)).toMatchObject({ day: '05', doy: '005', woy: '01', weekday: '1', h24: '00', h12: '12' });
    expect(interpolationDict('Not/AZone', at)).toMatchObject({ day: '04', h24: '23' });
  });

  it('replaces keys and %%, and refuses unknown keys', () => {
    const dict = interpolationDict(false, new Date(Date.UTC(2026, 10, 27, 8, 0, 0)));
    expect(interpolate('REQ/%(year)s/%(month)s/', dict, 's')).toBe('REQ/2026/11/');
    expect(interpolate('100%%-%(y)s', dict, 's')).toBe('100%-26');
    expect(interpolate(null, dict, 's')).toBe('');
    expect(() => interpolate('%(century)s', dict, 'Bad')).toThrow(new UserError("Invalid prefix or suffix for sequence 'Bad'"));
  });
});
