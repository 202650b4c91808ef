import { leadingWords } from '../grammar.js';
import type { Dialect } from './dialect.js';
import { findComment, mark } from './marks.js';
import { isAtOrUnder } from '../../hostnames/canonical.js';

const MICROSOFT = /^Microsoft\b/;
const MAPI = /^mapi$/i;
const TRANSPORT = /\bTransport$/i;
const SMTPSVC = /SMTPSVC$/;
/** IIS's "with Microsoft SMTPSVC(7.5.7601.23143)": the version is a comment after the words. */
const SMTPSVC_VERSION = mark(/^[\d.]+$/, '0.');

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
    // Both protocol marks start with an "m": other words need no pattern run.
    return (
      ((words.charCodeAt(0) | 32) === 109 && (MICROSOFT.test(words) || MAPI.test(words))) ||
      (f.via !== null && TRANSPORT.test(f.via)) ||
      isAtOrUnder(f.by, 'outlook.com') ||
      isAtOrUnder(f.by, 'office365.com')
    );
  },
  apply: (s, f) => {
    // "from mail pickup service by …": a description, not a HELO name.
    if ((leadingWords(s.first.from) ?? '').includes(' ')) f.helo = null;
    const words = leadingWords(s.first.with);
    if (words === null || !MICROSOFT.test(words)) return;
    f.with = words;
    const version = SMTPSVC.test(words) ? findComment(s.first.with, SMTPSVC_VERSION) : null;
    f.software = version === null ? words : `${words}(${version.match[0]})`;
  },
};
