import { DnsError, recordsOf } from '../../dns/types.js';
import { expandDomain, isQueryable } from './domain.js';
import { expandWithin, parseMacroString } from './macro.js';
import type { DomainModifier } from './record.js';
import { macroValues, type Session } from './session.js';
import { SpfStop } from './stop.js';
import { SpfSyntaxError } from './syntax-error.js';

/**
 * The longest explanation kept. §6.2 meant it for the SMTP reply that refuses the message, and
 * RFC 5321 §4.5.3.1.5 gives a reply line 512 octets; a record that expands to more (a few
 * macros can make hundreds of megabytes) is cut, so that no report, export or JSON grows with it.
 */
export const MAX_EXPLANATION = 512;

/**
 * The domain's own explanation of a "fail" (§6.2): the one TXT record at the exp= target,
 * macro-expanded. Any trouble (DNS error, no record or several, bad syntax, non-ASCII) means
 * the explanation is left out: null. This lookup counts against no limit.
 */
export async function fetchExplanation(s: Session, exp: DomainModifier, domain: string): Promise<string | null> {
  const skip = (why: string): null => {
    s.trace.push({ domain, record: null, term: exp.text, note: `explanation left out: ${why}`, depth: 0 });
    return null;
  };
  let target: string;
  try {
    target = await expandDomain(exp.target, macroValues(s, domain));
  } catch (error) {
    if (error instanceof SpfStop) return skip(error.message);
    throw error;
  }
  if (!isQueryable(target)) return skip(`${target} cannot be looked up`);
  let texts: string[];
  try {
    const answer = await s.resolver.query(target, 'TXT', { signal: s.signal });
    if (answer.rcode !== 'NOERROR') return skip(`the TXT lookup of ${target} answered ${answer.rcode}`);
    texts = recordsOf(answer, 'TXT').map((r) => r.data.join(''));
  } catch (error) {
    if (error instanceof DnsError) return skip(`the TXT lookup of ${target} failed (${error.message})`);
    throw error;
  }
  if (texts.length !== 1) return skip(`${target} has ${texts.length} TXT records, not exactly one`);
  try {
    const window = { keep: 'head', chars: MAX_EXPLANATION } as const;
    const { text, cut } = await expandWithin(parseMacroString(texts[0]!, 'explanation'), macroValues(s, domain), window);
    const note = cut ? `explanation from ${target}, cut at ${MAX_EXPLANATION} characters` : `explanation from ${target}`;
    s.trace.push({ domain, record: null, term: exp.text, note, depth: 0 });
    return cut ? `${text}…` : text;
  } catch (error) {
    if (error instanceof SpfSyntaxError) return skip(`the text at ${target} is not a valid explanation (${error.message})`);
    if (error instanceof SpfStop) return skip(error.message);
    throw error;
  }
}
