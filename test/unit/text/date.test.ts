import { describe, expect, it } from 'vitest';
import { formatUtc, formatWrittenDate } from '../../../src/core/text/date.js';

describe('dates for people', () => {
  it('write an instant in UTC without the T and the milliseconds', () => {
    expect(formatUtc('2025-10-14T09:12:02.000Z')).toBe('2025-10-14 09:12:02 UTC');
    expect(formatUtc('2025-10-14T09:12:02Z')).toBe('2025-10-14 09:12:02 UTC');
  });

  it('show the header’s own words, then UTC where the written zone is another one', () => {
    expect(formatWrittenDate('2025-10-14T09:12:02.000Z', 'Tue, 14 Oct 2025 11:12:02 +0200 (CEST)')).toBe(
      'Tue, 14 Oct 2025 11:12:02 +0200 (CEST) (2025-10-14 09:12:02 UTC)',
    );
    expect(formatWrittenDate('2025-10-14T14:12:02.000Z', 'Tue, 14 Oct 2025\r\n 07:12:02 -0700')).toBe(
      'Tue, 14 Oct 2025 07:12:02 -0700 (2025-10-14 14:12:02 UTC)',
    );
    // A comment that says UTC beside another offset is the offset's word, not the comment's.
    expect(formatWrittenDate('2025-10-14T09:12:02.000Z', 'Tue, 14 Oct 2025 11:12:02 +0200 (UTC)')).toBe(
      'Tue, 14 Oct 2025 11:12:02 +0200 (UTC) (2025-10-14 09:12:02 UTC)',
    );
  });

  it('say a written UTC date once', () => {
    for (const written of [
      'Tue, 14 Oct 2025 09:12:02 +0000',
      'Tue, 14 Oct 2025 09:12:02 +0000 (UTC)',
      'Tue, 14 Oct 2025 09:12:02 GMT',
      '2025-10-14 09:12:02.16 +0000 UTC',
    ]) {
      expect(formatWrittenDate('2025-10-14T09:12:02.000Z', written)).toBe(written);
    }
  });

  it('keep text that is no readable date, and say so; nothing for no date', () => {
    expect(formatWrittenDate(null, 'yesterday at noon')).toBe('yesterday at noon (not a date Hoplens can read)');
    expect(formatWrittenDate('2025-10-14T09:12:02.000Z', null)).toBe('2025-10-14 09:12:02 UTC');
    expect(formatWrittenDate(null, null)).toBe('');
    expect(formatWrittenDate(null, '  ')).toBe('');
  });
});
