import type { DnsAnswer, QueryOptions, Resolver, RRType } from '../../../src/core/dns/types.js';

export interface TracingResolver extends Resolver {
  /** "start NAME TYPE" and "end NAME TYPE" in the order they happened. */
  readonly events: string[];
  /** The most queries of each type that were in flight at once. */
  readonly maxInFlight: Map<RRType, number>;
}

/** Wraps a resolver to see which queries overlap in time. */
export function tracingResolver(inner: Resolver): TracingResolver {
  const events: string[] = [];
  const inFlight = new Map<RRType, number>();
  const maxInFlight = new Map<RRType, number>();
  return {
    label: inner.label,
    events,
    maxInFlight,
    async query(name: string, type: RRType, options?: QueryOptions): Promise<DnsAnswer> {
      const now = (inFlight.get(type) ?? 0) + 1;
      inFlight.set(type, now);
      maxInFlight.set(type, Math.max(maxInFlight.get(type) ?? 0, now));
      events.push(`start ${name} ${type}`);
      try {
        return await inner.query(name, type, options);
      } finally {
        inFlight.set(type, (inFlight.get(type) ?? 1) - 1);
        events.push(`end ${name} ${type}`);
      }
    },
  };
}
