import ipaddr from 'ipaddr.js';
import type { IpClass } from './types.js';

/**
 * An IP address as it appears in mail headers ("1.2.3.4", "[1.2.3.4]", "IPv6:2001:DB8::1",
 * "[IPv6:2001:db8::1]", "fe80::1%eth0") in canonical form: IPv4 dotted quad, IPv6 per
 * RFC 5952, IPv4-mapped IPv6 as IPv4, zone id dropped. Null for anything that is not an address.
 */
export function normalizeIp(text: string): string | null {
  let s = text.trim();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1).trim();
  if (/^ipv6:/i.test(s)) s = s.slice(5);
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (s.length === 0 || s.length > 64) return null;
  // Only the dotted-quad form: ipaddr.js also reads "1", "0x7f.1" and octal parts, which no MTA
  // writes. The shape checks come first because ipaddr.js validates by catching exceptions,
  // which is slow, and most words in a header are not addresses.
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(s)) {
    return ipaddr.IPv4.isValidFourPartDecimal(s) ? ipaddr.IPv4.parse(s).toString() : null;
  }
  const v6 = parseIPv6(s);
  if (v6 === null) return null;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
  return v6.toRFC5952String();
}

const TRAILING_QUAD = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/;

/**
 * IPv6 text (RFC 4291 §2.2, an embedded dotted quad included) → address, or null. ipaddr.js
 * reads "::1.2.3.4" as IPv4-mapped (::ffff:1.2.3.4), so the quad is rewritten as two hex groups
 * before it sees it.
 */
export function parseIPv6(text: string): ipaddr.IPv6 | null {
  if (!/^[0-9a-f:.]*:[0-9a-f:.]*$/i.test(text)) return null;
  let hex = text;
  const quad = TRAILING_QUAD.exec(text);
  if (quad) {
    if (!ipaddr.IPv4.isValidFourPartDecimal(quad[2]!)) return null;
    const [a, b, c, d] = ipaddr.IPv4.parse(quad[2]!).octets as [number, number, number, number];
    hex = `${quad[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  return ipaddr.IPv6.isValid(hex) ? ipaddr.IPv6.parse(hex) : null;
}

const DOCUMENTATION: ReadonlyArray<[string, number]> = [
  ['192.0.2.0', 24],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['2001:db8::', 32],
];

const RANGE_CLASS: Readonly<Record<string, IpClass>> = {
  unicast: 'public',
  private: 'private',
  loopback: 'loopback',
  linkLocal: 'link-local',
  carrierGradeNat: 'cgnat',
  uniqueLocal: 'unique-local',
  multicast: 'multicast',
  unspecified: 'unspecified',
};

/** The class of a normalised address (see normalizeIp); text that is not an address is "reserved". */
export function classifyIp(ip: string): IpClass {
  const normal = normalizeIp(ip);
  if (normal === null) return 'reserved';
  const addr = ipaddr.parse(normal);
  for (const [base, bits] of DOCUMENTATION) {
    const net = ipaddr.parse(base);
    if (net.kind() === addr.kind() && addr.match(net, bits)) return 'documentation';
  }
  return RANGE_CLASS[addr.range()] ?? 'reserved';
}

/** Whether an address of this class may be sent to a public resolver. */
export function isCheckable(cls: IpClass): boolean {
  return cls === 'public' || cls === 'documentation';
}
