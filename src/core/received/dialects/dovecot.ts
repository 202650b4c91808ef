import type { Dialect } from './dialect.js';
import { findComment, mark } from './marks.js';

const SOFTWARE = mark(/^Dovecot$/, 'D');
const LMTP = /^lmtp$/i;

/**
 * Dovecot LMTP delivery: "from host ([ip]) by host (Dovecot) with LMTP id ID
 * (envelope-from <x>) for <r>; date". Dovecot names itself only in some versions.
 */
export const dovecot: Dialect = {
  name: 'dovecot',
  detect: (s, f) => LMTP.test(f.with ?? '') && (findComment(s.first.by, SOFTWARE) !== null || f.envelopeFrom !== null),
  apply: (s, f) => {
    if (findComment(s.first.by, SOFTWARE) !== null) f.software = 'Dovecot';
  },
};
