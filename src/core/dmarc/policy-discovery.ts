import type { Resolver } from '../dns/types.js';
import type { FailedLookup } from '../lookups/lookup.js';
import { domainExistence } from './existence.js';
import { organizationalDomain } from './organizational-domain.js';
import { treeWalk } from './tree-walk.js';
import type { AppliedPolicy, AskDmarc, DmarcRequest, PolicyDiscovery } from './types.js';

/**
 * RFC 9989 §4.10.1: the record at the Author Domain applies if there is one; otherwise the
 * Organizational Domain's, otherwise the Public Suffix Domain's (a psd=y record the walk met).
 * The walk from the Author Domain gives both the first answer and the Organizational Domain.
 * Whether the Author Domain exists is asked only when a parent's record has an np= that could
 * apply, beside nothing else (the walk is done by then).
 */
export async function discoverPolicy(authorDomain: string, ask: AskDmarc, resolver: Resolver, signal?: AbortSignal): Promise<PolicyDiscovery> {
  const walk = await treeWalk(authorDomain, ask);
  const orgDomain = organizationalDomain(walk);
  const base = { authorDomain, walk, orgDomain, existence: 'not-asked' as const };
  const first = walk.steps[0]!;
  if (first.failed) return temperror(base, first.failed);
  if (first.outcome === 'record' && first.record) {
    const outcome = first.record.usable ? 'found' : 'unusable';
    return { ...base, outcome, record: first.record, recordDomain: authorDomain, source: 'author-domain', failed: null };
  }
  if (orgDomain.domain === null) return temperror(base, orgDomain.failed);
  const atOrg = walk.steps.find((s) => s.domain === orgDomain.domain && s.outcome === 'record');
  const atPsd = walk.steps.find((s) => s.outcome === 'record' && s.record?.psd === 'y');
  const chosen = atOrg ?? atPsd;
  if (!chosen?.record) return { ...base, outcome: 'none', record: null, recordDomain: null, source: null, failed: null };
  const source = chosen === atOrg ? 'organizational-domain' : 'public-suffix-domain';
  const existence = chosen.record.np !== null ? await domainExistence(authorDomain, resolver, signal) : 'not-asked';
  return {
    ...base,
    existence,
    outcome: chosen.record.usable ? 'found' : 'unusable',
    record: chosen.record,
    recordDomain: chosen.domain,
    source,
    failed: null,
  };
}

function temperror(base: Omit<PolicyDiscovery, 'outcome' | 'record' | 'recordDomain' | 'source' | 'failed'>, failed: FailedLookup): PolicyDiscovery {
  return { ...base, outcome: 'temperror', record: null, recordDomain: null, source: null, failed };
}

const ONE_LEVEL_DOWN: Readonly<Record<DmarcRequest, DmarcRequest>> = { reject: 'quarantine', quarantine: 'none', none: 'none' };

/**
 * The policy for a message that fails (RFC 9989 §4.10.1): p= from the Author Domain's own
 * record; from a parent's, sp= for an existing Author Domain and np= for one that does not
 * exist, each falling back to p=. A record with an invalid policy tag that is usable (it has
 * a valid rua=) counts as p=none. t=y lowers the request one level (§4.7).
 */
export function appliedPolicy(discovery: PolicyDiscovery): AppliedPolicy | null {
  const record = discovery.record;
  if (discovery.outcome !== 'found' || record === null) return null;
  const [tag, requested]: ['p' | 'sp' | 'np', DmarcRequest | null] =
    discovery.source === 'author-domain'
      ? ['p', record.p]
      : discovery.existence === 'does-not-exist' && record.np !== null
        ? ['np', record.np]
        : record.sp !== null
          ? ['sp', record.sp]
          : ['p', record.p];
  const request = record.policyValid ? (requested ?? 'none') : 'none';
  return { tag, requested: request, testing: record.testing, effective: record.testing ? ONE_LEVEL_DOWN[request] : request };
}
