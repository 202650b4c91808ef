import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReceived } from '../../../src/core/received/index.js';
import type { ReceivedFields } from '../../../src/core/received/types.js';

const FIELD_NAMES: (keyof ReceivedFields)[] = [
  'raw',
  'helo',
  'rdns',
  'ip',
  'port',
  'by',
  'byIp',
  'via',
  'with',
  'id',
  'for',
  'date',
  'dateRaw',
  'tls',
  'envelopeFrom',
  'authenticatedSender',
  'software',
  'dialect',
  'warnings',
];

function checkShape(f: ReceivedFields): void {
  expect(Object.keys(f).sort()).toEqual([...FIELD_NAMES].sort());
  expect(typeof f.dialect).toBe('string');
  expect(Array.isArray(f.warnings)).toBe(true);
  if (f.date !== null) expect(new Date(f.date).toISOString()).toBe(f.date);
  if (f.port !== null) {
    expect(Number.isInteger(f.port)).toBe(true);
    expect(f.port).toBeGreaterThanOrEqual(1);
    expect(f.port).toBeLessThanOrEqual(65535);
  }
}

/** The characters the grammar gives meaning to, plus words it knows. */
const grammarPiece = fc.constantFrom(
  '(',
  ')',
  '"',
  '\\',
  '<',
  '>',
  '[',
  ']',
  ';',
  ':',
  '=',
  ' ',
  '\t',
  '\r\n ',
  '\n',
  '@',
  '.',
  'from',
  'by',
  'with',
  'via',
  'id',
  'for',
  'HELO',
  'EHLO',
  'helo=',
  'envelope-from',
  'tls',
  'unknown',
  'mail.example.org',
  '[192.0.2.1]',
  ':99999',
  ':0',
  ':25',
  'port=',
  '70000',
  '[IPv6:2001:db8::1]',
  '192.0.2.1',
  'using TLSv1.3 with cipher X',
  '(256/256 bits)',
  'version=TLS1_2,',
  'Postfix',
  'Exim 4.96',
  'Microsoft SMTP Server',
  'Tue,',
  '4 Jun 2024',
  '09:38:03',
  '+0000',
  'EST',
);

describe('parseReceived never throws and always returns every field', () => {
  // Thousands of whole parses each, checked field by field: seconds on a shared 2-core machine.
  const PROPERTY_TIMEOUT = 60_000;

  it('arbitrary strings', { timeout: PROPERTY_TIMEOUT }, () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => checkShape(parseReceived(s))),
      { numRuns: 3000 },
    );
  });

  it('full Unicode strings', { timeout: PROPERTY_TIMEOUT }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => checkShape(parseReceived(s))),
      { numRuns: 1000 },
    );
  });

  it("strings made of the grammar's special characters and words", { timeout: PROPERTY_TIMEOUT }, () => {
    fc.assert(
      fc.property(fc.array(grammarPiece, { maxLength: 80 }), (parts) => checkShape(parseReceived(parts.join('')))),
      { numRuns: 5000 },
    );
  });

  it('deeply nested and unbalanced parentheses', { timeout: PROPERTY_TIMEOUT }, () => {
    fc.assert(
      fc.property(fc.nat(3000), fc.nat(3000), fc.string({ maxLength: 20 }), (open, close, inner) => {
        const f = parseReceived(`from a.example ${'('.repeat(open)}${inner}${')'.repeat(close)} by b.example; Tue, 4 Jun 2024 09:38:03 +0000`);
        checkShape(f);
        expect(f.helo).toBe('a.example');
      }),
      { numRuns: 200 },
    );
  });

  it('returns its fields for a non-string at run time', () => {
    checkShape(parseReceived(undefined as unknown as string));
  });
});

describe('client addresses as MTAs write them', () => {
  const date = '; Tue, 4 Jun 2024 09:38:03 +0000';
  it.each([
    ['[203.0.113.5]:54321', '203.0.113.5', 54321],
    ['[IPv6:2001:DB8:0:0:0:0:0:1]:2525', '2001:db8::1', 2525],
    ['[IPv6:fe80::1%eth0]', 'fe80::1', null],
    ['[IPv6:::ffff:203.0.113.7]', '203.0.113.7', null],
    ['[::FFFF:203.0.113.7]:25', '203.0.113.7', 25],
    ['[203.0.113.5]:99999', '203.0.113.5', null],
    ['[203.0.113.5]:0', '203.0.113.5', null],
  ])('(a.example.com %s)', (literal, ip, port) => {
    const f = parseReceived(`from a.example.com (a.example.com ${literal}) by mx.example.org${date}`);
    expect([f.ip, f.port, f.rdns]).toEqual([ip, port, 'a.example.com']);
  });

  it('an Exim port= outside 1–65535 is no port', () => {
    expect(parseReceived(`from [203.0.113.5] (port=70000 helo=a.example.com) by mx.example.org${date}`).port).toBeNull();
    expect(parseReceived(`from [203.0.113.5] (port=2525 helo=a.example.com) by mx.example.org${date}`).port).toBe(2525);
  });
});
