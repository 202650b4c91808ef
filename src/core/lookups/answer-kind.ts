import { recordsOf, type DnsAnswer, type RRType } from '../dns/types.js';

/**
 * What an answer says about the asked name.
 *
 * Only NOERROR and NXDOMAIN speak about the name itself. SERVFAIL, REFUSED, FORMERR, NOTIMP and
 * any other rcode say that the resolver (or the authoritative servers behind it) could not or
 * would not answer: another attempt, later or elsewhere, may well succeed, so every check
 * treats them like a timeout — "transient" — and reports temperror rather than a verdict.
 */
export type AnswerKind = 'records' | 'nodata' | 'nxdomain' | 'transient';

export function answerKind(answer: DnsAnswer, type: RRType): AnswerKind {
  if (answer.rcode === 'NXDOMAIN') return recordsOf(answer, type).length > 0 ? 'records' : 'nxdomain';
  if (answer.rcode !== 'NOERROR') return 'transient';
  return recordsOf(answer, type).length > 0 ? 'records' : 'nodata';
}
