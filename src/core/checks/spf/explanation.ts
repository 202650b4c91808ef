import { DnsError, recordsOf } from '../../dns/types.js';
import { expandDomain, isQueryable } from './domain.js';
import { expandMacros, parseMacroString } from './macro.js';
import type { DomainModifier } from './record.js';
import { macroValues, type Session } from './session.js';
import { SpfSyntaxError } from './syntax-error.js';

/**
 * The domain's own explanation of a "fail" (§6.2): the one TXT record at the exp= target,
 * macro-expanded. Any trouble (DNS error, no record or several, bad syntax, non-ASCII) means
 * the explanation is left out: null. This lookup counts against no limit.
 */
export async function fetchExplanation(s: Session, exp: DomainModifier, domain: string): Promise<string | null> {
  const target = await expandDomain(exp.target, macroValues(s, domain));
  const skip = (why: string): null => {
    s.trace.push({ domain, record: null, term: exp.text, note: `explanation left out: ${why}`, depth: 0 });
    return null;
  };
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
    const text = await expandMacros(parseMacroString(texts[0]!, 'explanation'), macroValues(s, domain));
    s.trace.push({ domain, record: null, term: exp.text, note: `explanation from ${target}`, depth: 0 });
    return text;
  } catch (error) {
    if (error instanceof SpfSyntaxError) return skip(`the text at ${target} is not a valid explanation (${error.message})`);
    throw error;
  }
}
