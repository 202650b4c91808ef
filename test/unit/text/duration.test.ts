import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../../src/core/text/duration.js';

describe('formatDuration', () => {
  it('writes seconds, minutes and hours the way every view shows them', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(2.4)).toBe('2 s');
    expect(formatDuration(60)).toBe('1 min');
    expect(formatDuration(185)).toBe('3 min 5 s');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(3720 + 59)).toBe('1 h 2 min');
    expect(formatDuration(47 * 3600 + 120)).toBe('47 h 2 min');
    expect(formatDuration(3 * 86400 + 4 * 3600 + 59)).toBe('3 d 4 h');
    expect(formatDuration(-40)).toBe('-40 s');
    expect(formatDuration(-305)).toBe('-5 min 5 s');
  });
});
