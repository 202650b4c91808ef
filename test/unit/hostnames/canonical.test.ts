import { describe, expect, it } from 'vitest';
import { isAtOrUnder } from '../../../src/core/hostnames/canonical.js';

describe('isAtOrUnder', () => {
  it('matches the domain and names below it, in any case, with or without the root dot', () => {
    expect(isAtOrUnder('mx.Example.COM', 'example.com')).toBe(true);
    expect(isAtOrUnder('EXAMPLE.com.', 'example.com')).toBe(true);
    expect(isAtOrUnder('example.com', 'example.com')).toBe(true);
  });

  it('does not match a name that only ends like the domain', () => {
    expect(isAtOrUnder('badexample.com', 'example.com')).toBe(false);
    expect(isAtOrUnder('example.co', 'example.com')).toBe(false);
    expect(isAtOrUnder(null, 'example.com')).toBe(false);
    // Bit 5 set on a non-letter must not make it a letter: "\r" | 32 is "-".
    expect(isAtOrUnder('a.b\rc.example', 'b-c.example')).toBe(false);
  });

  it('compares past ASCII as toLowerCase does', () => {
    expect(isAtOrUnder('mx.outloo\u212A.com', 'outlook.com')).toBe('mx.outloo\u212A.com'.slice(3).toLowerCase() === 'outlook.com');
    expect(isAtOrUnder('mx.\u00E9xample.com', 'example.com')).toBe(false);
  });
});
