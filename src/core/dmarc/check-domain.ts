import { recordingResolver, type Evidence } from '../dns/evidence.js';
import type { Resolver } from '../dns/types.js';
import { dmarcDomain } from './author-domain.js';
import { dmarcAsker } from './lookup-record.js';
import { appliedPolicy, discoverPolicy } from './policy-discovery.js';
import type { AppliedPolicy, PolicyDiscovery } from './types.js';

/** What DMARC says about a domain before any message: the policy mail from it meets. */
export interface DmarcDomainCheck {
  domain: string;
  /** Null when `domain` is not a valid domain name (see problem). */
  discovery: PolicyDiscovery | null;
  /** The policy applied to a message from the domain that fails DMARC. */
  policy: AppliedPolicy | null;
  problem: string | null;
  evidence: Evidence[];
}

/** RFC 9989 policy discovery for a domain as an Author Domain: the tree walk, its record, its Organizational Domain. */
export async function checkDmarc(domain: string, resolver: Resolver, options: { signal?: AbortSignal } = {}): Promise<DmarcDomainCheck> {
  const ascii = dmarcDomain(domain);
  if (ascii === null) return { domain, discovery: null, policy: null, problem: `${domain} is not a valid domain name`, evidence: [] };
  const recorder = recordingResolver(resolver);
  const ask = dmarcAsker(recorder, options.signal);
  const discovery = await discoverPolicy(ascii, ask, recorder, options.signal);
  await ask.settled();
  return { domain: ascii, discovery, policy: appliedPolicy(discovery), problem: null, evidence: [...recorder.evidence] };
}
