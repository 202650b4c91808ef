import { leadingWords } from '../grammar.js';
import type { Dialect } from './dialect.js';
import { findComment } from './marks.js';
import { isAtOrUnder } from '../../hostnames/canonical.js';

/**
 * Microsoft Exchange (on premises) and Microsoft 365: "from helo (ip) by host (ip) with
 * Microsoft SMTP Server (version=TLS1_2, cipher=X) id 15.20.… via Frontend Transport", "with mapi",
 * "with HTTPS", and the older IIS "with Microsoft SMTPSVC(7.5.7601.23143)". The protocol is
 * several words here.
 */
export const microsoft: Dialect = {
  name: 'exchange',
  detect: (s, f) => {
    const words = leadingWords(s.first.with) ?? '';
    return (
      /^Microsoft\b/.test(words) ||
      /^mapi$/i.test(words) ||
      /\bTransport$/i.test(f.via ?? '') ||
      isAtOrUnder(f.by, 'outlook.com') ||
      isAtOrUnder(f.by, 'office365.com')
    );
  },
  apply: (s, f) => {
    // "from mail pickup service by …": a description, not a HELO name.
    if ((leadingWords(s.first.from) ?? '').includes(' ')) f.helo = null;
    const words = leadingWords(s.first.with);
    if (words === null || !/^Microsoft\b/.test(words)) return;
    f.with = words;
    const version = /SMTPSVC$/.test(words) ? findComment(s, 'with', /^[\d.]+$/) : null;
    f.software = version === null ? words : `${words}(${version.match[0]})`;
  },
};
