import { createHash as nodeCreateHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHash } from '../../../src/background/shims/crypto.js';

describe('crypto shim for mailparser', () => {
  it('computes RFC 1321 test vectors', () => {
    expect(createHash('md5').update('').digest('hex')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(createHash('md5').update('abc').digest('hex')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(createHash('MD5').update('12345678901234567890123456789012345678901234567890123456789012345678901234567890').digest('hex')).toBe(
      '57edf4a22be3c955ac49da2e2107b67a',
    );
  });

  it('matches node:crypto for any data split into any chunks', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat(300), { maxLength: 5 }), (data, cuts) => {
        const hash = createHash('md5');
        let last = 0;
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          hash.update(data.subarray(last, Math.max(last, Math.min(cut, data.length))));
          last = Math.max(last, Math.min(cut, data.length));
        }
        hash.update(data.subarray(last));
        expect(hash.digest('hex')).toBe(nodeCreateHash('md5').update(data).digest('hex'));
      }),
    );
    const big = randomBytes(200_000);
    expect(createHash('md5').update(big).digest('hex')).toBe(nodeCreateHash('md5').update(big).digest('hex'));
  });

  it('refuses algorithms it does not implement instead of faking a checksum', () => {
    expect(() => createHash('sha256')).toThrow(/not supported/);
  });
});
