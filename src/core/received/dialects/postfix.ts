import type { Dialect } from './dialect.js';
import { findComment, mark } from './marks.js';

const SOFTWARE = mark(/^Postfix\b/, 'P');

/** Postfix: "from helo (rdns [ip]) (using TLS… ) (Authenticated sender: x) by host (Postfix) with ESMTPS id Q for <r>". */
export const postfix: Dialect = {
  name: 'postfix',
  detect: (s) => findComment(s.first.by, SOFTWARE) !== null,
  apply: (_s, f) => {
    f.software = 'Postfix';
  },
};
