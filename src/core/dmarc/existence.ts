import type { Resolver } from '../dns/types.js';
import { lookUp } from '../lookups/lookup.js';
import type { Existence } from './types.js';

/**
 * RFC 9989 §3.2.10 (from RFC 9091): a domain does not exist for DMARC when A, AAAA and MX all
 * answer NXDOMAIN or NODATA; a failed lookup leaves it unknown. The three go out at once.
 */
export async function domainExistence(domain: string, resolver: Resolver, signal?: AbortSignal): Promise<Existence> {
  signal?.throwIfAborted();
  const lookups = await Promise.all((['A', 'AAAA', 'MX'] as const).map((type) => lookUp(resolver, domain, type, signal)));
  if (lookups.some((l) => l.kind === 'records')) return 'exists';
  return lookups.some((l) => l.kind === 'transient') ? 'unknown' : 'does-not-exist';
}
