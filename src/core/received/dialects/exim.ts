import { normalizeIp } from '../../net/ip.js';
import { clauseValue } from '../grammar.js';
import { cleanHostName } from '../hostinfo.js';
import { bareNameComment, fromHostInfo, hostWord } from '../generic.js';
import type { Dialect } from './dialect.js';
import { findComment, mark } from './marks.js';

/** "Exim 4.96", and before Exim 4 with a build number: "Exim 3.36 #1". */
const SOFTWARE = mark(/^(Exim \d[\d.]*\S*)(?: #\d+)?$/, 'E');
/** Message ids: "1abcDE-000123-Xy" (up to 4.96) and "1sEQ4x-00000000Abc-1234" (4.97 on). */
const EXIM_ID = /^[0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4}$/;

/** Only a word of an Exim id's length with its first "-" in place is matched against the pattern. */
function isEximId(id: string | undefined): boolean {
  return id !== undefined && id.length >= 15 && id.length <= 23 && id.charCodeAt(6) === 45 && EXIM_ID.test(id);
}

/**
 * Exim: "from rdns ([ip]:port helo=name)" or "from [ip] (port=n helo=name)", then
 * "by host with esmtps (TLS1.3) tls CIPHER (Exim 4.96) (envelope-from <x>) id ID for r".
 * The from word is the verified host name or the address, never the HELO name. Exim leaves
 * "helo=" out when the EHLO name equals that host name, so with an ESMTP protocol the name
 * is the HELO name too; "with local" means the from word is a local user.
 *
 * "from X (Y)": Y is the HELO name. Exim before version 3 wrote "from rdns (helo) [ip]", and
 * every Exim since writes its verified name or the address as the from word and the greeting in
 * the comment ("helo=…" since Exim 3, the bare name before; Exim's spec, received_header_text
 * and $sender_rcvhost). The address literal after the comment is read generically.
 */
export const exim: Dialect = {
  name: 'exim',
  detect: (s) => findComment(s.first.with, SOFTWARE) !== null || findComment(s.first.by, SOFTWARE) !== null || isEximId(clauseValue(s.first.id)?.text),
  apply: (s, f) => {
    const software = findComment(s.first.with, SOFTWARE) ?? findComment(s.first.by, SOFTWARE);
    if (software !== null) f.software = software.match[1] as string;
    const fromWord = clauseValue(s.first.from);
    if (fromWord === null || fromWord.kind !== 'word') return;
    const info = fromHostInfo(s);
    const greeting = info === null ? bareNameComment(s) : null;
    if (greeting !== null) {
      f.rdns = cleanHostName(fromWord.text);
      f.helo = greeting;
      return;
    }
    if ((f.with ?? '').toLowerCase() === 'local' || (info === null && !fromWord.text.startsWith('['))) {
      f.helo = null;
      f.rdns = null;
      return;
    }
    if (info?.helo != null) return;
    if (fromWord.text.startsWith('[')) {
      f.ip ??= normalizeIp(fromWord.text);
      f.helo = null;
      return;
    }
    f.rdns = cleanHostName(fromWord.text);
    f.helo = /^esmtp/i.test(f.with ?? '') ? hostWord(fromWord) : null;
  },
};
