import { describe, expect, it } from 'vitest';
import { copenhagenDateAndTime, formatDanishTimeRange, fromCopenhagen, toCopenhagenIso } from './copenhagen-time.js';

describe('Copenhagen time', () => {
  it.each([
    ['2027-03-27', '10:00', '2027-03-27T09:00:00.000Z'], // the Saturday before summer time
    ['2027-03-28', '10:00', '2027-03-28T08:00:00.000Z'], // the Sunday it begins
    ['2027-10-30', '10:00', '2027-10-30T08:00:00.000Z'], // the Saturday before winter time
    ['2027-10-31', '10:00', '2027-10-31T09:00:00.000Z'], // the Sunday it begins
  ])('reads %s %s on a Copenhagen clock as %s', (date, time, utc) => {
    expect(fromCopenhagen(date, time)?.toISOString()).toBe(utc);
  });

  it('reads the hour repeated in autumn as its first occurrence, and the hour skipped in spring with the winter offset', () => {
    expect(fromCopenhagen('2027-10-31', '02:30')?.toISOString()).toBe('2027-10-31T00:30:00.000Z');
    expect(fromCopenhagen('2027-03-28', '02:30')?.toISOString()).toBe('2027-03-28T01:30:00.000Z');
  });

  it('accepts 10.00 as well as 10:00, and refuses what is no date or time', () => {
    expect(fromCopenhagen('2027-06-03', '10.00')?.toISOString()).toBe('2027-06-03T08:00:00.000Z');
    expect(fromCopenhagen('3. juni', '10:00')).toBeNull();
    expect(fromCopenhagen('2027-06-03', 'ti')).toBeNull();
  });

  it('writes an instant with the offset of that day, and back as date and time', () => {
    expect(toCopenhagenIso(new Date('2027-06-03T08:00:00Z'))).toBe('2027-06-03T10:00:00+02:00');
    expect(toCopenhagenIso(new Date('2027-11-04T09:00:00Z'))).toBe('2027-11-04T10:00:00+01:00');
    expect(copenhagenDateAndTime('2027-11-04T09:00:00Z')).toEqual({ date: '2027-11-04', time: '10:00' });
  });

  it('formats a webinar the Danish way', () => {
    expect(formatDanishTimeRange('2023-11-02T10:00:00+01:00', '2023-11-02T12:00:00+01:00')).toBe(
      'torsdag den 2. november 2023 kl. 10.00–12.00',
    );
  });
});
