import { normalizeIp } from '../../net/ip.js';
import type { Dialect } from './dialect.js';
import { findComment, mark } from './marks.js';
import { isAtOrUnder } from '../../hostnames/canonical.js';

const HERMES = mark(/Hermes SMTP Server$/);
const VZM_HERMES = mark(/^VZM Hermes SMTP Server$/, 'V');

/**
 * Yahoo and AOL: "from ip (EHLO helo) (ip) by host with SMTPS", "from host by host with HTTP",
 * "by hermes--… (VZM Hermes SMTP Server) with ESMTPA ID …". The "(EHLO name)" shape is read
 * generically; this reads the bare address and names the software where written.
 */
export const yahoo: Dialect = {
  name: 'yahoo',
  detect: (s, f) => isAtOrUnder(f.by, 'yahoo.com') || isAtOrUnder(f.by, 'aol.com') || findComment(s.first.by, HERMES) !== null,
  apply: (s, f) => {
    // "from 10.197.32.141 by …": Yahoo writes the client address, not a HELO name, as the from word.
    const asIp = f.helo === null ? null : normalizeIp(f.helo);
    if (asIp !== null && !f.helo?.startsWith('[')) {
      f.ip ??= asIp;
      f.helo = null;
    }
    const software = findComment(s.first.by, VZM_HERMES);
    if (software !== null) f.software = software.match[0];
  },
};
