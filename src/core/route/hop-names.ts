import { normalizeIp } from '../net/ip.js';
import type { Hop } from './types.js';

/** The receiving server of a hop as its Received header names it. */
export const byName = (hop: Hop): string => hop.received.by ?? 'an unnamed server';

/** The name a hop's client is known by: the receiver's reverse DNS first, the HELO name it gave second. */
export function clientName(hop: Hop): string | null {
  const { rdns, helo } = hop.received;
  if (rdns) return rdns;
  if (helo && normalizeIp(helo) === null) return helo;
  return null;
}
