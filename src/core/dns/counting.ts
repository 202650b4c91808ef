import { canonicalName } from '../hostnames/canonical.js';
import { DnsError, type DnsAnswer, type QueryOptions, type Resolver, type RRType } from './types.js';

/** What a report says about the DNS behind it. */
export interface DnsUsage {
  mode: 'live' | 'off';
  resolver: string | null;
  /** Questions that went on the wire for this analysis. */
  queriesSent: number;
  /** Distinct (name, type) questions the checks asked. */
  distinctQuestions: number;
  /** Answers served from cache or shared with an identical question in flight. */
  cacheHits: number;
  /**
   * Distinct questions the resolver gave no answer to at all (network or HTTP error, timeout),
   * as opposed to an answer with a failing rcode such as SERVFAIL.
   */
  unanswered: number;
}

/**
 * The resolver answered none of the analysis's questions: every DNS result is unknown for one
 * shared reason, this side's network or resolver, which views say once instead of per check.
 */
export function resolverFailedEveryQuestion(dns: DnsUsage): boolean {
  return dns.mode === 'live' && dns.distinctQuestions > 0 && dns.unanswered === dns.distinctQuestions;
}

/** The progress of one analysis's questions, counted when asked (not when done), so a wait shows as pending. */
export interface DnsCounters {
  /** Questions asked so far, from cache or not. */
  asked: number;
  /** Of those, answered (any rcode). */
  answered: number;
  /** Of those, given no answer (timeout, network or HTTP error). */
  failed: number;
  pending: number;
}

export interface CountingResolver extends Resolver {
  usage(): Omit<DnsUsage, 'mode' | 'resolver'>;
  /**
   * The error of each distinct question the resolver gave no answer to (timeout, network or
   * HTTP error, …), as opposed to an answer with a failing rcode; cancelled lookups left out.
   */
  unanswered(): string[];
}

/**
 * Counts one analysis's questions on top of a resolver shared by many analyses, so a report
 * can say how many questions went on the wire and how many distinct ones the checks asked.
 */
export function countingResolver(inner: Resolver, onChange?: (counters: DnsCounters) => void): CountingResolver {
  const distinct = new Set<string>();
  /** Question → the error of its last attempt, until an attempt is answered. */
  const failures = new Map<string, string>();
  let sent = 0;
  let asked = 0;
  let answered = 0;
  let failed = 0;
  let pending = 0;
  let cacheHits = 0;
  const report = () => onChange?.({ asked, answered, failed, pending });
  return {
    label: inner.label,
    usage: () => ({ queriesSent: sent, distinctQuestions: distinct.size, cacheHits, unanswered: failures.size }),
    unanswered: () => [...failures.values()],
    async query(name: string, type: RRType, options?: QueryOptions): Promise<DnsAnswer> {
      const key = `${canonicalName(name)} ${type}`;
      distinct.add(key);
      asked++;
      pending++;
      report();
      try {
        const answer = await inner.query(name, type, options);
        if (answer.fromCache) cacheHits++;
        else sent++;
        failures.delete(key);
        answered++;
        return answer;
      } catch (error) {
        sent++;
        failed++;
        if (error instanceof DnsError && error.kind !== 'aborted') failures.set(key, error.message);
        throw error;
      } finally {
        pending--;
        report();
      }
    },
  };
}
