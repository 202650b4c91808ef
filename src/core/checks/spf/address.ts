import ipaddr from 'ipaddr.js';
import { parseIPv6 } from '../../net/ip.js';
import { nibblesOf } from '../../net/reverse.js';

export type Address = ipaddr.IPv4 | ipaddr.IPv6;

const QNUM = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const DOTTED_QUAD = new RegExp(`^${QNUM}(?:\\.${QNUM}){3}$`);

/** ip4-network of RFC 7208 §5.6: a dotted quad, no leading zeros, nothing left out. */
export function parseIp4(text: string): ipaddr.IPv4 | null {
  return DOTTED_QUAD.test(text) ? ipaddr.IPv4.parse(text) : null;
}

/** ip6-network of §5.6 (RFC 4291 text forms, an embedded dotted quad included). */
export function parseIp6(text: string): ipaddr.IPv6 | null {
  if (!text.includes(':')) return null;
  const quad = /[0-9.]+$/.exec(text)?.[0];
  // §5.6 wants the embedded quad in ip4-network form too: no leading zeros.
  if (quad?.includes('.') && !parseIp4(quad)) return null;
  return parseIPv6(text);
}

/** The SMTP client's address; IPv4-mapped IPv6 is IPv4, as §5 requires. */
export function parseClient(text: string): Address | null {
  const trimmed = text.trim();
  const v4 = parseIp4(trimmed);
  if (v4) return v4;
  const v6 = parseIp6(trimmed);
  if (!v6) return null;
  return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
}

export function inNetwork(client: Address, network: Address, bits: number): boolean {
  if (client.kind() !== network.kind()) return false;
  return client.kind() === 'ipv4' ? (client as ipaddr.IPv4).match(network as ipaddr.IPv4, bits) : (client as ipaddr.IPv6).match(network as ipaddr.IPv6, bits);
}

/** %{i}: the dotted quad, or 32 dot-separated nibbles for IPv6 (uppercase, as the RFC 7208 test suite writes them). */
export function dottedForm(addr: Address): string {
  if (addr.kind() === 'ipv4') return addr.toString();
  return nibblesOf(addr).join('.').toUpperCase();
}

/** %{c}: the address as people write it (RFC 5952 for IPv6). */
export function humanForm(addr: Address): string {
  return addr.kind() === 'ipv4' ? addr.toString() : (addr as ipaddr.IPv6).toRFC5952String();
}
