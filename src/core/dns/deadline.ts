import { formatDuration } from '../text/duration.js';
import { DnsError, type DnsAnswer, type QueryOptions, type Resolver, type RRType } from './types.js';

/**
 * How long all of one analysis' DNS questions may take together. A normal analysis needs a few
 * round trips (`npm run bench`); a resolver that answers just under the timeout, or never,
 * would otherwise keep a serial walk (SPF includes, a reverse zone's owner) going for a minute.
 * Past it every open or later question is a temperror that names the deadline.
 */
export const DEFAULT_DEADLINE_MS = 20_000;

/** A resolver whose questions all end by one deadline, and which says so when it passed. */
export interface DeadlineResolver extends Resolver {
  /** The deadline passed while a question was open or before it was asked. */
  passed(): boolean;
}

/**
 * Puts one time budget on every question of an analysis: `deadline` (an AbortSignal.timeout)
 * is joined to each caller's signal with AbortSignal.any, so the request itself is cancelled,
 * and a question still open when it fires, or asked after, fails at once as a DnsError, which
 * every check takes as a temperror naming it. A resolver that never answers and ignores its
 * signal ends there too. A cancel by the caller stays a cancel, at once.
 */
export function deadlineResolver(inner: Resolver, deadline: AbortSignal, ms: number): DeadlineResolver {
  const words = deadlineWords(ms);
  let passed = false;
  return {
    label: inner.label,
    passed: () => passed,
    query(name: string, type: RRType, options: QueryOptions = {}): Promise<DnsAnswer> {
      const expired = () => {
        passed = true;
        return new DnsError('timeout', words, { name, type }, inner.label);
      };
      if (options.signal?.aborted) return Promise.reject(options.signal.reason);
      if (deadline.aborted) return Promise.reject(expired());
      // A signal of its own even without the caller's: listeners go on it, not on the one
      // deadline that every open question shares.
      const signal = AbortSignal.any(options.signal ? [options.signal, deadline] : [deadline]);
      // Raced, not only passed on: a resolver that ignores its signal must not hold the analysis.
      return new Promise<DnsAnswer>((resolve, reject) => {
        const onAbort = () => reject(options.signal?.aborted ? options.signal.reason : expired());
        signal.addEventListener('abort', onAbort, { once: true });
        inner.query(name, type, { ...options, signal }).then(
          (answer) => {
            signal.removeEventListener('abort', onAbort);
            resolve(answer);
          },
          (error: unknown) => {
            signal.removeEventListener('abort', onAbort);
            reject(deadline.aborted && !options.signal?.aborted ? expired() : error);
          },
        );
      });
    },
  };
}

/**
 * "the analysis deadline of 20 s passed": the words every result cut by it carries. A deadline
 * of whole seconds reads as the durations elsewhere; any other is given in ms, since rounding
 * would make 300 ms read "0 s".
 */
export function deadlineWords(ms: number): string {
  return `the analysis deadline of ${ms % 1000 === 0 ? formatDuration(ms / 1000) : `${ms} ms`} passed`;
}
