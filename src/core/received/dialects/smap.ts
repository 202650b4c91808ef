import { cleanHostName } from '../hostinfo.js';
import { isCaseless } from '../keywords.js';
import type { ReceivedSyntax } from '../grammar.js';
import type { Dialect } from './dialect.js';
import { findComment, mark } from './marks.js';

const VERSION = mark(/^V[\d.]+$/, 'V');
const SMAP = /^smap$/i;

/** The quoted name after "claiming to be" in the from clause, or null. */
function claimed(syntax: ReceivedSyntax): string | null {
  const tokens = syntax.first.from?.tokens ?? [];
  for (let i = 0; i + 3 < tokens.length && i < 12; i++) {
    const [a, b, c, d] = [tokens[i], tokens[i + 1], tokens[i + 2], tokens[i + 3]];
    if (a?.kind === 'word' && isCaseless(a.text, 'claiming') && b !== undefined && isCaseless(b.text, 'to') && c !== undefined && isCaseless(c.text, 'be')) {
      return d?.kind === 'quoted' || d?.kind === 'word' ? d.text : null;
    }
  }
  return null;
}

/**
 * The TIS Firewall Toolkit's smap and the Gauntlet firewall after it: "from rdns(ip) by fw via
 * smap (V2.0) id xma012345; date" and "from rdns(ip), claiming to be "helo" via SMTP by fw, id
 * smtpdAAAa12345; date". The from word is the name the firewall found for the address
 * ("unknown" when it found none), glued to the address in parentheses; the client's greeting
 * appears only after "claiming to be".
 */
export const smap: Dialect = {
  name: 'smap',
  detect: (s, f) => SMAP.test(f.via ?? '') || claimed(s) !== null,
  apply: (s, f) => {
    f.rdns = f.helo === null ? null : cleanHostName(f.helo);
    f.helo = claimed(s);
    const version = SMAP.test(f.via ?? '') ? findComment(s.first.via, VERSION) : null;
    if (version !== null) f.software = `smap ${version.match[0]}`;
  },
};
