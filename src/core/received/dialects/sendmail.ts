import type { Dialect } from './dialect.js';
import { findComment } from './marks.js';

/** Sendmail's "($v/$Z)" after by: its version and the configuration's, e.g. "8.15.2/8.15.2/Debian-14". */
const VERSION = /^\d+\.\d+\.\d+(?:\.\d+)?\/\S+$/;

/**
 * Sendmail: "from helo (rdns [ip] (may be forged)) (authenticated bits=0) by host (8.15.2/8.15.2)
 * with ESMTPS id Q (version=TLSv1.3 cipher=X bits=256 verify=NO) for <r>; date (envelope-from x)".
 */
export const sendmail: Dialect = {
  name: 'sendmail',
  detect: (s) => findComment(s, 'by', VERSION) !== null,
  apply: (s, f) => {
    const version = findComment(s, 'by', VERSION);
    if (version !== null) f.software = `Sendmail ${version.match[0]}`;
  },
};
