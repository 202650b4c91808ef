import { DnsError, type DnsAnswer, type Rcode, type Resolver, type RRType } from '../dns/types.js';
import { answerKind } from './answer-kind.js';

/** A lookup that got no usable answer: a non-deciding rcode, or no answer at all. */
export interface FailedLookup {
  name: string;
  type: RRType;
  /** null when the resolver itself gave no answer (see error). */
  rcode: Rcode | null;
  /** The resolver's error when no answer arrived. */
  error: string | null;
}

/** One question's outcome: an answer that speaks about the name, or the lookup that failed. */
export type Lookup =
  | { failed: null; answer: DnsAnswer; kind: 'records' | 'nodata' | 'nxdomain' }
  /** An answer whose rcode says nothing about the name (SERVFAIL, REFUSED, …). */
  | { failed: FailedLookup; answer: DnsAnswer; kind: 'transient' }
  /** No answer arrived. */
  | { failed: FailedLookup; answer: null; kind: 'transient' };

/**
 * Asks one question and never rejects for DNS trouble: no answer at all (a DnsError: timeout,
 * network, HTTP, cancelled) and an rcode that says nothing about the name (see answerKind) both
 * come back as `failed`, for a temperror that names the question. Anything else is a bug and
 * rejects.
 */
export async function lookUp(resolver: Resolver, name: string, type: RRType, signal?: AbortSignal): Promise<Lookup> {
  let answer: DnsAnswer;
  try {
    answer = await resolver.query(name, type, { signal });
  } catch (error) {
    if (!(error instanceof DnsError)) throw error;
    return { failed: { name, type, rcode: null, error: error.message }, answer: null, kind: 'transient' };
  }
  const kind = answerKind(answer, type);
  if (kind === 'transient') return { failed: { name, type, rcode: answer.rcode, error: null }, answer, kind };
  return { failed: null, answer, kind };
}

/** "SERVFAIL" or the transport error, for sentences about a lookup that failed. */
export function failureOf(lookup: { rcode: Rcode | null; error: string | null }): string {
  return lookup.error ?? lookup.rcode ?? 'no answer';
}
