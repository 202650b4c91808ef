import { SpfStop } from './stop.js';

/** §4.6.4: DNS-querying terms (include, a, mx, ptr, exists, redirect) per evaluation. */
export const DEFAULT_MAX_LOOKUPS = 10;
/** §4.6.4: terms whose lookup comes back empty or NXDOMAIN. */
export const MAX_VOID_LOOKUPS = 2;

/** The counters shared by a whole evaluation, includes and redirects included. */
export class LookupLimits {
  lookups = 0;
  voidLookups = 0;

  constructor(readonly maxLookups: number) {}

  /** Called before a DNS-querying term does its lookup. */
  countTerm(domain: string, term: string): void {
    this.lookups++;
    if (this.lookups > this.maxLookups) {
      throw new SpfStop(
        'permerror',
        { kind: 'lookup-limit', domain, limit: this.maxLookups, term },
        `${term} in the SPF record of ${domain} is DNS-querying term number ${this.lookups}; RFC 7208 §4.6.4 allows ${this.maxLookups} per check`,
      );
    }
  }

  /** Called when a term's lookup found nothing. */
  countVoid(domain: string, term: string): void {
    this.voidLookups++;
    if (this.voidLookups > MAX_VOID_LOOKUPS) {
      throw new SpfStop(
        'permerror',
        { kind: 'void-limit', domain, limit: MAX_VOID_LOOKUPS, term },
        `${term} in the SPF record of ${domain} is lookup number ${this.voidLookups} that found nothing; RFC 7208 §4.6.4 allows ${MAX_VOID_LOOKUPS}`,
      );
    }
  }
}
