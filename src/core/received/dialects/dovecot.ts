import type { Dialect } from './dialect.js';
import { findComment } from './marks.js';

/**
 * Dovecot LMTP delivery: "from host ([ip]) by host (Dovecot) with LMTP id ID
 * (envelope-from <x>) for <r>; date". Dovecot names itself only in some versions.
 */
export const dovecot: Dialect = {
  name: 'dovecot',
  detect: (s, f) => /^lmtp$/i.test(f.with ?? '') && (findComment(s, 'by', /^Dovecot$/) !== null || f.envelopeFrom !== null),
  apply: (s, f) => {
    if (findComment(s, 'by', /^Dovecot$/) !== null) f.software = 'Dovecot';
  },
};
