import { canonicalName } from './names.js';
import type { DnsAnswer, QueryOptions, Resolver, RRType } from './types.js';
import type { DnsUsage } from '../report/types.js';

export interface DnsCounters {
  sent: number;
  answered: number;
  pending: number;
}

export interface CountingResolver extends Resolver {
  usage(): Omit<DnsUsage, 'mode' | 'resolver'>;
}

/**
 * Counts one analysis's questions on top of a resolver shared by many analyses, so a report
 * can say how many questions went on the wire and how many distinct ones the checks asked.
 */
export function countingResolver(inner: Resolver, onChange?: (counters: DnsCounters) => void): CountingResolver {
  const distinct = new Set<string>();
  let sent = 0;
  let answered = 0;
  let pending = 0;
  let cacheHits = 0;
  const report = () => onChange?.({ sent, answered, pending });
  return {
    label: inner.label,
    usage: () => ({ queriesSent: sent, distinctQuestions: distinct.size, cacheHits }),
    async query(name: string, type: RRType, options?: QueryOptions): Promise<DnsAnswer> {
      distinct.add(`${canonicalName(name)} ${type}`);
      pending++;
      report();
      try {
        const answer = await inner.query(name, type, options);
        if (answer.fromCache) cacheHits++;
        else sent++;
        return answer;
      } catch (error) {
        sent++;
        throw error;
      } finally {
        pending--;
        answered++;
        report();
      }
    },
  };
}
