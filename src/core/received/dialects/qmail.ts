import type { Dialect } from './dialect.js';
import { findComment, findLeading } from './marks.js';

/**
 * qmail: "(qmail 12345 invoked by uid 89)", "(qmail 1234 invoked from network)", and
 * "from rdns (HELO helo) (ip) by host with SMTP". qmail leaves "(HELO …)" out when the HELO
 * name equals the host name; the generic reading then keeps the from word as the HELO name.
 */
export const qmail: Dialect = {
  name: 'qmail',
  detect: (s) => findLeading(s, /^qmail \d+ invoked\b/) !== null || findComment(s, 'from', /^HELO(?: \S+)?$/) !== null,
  apply: (s, f) => {
    if (findLeading(s, /^qmail \d+ invoked\b/) !== null) f.software = 'qmail';
  },
};
