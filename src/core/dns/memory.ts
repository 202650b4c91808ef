import { canonicalName } from '../hostnames/canonical.js';
import { DnsError, type DnsAnswer, type DnsRecord, type QueryOptions, type Resolver, type RRType } from './types.js';

/** A record as written in a memory zone: the owner name is the zone key. */
export type MemoryRecord =
  | { type: 'A' | 'AAAA' | 'PTR' | 'CNAME' | 'NS'; data: string; ttl?: number }
  | { type: 'TXT'; data: string | string[]; ttl?: number }
  | { type: 'MX'; data: { preference: number; exchange: string }; ttl?: number }
  | { type: 'SOA'; data: Extract<DnsRecord, { type: 'SOA' }>['data']; ttl?: number };

/** Owner name → its records, or a failure every query for that name meets. */
export type MemoryZone = Record<string, MemoryRecord[] | 'TIMEOUT' | 'SERVFAIL'>;

export interface MemoryResolverOptions {
  label?: string;
  /** Delay before each answer, to model network round trips in benchmarks. */
  latencyMs?: number;
}

const DEFAULT_TTL = 300;
const MAX_CNAME_CHAIN = 8;

/**
 * A resolver over a fixed zone, for tests and benchmarks: no network. A name absent from the
 * zone is NXDOMAIN; a name present without the asked type is NODATA; both carry the SOA of the
 * nearest enclosing name that has one, as real servers do; CNAMEs are followed.
 */
export function memoryResolver(zone: MemoryZone, options: MemoryResolverOptions = {}): Resolver & { readonly queries: number } {
  const label = options.label ?? 'memory';
  const table = new Map<string, MemoryRecord[] | 'TIMEOUT' | 'SERVFAIL'>();
  for (const [name, records] of Object.entries(zone)) table.set(canonicalName(name), records);
  let queries = 0;

  function toRecord(owner: string, r: MemoryRecord): DnsRecord {
    const ttl = r.ttl ?? DEFAULT_TTL;
    switch (r.type) {
      case 'TXT':
        return { name: owner, ttl, type: 'TXT', data: typeof r.data === 'string' ? [r.data] : r.data };
      case 'MX':
        return { name: owner, ttl, type: 'MX', data: { preference: r.data.preference, exchange: canonicalName(r.data.exchange) } };
      case 'SOA':
        return { name: owner, ttl, type: 'SOA', data: r.data };
      case 'A':
      case 'AAAA':
        return { name: owner, ttl, type: r.type, data: r.data };
      default:
        return { name: owner, ttl, type: r.type, data: canonicalName(r.data) };
    }
  }

  /** The SOA of the zone holding `name`, as a real server puts it in a negative answer (RFC 2308). */
  function enclosingSoa(name: string): DnsRecord[] {
    for (let owner = name; ; owner = owner.slice(owner.indexOf('.') + 1)) {
      const entry = table.get(owner);
      const soa = Array.isArray(entry) ? entry.find((r) => r.type === 'SOA') : undefined;
      if (soa) return [toRecord(owner, soa)];
      if (!owner.includes('.')) return [];
    }
  }

  function answer(name: string, type: RRType): DnsAnswer {
    const question = { name, type };
    const base = { question, authority: [], authenticated: false, extendedErrors: [], resolver: label, elapsedMs: 0, fromCache: false };
    const answers: DnsRecord[] = [];
    let owner = name;
    for (let hop = 0; hop <= MAX_CNAME_CHAIN; hop++) {
      const entry = table.get(owner);
      if (entry === 'TIMEOUT') throw new DnsError('timeout', `no answer for ${owner} ${type}`, question, label);
      if (entry === 'SERVFAIL') return { ...base, rcode: 'SERVFAIL', answers };
      if (entry === undefined) {
        return { ...base, rcode: answers.length ? 'NOERROR' : 'NXDOMAIN', answers, authority: enclosingSoa(owner) };
      }
      const cname = type !== 'CNAME' ? entry.find((r) => r.type === 'CNAME') : undefined;
      if (!cname) {
        for (const r of entry) if (r.type === type) answers.push(toRecord(owner, r));
        return { ...base, rcode: 'NOERROR', answers, authority: answers.length ? [] : enclosingSoa(owner) };
      }
      const record = toRecord(owner, cname);
      answers.push(record);
      owner = record.data as string;
    }
    return { ...base, rcode: 'SERVFAIL', answers };
  }

  return {
    label,
    get queries() {
      return queries;
    },
    async query(name: string, type: RRType, queryOptions: QueryOptions = {}): Promise<DnsAnswer> {
      queries++;
      const canonical = canonicalName(name);
      if (options.latencyMs) await delay(options.latencyMs, queryOptions.signal);
      if (queryOptions.signal?.aborted) throw new DnsError('aborted', 'lookup cancelled', { name: canonical, type }, label);
      return answer(canonical, type);
    },
  };
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
