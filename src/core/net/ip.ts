import ipaddr from 'ipaddr.js';
import type { IpClass } from './types.js';

/**
 * An IP address as it appears in mail headers ("1.2.3.4", "[1.2.3.4]", "IPv6:2001:DB8::1",
 * "[IPv6:2001:db8::1]", "fe80::1%eth0") in canonical form: IPv4 dotted quad, IPv6 per
 * RFC 5952, IPv4-mapped IPv6 as IPv4, zone id dropped. Null for anything that is not an address.
 */
export function normalizeIp(text: string): string | null {
  // An address starts with a hex digit, ":", "[" or "IPv6:", after white space that trim removes
  // (any below 33, and some past ASCII): the host names this is mostly asked about are turned
  // away by their first letter.
  const first = text.charCodeAt(0);
  if (first > 32 && first < 128 && !isHexDigit(first) && first !== COLON && first !== 91 && (first | 32) !== 105) return null;
  let s = text.trim();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1).trim();
  if (s.length > 5 && (s.charCodeAt(0) | 32) === 105 && /^ipv6:/i.test(s)) s = s.slice(5);
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (s.length === 0 || s.length > 64) return null;
  // Only the dotted-quad form without leading zeros: ipaddr.js also reads "1", "0x7f.1" and
  // octal parts, which no MTA writes. Hand-written, because this runs for every word of every
  // Received header that might be an address, and the library's exception-driven parse is slow.
  if (s.indexOf(':') < 0) return dottedQuad(s, 0) < 0 ? null : s;
  if (!ipv6Groups(s)) return null;
  const groups = GROUPS;
  // IPv4-mapped (::ffff:0:0/96) is given as IPv4.
  if (groups[0] === 0 && groups[1] === 0 && groups[2] === 0 && groups[3] === 0 && groups[4] === 0 && groups[5] === 0xffff) {
    const [g6, g7] = [groups[6] as number, groups[7] as number];
    return `${g6 >> 8}.${g6 & 255}.${g7 >> 8}.${g7 & 255}`;
  }
  return rfc5952(groups);
}

/**
 * The dotted quad from `start` to the end of s ("192.0.2.1"; no leading zeros, no other forms)
 * as one unsigned 32-bit number, or -1.
 */
function dottedQuad(s: string, start: number): number {
  let address = 0;
  let octets = 0;
  let value = 0;
  let digits = 0;
  for (let i = start; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || value > 255 || octets === 4) return -1;
      address = address * 256 + value;
      octets++;
      value = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits === 1 && value === 0) return -1;
      if (++digits > 3) return -1;
      value = value * 10 + (c - 48);
    } else {
      return -1;
    }
  }
  return octets === 4 ? address : -1;
}

/**
 * Where ipv6Groups leaves the groups it read: one buffer for every address, since this runs for
 * every address of every Received header and its caller reads the groups at once.
 */
const GROUPS = new Int32Array(8);

/**
 * Reads the eight 16-bit groups of IPv6 text (RFC 4291 §2.2, a trailing dotted quad included)
 * into GROUPS: one scan, no substrings. False when the text is no IPv6 address.
 */
function ipv6Groups(s: string): boolean {
  const n = s.length;
  let count = 0;
  /** Where "::" stands among the groups, or -1. */
  let gap = -1;
  let i = 0;
  if (s.charCodeAt(0) === COLON) {
    if (n < 2 || s.charCodeAt(1) !== COLON) return false;
    gap = 0;
    i = 2;
  }
  while (i < n) {
    const start = i;
    let value = 0;
    for (; i < n && i - start <= 4; i++) {
      const c = s.charCodeAt(i) | 32;
      const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
      if (digit < 0) break;
      value = value * 16 + digit;
    }
    // Every read is before the end: one past it gives NaN, and V8 then compiles the scan for
    // values that may not be small integers.
    if (i < n && s.charCodeAt(i) === DOT) {
      // A dotted quad may stand for the last two groups, and only there.
      const quad = dottedQuad(s, start);
      if (quad < 0 || count > 6) return false;
      GROUPS[count++] = quad >>> 16;
      GROUPS[count++] = quad & 0xffff;
      break;
    }
    // A ninth group makes it no address, with or without "::".
    if (i === start || i - start > 4 || count === 8) return false;
    GROUPS[count++] = value;
    if (i === n) break;
    if (s.charCodeAt(i) !== COLON) return false;
    i++;
    if (i < n && s.charCodeAt(i) === COLON) {
      if (gap >= 0) return false;
      gap = count;
      i++;
    } else if (i === n) {
      return false;
    }
  }
  if (gap < 0) return count === 8;
  if (count > 7) return false;
  // The groups after "::" move to the end, zeros fill the gap.
  const tail = count - gap;
  for (let k = tail - 1; k >= 0; k--) GROUPS[8 - tail + k] = GROUPS[gap + k] as number;
  GROUPS.fill(0, gap, 8 - tail);
  return true;
}

const COLON = 58;
const DOT = 46;

function isHexDigit(c: number): boolean {
  const lower = c | 32;
  return (c >= 48 && c <= 57) || (lower >= 97 && lower <= 102);
}

/** RFC 5952 §4: lower case, no leading zeros, the longest run of two or more zero groups (the first of equals) as "::". */
function rfc5952(groups: Int32Array): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  let out = '';
  // Whether a group was written last, so the next needs a ":" before it; "::" needs none.
  let afterGroup = false;
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      out += '::';
      i += bestLength - 1;
      afterGroup = false;
      continue;
    }
    if (afterGroup) out += ':';
    out += hexGroup(groups[i] as number);
    afterGroup = true;
  }
  return out;
}

/** A 16-bit group in lower-case hex without leading zeros, as toString(16) writes it, without that builtin's cost. */
function hexGroup(v: number): string {
  const a = v >> 12;
  const b = (v >> 8) & 15;
  const c = (v >> 4) & 15;
  const d = v & 15;
  if (a !== 0) return String.fromCharCode(hexDigit(a), hexDigit(b), hexDigit(c), hexDigit(d));
  if (b !== 0) return String.fromCharCode(hexDigit(b), hexDigit(c), hexDigit(d));
  if (c !== 0) return String.fromCharCode(hexDigit(c), hexDigit(d));
  return String.fromCharCode(hexDigit(d));
}

function hexDigit(x: number): number {
  return x < 10 ? 48 + x : 87 + x;
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
