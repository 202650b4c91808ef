import { presentRecord } from './present.js';
import { DnsError, type DnsAnswer, type Question, type QueryOptions, type Rcode, type Resolver, type RRType } from './types.js';

/** One DNS question a check asked and what came back, shown to the user as proof. */
export interface Evidence {
  question: Question;
  /** null when no answer arrived (see error). */
  rcode: Rcode | null;
  error: string | null;
  /** Records in presentation form: "name TTL TYPE data". */
  records: string[];
  resolver: string;
  fromCache: boolean;
  elapsedMs: number;
  authenticated: boolean;
}

export interface RecordingResolver extends Resolver {
  /** Every question asked through this resolver so far, in order, with its outcome. */
  readonly evidence: Evidence[];
}

/** Wraps a resolver so that a check can attach each question and answer to its result. */
export function recordingResolver(inner: Resolver): RecordingResolver {
  const evidence: Evidence[] = [];
  return {
    label: inner.label,
    evidence,
    async query(name: string, type: RRType, options?: QueryOptions): Promise<DnsAnswer> {
      try {
        const answer = await inner.query(name, type, options);
        evidence.push(evidenceOf(answer));
        return answer;
      } catch (error) {
        evidence.push({
          question: { name, type },
          rcode: null,
          error: error instanceof Error ? error.message : String(error),
          records: [],
          resolver: error instanceof DnsError ? error.resolver : inner.label,
          fromCache: false,
          elapsedMs: 0,
          authenticated: false,
        });
        throw error;
      }
    },
  };
}

export function evidenceOf(answer: DnsAnswer): Evidence {
  return {
    question: answer.question,
    rcode: answer.rcode,
    error: null,
    records: [...answer.answers, ...answer.authority.filter((r) => r.type === 'SOA')].map(presentRecord),
    resolver: answer.resolver,
    fromCache: answer.fromCache,
    elapsedMs: answer.elapsedMs,
    authenticated: answer.authenticated,
  };
}
