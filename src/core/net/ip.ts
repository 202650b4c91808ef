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
  // Only the dotted-quad form: ipaddr.js also reads "1", "0x7f.1" and octal parts, which no MTA writes.
  if (ipaddr.IPv4.isValidFourPartDecimal(s)) return ipaddr.IPv4.parse(s).toString();
  if (!s.includes(':') || !ipaddr.IPv6.isValid(s)) return null;
  const v6 = ipaddr.IPv6.parse(s);
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
  return v6.toRFC5952String();
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
