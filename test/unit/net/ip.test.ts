import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { classifyIp, isCheckable, normalizeIp, parseIPv6 } from '../../../src/core/net/ip.js';
import type { IpClass } from '../../../src/core/net/types.js';

describe('normalizeIp', () => {
  it.each([
    ['1.2.3.4', '1.2.3.4'],
    ['[1.2.3.4]', '1.2.3.4'],
    [' 203.0.113.5 ', '203.0.113.5'],
    ['IPv6:2001:DB8::1', '2001:db8::1'],
    ['[IPv6:2001:db8:0:0::1]', '2001:db8::1'],
    ['[IPV6:2001:0db8:0000:0000:0000:0000:0000:0001]', '2001:db8::1'],
    ['::ffff:1.2.3.4', '1.2.3.4'],
    ['[IPv6:::ffff:192.0.2.6]', '192.0.2.6'],
    ['::ffff:c000:0206', '192.0.2.6'],
    // IPv4-compatible, not IPv4-mapped: stays IPv6 (ipaddr.js alone would read it as mapped).
    ['::1.2.3.4', '::102:304'],
    ['2001:db8::192.0.2.33', '2001:db8::c000:221'],
    ['fe80::1%eth0', 'fe80::1'],
    ['[fe80::5d3c:7e1a:9b4f:2c10%5]', 'fe80::5d3c:7e1a:9b4f:2c10'],
    ['2001:db8:0:1:0:0:0:1', '2001:db8:0:1::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2a02:2770:3:0:21a:4aff:fefb:f65c', '2a02:2770:3:0:21a:4aff:fefb:f65c'],
    ['::1', '::1'],
    ['::', '::'],
  ])('%s → %s', (input, want) => {
    expect(normalizeIp(input)).toBe(want);
  });

  it.each([
    '',
    'unknown',
    'local',
    '[local]',
    'mail.example.com',
    '1.2.3',
    '1.2.3.4.5',
    '256.1.1.1',
    '01.2.3.4',
    '0x7f.0.0.1',
    '1',
    ':::',
    '2001:db8::g',
    '[1.2.3.4',
    'IPv6:',
  ])('rejects %j', (input) => {
    expect(normalizeIp(input)).toBeNull();
  });

  it('never throws and returns an address that normalises to itself', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.ipV4(), fc.ipV6(), fc.ipV4Extended()), (s) => {
        const n = normalizeIp(s);
        if (n !== null) expect(normalizeIp(n)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads every IPv6 address fast-check makes, in lower case', () => {
    fc.assert(
      fc.property(fc.ipV6(), (s) => {
        const n = normalizeIp(s);
        expect(n).not.toBeNull();
        expect(n).toBe(n?.toLowerCase());
      }),
    );
  });
});

describe('classifyIp', () => {
  it.each<[string, IpClass]>([
    ['8.8.8.8', 'public'],
    ['209.85.220.41', 'public'],
    ['2a00:1450:4864:20::52e', 'public'],
    ['192.0.2.1', 'documentation'],
    ['198.51.100.23', 'documentation'],
    ['203.0.113.255', 'documentation'],
    ['2001:db8::25', 'documentation'],
    ['10.1.2.3', 'private'],
    ['172.16.0.10', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.20', 'private'],
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.254', 'cgnat'],
    ['fd12:3456::1', 'unique-local'],
    ['fc00::1', 'unique-local'],
    ['224.0.0.251', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['::ffff:10.0.0.1', 'private'],
    ['[IPv6:2001:db8::1]', 'documentation'],
    ['not an address', 'reserved'],
  ])('%s is %s', (ip, cls) => {
    expect(classifyIp(ip)).toBe(cls);
  });

  it('100.63.255.255 and 100.128.0.0 are outside CGNAT', () => {
    expect(classifyIp('100.63.255.255')).toBe('public');
    expect(classifyIp('100.128.0.0')).toBe('public');
  });
});

describe('isCheckable', () => {
  it('allows only public and documentation addresses', () => {
    const all: IpClass[] = ['public', 'documentation', 'private', 'loopback', 'link-local', 'cgnat', 'unique-local', 'multicast', 'unspecified', 'reserved'];
    expect(all.filter(isCheckable)).toEqual(['public', 'documentation']);
  });
});

describe('normalizeIp agrees with ipaddr.js', () => {
  /** The library's reading of an address (through parseIPv6, which reads a trailing quad as two groups): IPv4-mapped as IPv4, else RFC 5952. */
  const reference = (text: string): string | null => {
    if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text).toString();
    // ipaddr.js reads a trailing "0111.2.3.4" after "::"; an embedded IPv4 part is four dec-octets
    // (RFC 4291 §2.2 item 3, RFC 3986 §3.2.2's IPv4address), so the reference refuses it too.
    const quad = text.includes('.') ? text.slice(text.lastIndexOf(':') + 1) : null;
    if (quad !== null && !ipaddr.IPv4.isValidFourPartDecimal(quad)) return null;
    const v6 = text.includes(':') ? parseIPv6(text) : null;
    if (v6 === null) return null;
    return v6.isIPv4MappedAddress() ? v6.toIPv4Address().toString() : v6.toRFC5952String();
  };
  const hexGroup = fc.oneof(
    fc.constant('0'),
    fc.constant('0000'),
    fc.constant('ffff'),
    fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16)),
  );
  const v6Text = fc.oneof(
    fc.ipV6(),
    fc.array(hexGroup, { minLength: 8, maxLength: 8 }).map((g) => g.join(':')),
    fc.tuple(fc.array(hexGroup, { maxLength: 4 }), fc.array(hexGroup, { maxLength: 3 })).map(([a, b]) => `${a.join(':')}::${b.join(':')}`),
    fc.ipV4().map((v4) => `::ffff:${v4}`),
  );

  it('on IPv4 and IPv6 text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), v6Text), (text) => {
        expect(normalizeIp(text)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses an embedded IPv4 part with a leading zero, as the reference does', () => {
    expect(normalizeIp('::0111.2.3.4')).toBe(null);
    expect(reference('::0111.2.3.4')).toBe(null);
  });

  it('on near-addresses', () => {
    const piece = fc.constantFrom('1', '01', '255', '256', '.', ':', '::', 'ffff', '12345', 'g', '1.2.3.4', '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(normalizeIp(text)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });
});
