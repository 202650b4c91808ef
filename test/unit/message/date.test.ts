import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoString, parseReceivedDate } from '../../../src/core/message/date.js';

describe('parseReceivedDate', () => {
  it.each([
    ['Tue, 04 Jun 2024 09:38:03 +0000', '2024-06-04T09:38:03.000Z'],
    ['Tue,  4 Jun 2024 11:38:05 +0200 (CEST)', '2024-06-04T09:38:05.000Z'],
    ['4 Jun 2024 09:38:03 -0000', '2024-06-04T09:38:03.000Z'],
    ['Mon, 6 May 2019 15:03:25 +0800 (GMT-8)', '2019-05-06T07:03:25.000Z'],
    ['Wed, 16 Sep 2015 15:19:44 -0700', '2015-09-16T22:19:44.000Z'],
    ['Fri, 31 Jan 2020 19:11:49 -0800 (PST)', '2020-02-01T03:11:49.000Z'],
    ['Tue, 23 Apr 2013 07:03:41 EDT', '2013-04-23T11:03:41.000Z'],
    ['Tue, 4 Jun 2024 09:38:03 UT', '2024-06-04T09:38:03.000Z'],
    ['Tue, 4 Jun 2024 09:38:03 GMT', '2024-06-04T09:38:03.000Z'],
    ['Tue, 4 Jun 2024 09:38:03 CDT', '2024-06-04T14:38:03.000Z'],
    ['Tue, 4 Jun 2024 09:38:03 MST', '2024-06-04T16:38:03.000Z'],
    ['Tue, 4 Jun 2024 09:38 PDT', '2024-06-04T16:38:00.000Z'],
    ['Tue, 4 Jun 2024 09:38:03 +0530', '2024-06-04T04:08:03.000Z'],
    ['Mon, 7 Jun 99 10:00:00 EST', '1999-06-07T15:00:00.000Z'],
    ['Fri, 1 Jan 49 00:00:00 +0000', '2049-01-01T00:00:00.000Z'],
    ['Fri, 1 Jan 50 00:00:00 +0000', '1950-01-01T00:00:00.000Z'],
    ['Tue, 4 Jun 124 09:38:03 +0000', '2024-06-04T09:38:03.000Z'],
    ['Tue, 4 Jun 2024 09:38:03 A', '2024-06-04T09:38:03.000Z'],
    ['Tue, 4 Jun 2024 09:38:03 Z', '2024-06-04T09:38:03.000Z'],
    ['Tue, 4 Jun 2024 09:38:03 CEST', '2024-06-04T09:38:03.000Z'],
    ['Tue, 4 Jun 2024 09:38:03 (PDT)', '2024-06-04T16:38:03.000Z'],
    ['Tuesday, 4 June 2024 09:38:03 +0000', '2024-06-04T09:38:03.000Z'],
    ['Mon, 29 Jul 2024 14:17:41.188 +0000 (UTC)', '2024-07-29T14:17:41.188Z'],
    ['2024-07-29 14:17:41.301577813 +0000 UTC m=+3153916.181452818', '2024-07-29T14:17:41.301Z'],
    ['2024-06-04T09:38:03Z', '2024-06-04T09:38:03.000Z'],
    ['Wed Nov 25 18:12:09 UTC 2026', '2026-11-25T18:12:09.000Z'],
    ['Thu, 29 Feb 2024 12:00:00 +0000', '2024-02-29T12:00:00.000Z'],
    ['Sat, 31 Dec 2016 23:59:60 +0000', '2017-01-01T00:00:00.000Z'],
    ['Tue, 4 Jun 2024 (week (ISO) 23 ) 09:38:03 +0000', '2024-06-04T09:38:03.000Z'],
    ['Tue, 4 Jun 2024 09:38:03 ((summer) PDT)', '2024-06-04T16:38:03.000Z'],
  ])('%s → %s', (text, iso) => {
    expect(parseReceivedDate(text)).toBe(iso);
  });

  it.each([
    '',
    'yesterday afternoon',
    'Tue, 4 Jun 2024',
    'Tue, 4 Jun 2024 09:38:03',
    'Thu, 29 Feb 2023 12:00:00 +0000',
    'Mon, 31 Apr 2024 12:00:00 +0000',
    'Tue, 4 Jun 2024 24:00:00 +0000',
    'Tue, 4 Jun 2024 09:60:00 +0000',
    'Tue, 4 Jun 2024 09:38:03 +0075',
    'Tue, 4 Foo 2024 09:38:03 +0000',
    'Tue, 4 Jun 1800 09:38:03 +0000',
    'Tue, 40 Jun 2024 09:38:03 +0000',
    `Tue, 4 Jun 2024 09:38:03 +0000 ${'x'.repeat(300)}`,
    'Fri, 31 Dec 9999 23:30:00 -0100',
  ])('unreadable: %j', (text) => {
    expect(parseReceivedDate(text)).toBeNull();
  });

  it('returns a valid ISO string or null, never throws', () => {
    const part = fc.constantFrom(
      'Tue,',
      '4',
      '31',
      'Jun',
      'Feb',
      '2024',
      '99',
      '09:38:03',
      '23:59:60',
      '+0000',
      '-9999',
      '-2359',
      '9999',
      'Dec',
      'EST',
      'Z',
      '(UTC)',
      '(',
      ')',
      ' ',
      '2024-06-04',
      'T',
      ':',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(part, { maxLength: 12 }).map((a) => a.join(' ')),
        ),
        (s) => {
          const iso = parseReceivedDate(s);
          if (iso !== null) expect(new Date(iso).toISOString()).toBe(iso);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('the common-shape fast path reads as the general path does', () => {
  it('on dates assembled from common and odd parts', () => {
    const weekday = fc.constantFrom('', 'Tue, ', 'Tue ', 'Feb, ', 'Xyz, ', 'tue,  ', 'Tue,\t', 'Tuesday, ', 'Tue4 ', 'Tu, ', '1Tue, ');
    const day = fc.constantFrom('4', '04', '31', '29', '0', '40', '123', '4\t', 'x');
    const month = fc.constantFrom('Jun', 'jun', 'Feb', 'Foo', 'June', 'Ju', 'SEP');
    const year = fc.constantFrom('2024', '2023', '1800', '9999', '99', '49', '50', '00', '099', '9', '0099', '20245', '2024\t');
    const time = fc.constantFrom(
      '09:38:03',
      '9:38',
      '23:59:60',
      '24:00:00',
      '09:60:00',
      '9:380',
      '9:38:0',
      '9:38:030',
      '123:00',
      '09:38:03.5',
      '09:38:03.188',
      '09:38:03.301577813',
      '09:38:03.1234567890',
      '09:38:03.',
      '9:38.5',
      '09:38:03.5.1',
      '23:59:60.999',
    );
    const zone = fc.constantFrom(
      '+0000',
      '-0000',
      '+0200',
      '+0075',
      '-2359',
      'EST',
      '+02000',
      '+020',
      '0200',
      '\t+0100',
      'GMT',
      'gmt',
      'UT',
      'PDT',
      'Q',
      'ABCDE',
      'ABCDEF',
      'GMT.',
      'GMT1',
      'Jun',
      'Sun',
    );
    const comment = fc.constantFrom('', ' (CEST)', ' (UTC)', ' (x (y))', '  (PDT)', '\t(CEST)', ' (a\\b)', ' (', ' )', '(CEST)', ' (CEST) x', ' x');
    fc.assert(
      fc.property(weekday, day, month, year, time, zone, comment, (w, d, m, y, t, z, c) => {
        const text = `${w}${d} ${m} ${y} ${t} ${z}${c}`;
        // The general path alone: a leading space keeps the text out of the fast path's anchored match.
        expect(parseReceivedDate(text)).toBe(parseReceivedDate(`(general) ${text}`));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a date with a zone', () => {
  it('is the instant Date computes, across midnight, month and year ends and leap seconds', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 9999 }),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: -1439, max: 1439 }),
        (year, month, day, hour, minute, second, zone) => {
          const z = Math.abs(zone);
          const zoneText = `${zone < 0 ? '-' : '+'}${String(Math.floor(z / 60)).padStart(2, '0')}${String(z % 60).padStart(2, '0')}`;
          const text = `${day} ${months[month]} ${year} ${hour}:${String(minute).padStart(2, '0')}:${String(second).padStart(2, '0')} ${zoneText}`;
          const ms = Date.UTC(year, month, day, hour, minute, second) - zone * 60_000;
          const expected = ms >= Date.UTC(10000, 0, 1) ? null : new Date(ms).toISOString();
          expect(parseReceivedDate(text)).toBe(expected);
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('isoString', () => {
  it('is what Date gives, from 1800 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1800, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }), (ms) => {
        expect(isoString(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5000 },
    );
    expect(isoString(Date.UTC(10000, 0, 1))).toBeNull();
  });
});
