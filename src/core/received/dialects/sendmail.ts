import { bareNameComment, fromHostInfo, writtenHostWord } from '../generic.js';
import { clauseValue } from '../grammar.js';
import { cleanHostName } from '../hostinfo.js';
import type { Dialect } from './dialect.js';
import { findComment, mark } from './marks.js';

/** Sendmail's "($v/$Z)" after by: its version and the configuration's, e.g. "8.15.2/8.15.2/Debian-14". */
const VERSION = mark(/^\d+\.\d+\.\d+(?:\.\d+)?\/\S+$/, '0');

/**
 * Sendmail: "from helo (rdns [ip] (may be forged)) (authenticated bits=0) by host (8.15.2/8.15.2)
 * with ESMTPS id Q (version=TLSv1.3 cipher=X bits=256 verify=NO) for <r>; date (envelope-from x)".
 *
 * "from X (Y)": Y is the reverse DNS name. The template (cf/m4/proto.m4, "HReceived:
 * $?sfrom $s $.$?_($?s$|from $.$_)") writes the HELO name $s as the from word and $_, the
 * validated client host, in the comment: "rdns [ip]" when it knows the address, the name alone
 * when it does not.
 */
export const sendmail: Dialect = {
  name: 'sendmail',
  detect: (s) => findComment(s.first.by, VERSION) !== null,
  apply: (s, f) => {
    const version = findComment(s.first.by, VERSION);
    if (version !== null) f.software = `Sendmail ${version.match[0]}`;
    const host = fromHostInfo(s) === null ? bareNameComment(s) : null;
    if (host !== null) f.rdns = cleanHostName(host);
    // The from word is $s, the HELO argument as the client sent it, and is written only when
    // there was one: a greeting of "unknown" or "HELLO" is what the client said, not a stand-in.
    f.helo ??= writtenHostWord(clauseValue(s.first.from));
  },
};
