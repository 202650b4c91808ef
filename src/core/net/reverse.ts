import ipaddr from 'ipaddr.js';

/**
 * The reverse-lookup name of an address: "4.3.2.1.in-addr.arpa" or the 32 nibbles under
 * ip6.arpa (RFC 3596 §2.5). Throws on text that is not an address.
 */
export function reverseName(ip: string): string {
  const addr = ipaddr.parse(ip);
  if (addr.kind() === 'ipv4') return `${addr.toByteArray().reverse().join('.')}.in-addr.arpa`;
  return `${nibblesOf(addr).reverse().join('.')}.ip6.arpa`;
}

/** The 32 hex digits of an IPv6 address, most significant first, lowercase. */
export function nibblesOf(addr: ipaddr.IPv4 | ipaddr.IPv6): string[] {
  const nibbles: string[] = [];
  for (const byte of addr.toByteArray()) nibbles.push((byte >> 4).toString(16), (byte & 15).toString(16));
  return nibbles;
}
