import type { Dialect } from './dialect.js';
import { findComment } from './marks.js';

/** Postfix: "from helo (rdns [ip]) (using TLS… ) (Authenticated sender: x) by host (Postfix) with ESMTPS id Q for <r>". */
export const postfix: Dialect = {
  name: 'postfix',
  detect: (s) => findComment(s, 'by', /^Postfix\b/) !== null,
  apply: (_s, f) => {
    f.software = 'Postfix';
  },
};
