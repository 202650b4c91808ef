import { canonicalName } from '../hostnames/canonical.js';
import { DnsError, type DnsAnswer, type QueryOptions, type Resolver, type RRType } from './types.js';

export interface CacheOptions {
  /** Most questions kept; the least recently used go first. */
  maxEntries?: number;
  /** Milliseconds clock, injectable for tests. */
  now?: () => number;
}

export interface CacheStats {
  /** Questions asked through this cache. */
  asked: number;
  /** Answered from a stored answer. */
  cacheHits: number;
  /** Answered by joining the same question already on the wire. */
  shared: number;
  /** Distinct questions on the wire right now. */
  inFlight: number;
  /** Answers stored. */
  entries: number;
}

export type CachingResolver = Resolver & { stats(): CacheStats };

const DEFAULT_MAX_ENTRIES = 5000;
/**
 * How long a failure is kept: SERVFAIL, REFUSED and the like, and transport errors (timeout,
 * HTTP, network, malformed answers). RFC 9520 asks resolvers to keep resolution failures for at
 * least one second; a few seconds mean that one analysis, which may ask the same question from
 * several checks, waits for a dead server once, while a new run after the user fixed something
 * asks again. Cancelled lookups are never kept.
 */
const FAILURE_TTL_SECONDS = 5;

interface Entry {
  storedAt: number;
  expiresAt: number;
  outcome: { answer: DnsAnswer } | { error: unknown };
}

interface Flight {
  promise: Promise<DnsAnswer>;
  controller: AbortController;
  waiters: number;
}

/**
 * A cache in front of a resolver, keyed by (canonical name, type): answers live for the
 * smallest TTL of their records, negative answers for min(SOA TTL, SOA minimum) as RFC 2308 §5
 * says (not at all when they carry no SOA). The same question is never on the wire twice at
 * once: later callers join the one in flight. Every answer not fetched for its caller carries
 * fromCache: true. A caller that aborts leaves the others waiting; the query itself is
 * cancelled only when nobody waits for it any more.
 */
export function cachingResolver(inner: Resolver, options: CacheOptions = {}): CachingResolver {
  const maxEntries = Math.max(1, options.maxEntries ?? DEFAULT_MAX_ENTRIES);
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const flights = new Map<string, Flight>();
  const counts = { asked: 0, cacheHits: 0, shared: 0 };

  function store(key: string, ttlSeconds: number, outcome: Entry['outcome']): void {
    if (ttlSeconds <= 0) return;
    const storedAt = now();
    entries.delete(key);
    entries.set(key, { storedAt, expiresAt: storedAt + ttlSeconds * 1000, outcome });
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  }

  function lookup(key: string): Entry | undefined {
    const entry = entries.get(key);
    if (!entry) return undefined;
    entries.delete(key);
    if (now() >= entry.expiresAt) return undefined;
    entries.set(key, entry);
    return entry;
  }

  function launch(key: string, name: string, type: RRType): Flight {
    const controller = new AbortController();
    const land = () => {
      if (flights.get(key) === flight) flights.delete(key);
    };
    const promise = inner.query(name, type, { signal: controller.signal }).then(
      (answer) => {
        land();
        if (!controller.signal.aborted) store(key, ttlOf(answer), { answer });
        return answer;
      },
      (error: unknown) => {
        land();
        const cancelled = controller.signal.aborted || (error instanceof DnsError && error.kind === 'aborted');
        if (!cancelled) store(key, FAILURE_TTL_SECONDS, { error });
        throw error;
      },
    );
    const flight: Flight = { promise, controller, waiters: 0 };
    flights.set(key, flight);
    return flight;
  }

  function join(key: string, flight: Flight, name: string, type: RRType, shared: boolean, signal?: AbortSignal): Promise<DnsAnswer> {
    flight.waiters++;
    return new Promise<DnsAnswer>((resolve, reject) => {
      let left = false;
      const leave = (): boolean => {
        if (left) return false;
        left = true;
        signal?.removeEventListener('abort', onAbort);
        flight.waiters--;
        return true;
      };
      const onAbort = () => {
        if (!leave()) return;
        if (flight.waiters === 0 && flights.get(key) === flight) {
          flights.delete(key);
          flight.controller.abort();
        }
        reject(new DnsError('aborted', `lookup of ${name} ${type} cancelled`, { name, type }, inner.label));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (answer) => {
          if (leave()) resolve(shared ? { ...answer, fromCache: true } : answer);
        },
        (error: unknown) => {
          if (leave()) reject(error);
        },
      );
    });
  }

  return {
    label: inner.label,
    stats: () => ({ ...counts, inFlight: flights.size, entries: entries.size }),
    async query(rawName: string, type: RRType, queryOptions: QueryOptions = {}): Promise<DnsAnswer> {
      counts.asked++;
      const name = canonicalName(rawName);
      const { signal } = queryOptions;
      if (signal?.aborted) throw new DnsError('aborted', `lookup of ${name} ${type} cancelled`, { name, type }, inner.label);
      const key = `${name}\u0000${type}`;
      const entry = lookup(key);
      if (entry) {
        counts.cacheHits++;
        if ('error' in entry.outcome) throw entry.outcome.error;
        return aged(entry.outcome.answer, now() - entry.storedAt);
      }
      const inFlight = flights.get(key);
      if (inFlight) {
        counts.shared++;
        return join(key, inFlight, name, type, true, signal);
      }
      return join(key, launch(key, name, type), name, type, false, signal);
    },
  };
}

/** Seconds an answer may be reused. */
function ttlOf(answer: DnsAnswer): number {
  if (answer.rcode !== 'NOERROR' && answer.rcode !== 'NXDOMAIN') return FAILURE_TTL_SECONDS;
  const ttls = answer.answers.map((r) => r.ttl);
  const hasData = answer.rcode === 'NOERROR' && answer.answers.some((r) => r.type === answer.question.type);
  if (!hasData) {
    const soa = answer.authority.find((r) => r.type === 'SOA');
    if (soa?.type !== 'SOA') return 0;
    ttls.push(Math.min(soa.ttl, soa.data.minimum));
  }
  return ttls.length ? Math.min(...ttls) : 0;
}

/** A stored answer as it stands `ageMs` later: TTLs count down as a resolver's would. */
function aged(answer: DnsAnswer, ageMs: number): DnsAnswer {
  const age = Math.floor(ageMs / 1000);
  const older = <R extends { ttl: number }>(r: R): R => ({ ...r, ttl: Math.max(0, r.ttl - age) });
  return {
    ...answer,
    answers: answer.answers.map(older),
    authority: answer.authority.map(older),
    elapsedMs: 0,
    fromCache: true,
  };
}
