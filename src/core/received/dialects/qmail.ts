import type { Dialect } from './dialect.js';
import { findComment, findLeading, mark } from './marks.js';

const INVOKED = mark(/^qmail \d+ invoked\b/, 'q');
const GREETING = mark(/^HELO(?: \S+)?$/, 'H');

/**
 * qmail: "(qmail 12345 invoked by uid 89)", "(qmail 1234 invoked from network)", and
 * "from rdns (HELO helo) (ip) by host with SMTP". qmail leaves "(HELO …)" out when the HELO
 * name equals the host name; the generic reading then keeps the from word as the HELO name.
 */
export const qmail: Dialect = {
  name: 'qmail',
  detect: (s) => findLeading(s, INVOKED) !== null || findComment(s.first.from, GREETING) !== null,
  apply: (s, f) => {
    if (findLeading(s, INVOKED) !== null) f.software = 'qmail';
  },
};
