import { type ReceivedSyntax, leadingWords } from '../grammar.js';
import type { Dialect } from './dialect.js';

const PROTOCOL = /^\[XMail (\S+) (\S+) Server\]$/;
const REPEATED_FROM = 'repeated "from" clause ignored';

/** The envelope sender XMail writes as a second from clause, after "for". */
function envelopeSender(syntax: ReceivedSyntax): string | null {
  const second = syntax.clauses.filter((c) => c.name === 'from')[1];
  const value = second?.tokens.find((t) => t.kind !== 'comment');
  return value?.kind === 'angle' ? value.text : null;
}

/**
 * XMail: "from helo (ip:port) by host with [XMail 1.27 ESMTP Server] id <S1A2B3> for <rcpt>
 * from <sender>; date". The protocol sits inside the bracketed server name, and the envelope
 * sender follows as a second from clause: that is XMail's shape, not a repeated clause.
 */
export const xmail: Dialect = {
  name: 'xmail',
  detect: (s) => (leadingWords(s.first.with) ?? '').startsWith('[XMail '),
  apply: (s, f) => {
    const m = PROTOCOL.exec(leadingWords(s.first.with) ?? '');
    if (m !== null) {
      f.with = m[2] as string;
      f.software = `XMail ${m[1] as string}`;
    }
    const sender = envelopeSender(s);
    if (sender !== null) {
      f.envelopeFrom = sender;
      f.warnings = f.warnings.filter((w) => w !== REPEATED_FROM);
    }
  },
};
