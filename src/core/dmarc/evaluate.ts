import { recordingResolver, type Evidence } from '../dns/evidence.js';
import type { Resolver } from '../dns/types.js';
import { alignmentOf } from './alignment.js';
import { dmarcAsker } from './lookup-record.js';
import { organizationalDomain } from './organizational-domain.js';
import { appliedPolicy, discoverPolicy } from './policy-discovery.js';
import { treeWalk } from './tree-walk.js';
import type { AlignmentMode, DmarcEvaluation, IdentifierAlignment, OrgDomain, PolicyDiscovery } from './types.js';

/** An identifier Hoplens' own SPF or DKIM check produced, with its result. */
export interface IdentifierInput {
  kind: 'spf' | 'dkim';
  domain: string;
  selector: string | null;
  result: string;
}

/** Distinct domains whose Organizational Domain is looked up ahead: real mail has two or three. */
export const MAX_PREFETCHED_DOMAINS = 8;
/** Identifiers evaluated: the DKIM check verifies a bounded number of signatures, this bounds the rest. */
export const MAX_IDENTIFIERS = 16;

/**
 * DMARC of one message in two stages, so that DNS goes out as soon as the headers are read:
 * `startDmarc` walks the Author Domain's tree (policy and Organizational Domain) and, ahead, the
 * trees of the domains SPF and DKIM may authenticate (the envelope sender's, each d=); `finish`
 * then needs SPF's and DKIM's results only, and asks DNS again only for an identifier nobody
 * guessed. Every question is asked once (dmarcAsker) and recorded as evidence.
 */
export interface DmarcSession {
  discovery: Promise<PolicyDiscovery>;
  finish(identifiers: readonly IdentifierInput[]): Promise<DmarcEvaluation>;
}

export function startDmarc(authorDomain: string, resolver: Resolver, options: { prefetch?: readonly string[]; signal?: AbortSignal } = {}): DmarcSession {
  const recorder = recordingResolver(resolver);
  const ask = dmarcAsker(recorder, options.signal);
  const orgs = new Map<string, Promise<OrgDomain>>();
  const orgOf = (domain: string): Promise<OrgDomain> => {
    let org = orgs.get(domain);
    if (!org) {
      org = treeWalk(domain, ask).then(organizationalDomain);
      orgs.set(domain, org);
    }
    return org;
  };
  const discovery = discoverPolicy(authorDomain, ask, recorder, options.signal);
  // Awaited only in finish, which may come after an abort: never an unhandled rejection meanwhile.
  discovery.catch(() => {});
  const ahead = [...new Set(options.prefetch ?? [])].filter((d) => d !== authorDomain).slice(0, MAX_PREFETCHED_DOMAINS);
  // Started now so the answers are in when SPF and DKIM finish; read (and awaited) in finish.
  for (const domain of ahead) void orgOf(domain).catch(() => {});

  return {
    discovery,
    async finish(inputs) {
      const found = await discovery;
      const record = found.record;
      const ids = inputs.slice(0, MAX_IDENTIFIERS);
      const identifiers: IdentifierAlignment[] = await Promise.all(
        ids.map(async (id) => {
          const mode: AlignmentMode = record ? (id.kind === 'spf' ? record.aspf : record.adkim) : 'relaxed';
          const needsOrg = record !== null && mode === 'relaxed' && id.domain !== authorDomain;
          const org = needsOrg ? await orgOf(id.domain) : null;
          const aligned = alignmentOf(id.domain, authorDomain, mode, org ? { identifier: org, author: found.orgDomain } : null);
          return {
            kind: id.kind,
            domain: id.domain,
            selector: id.selector,
            authResult: id.result,
            authenticated: id.result === 'pass',
            mode,
            aligned,
            orgDomain: org?.domain ?? null,
          };
        }),
      );
      await ask.settled();
      return evaluation(found, identifiers, [...recorder.evidence]);
    },
  };
}

function evaluation(discovery: PolicyDiscovery, identifiers: IdentifierAlignment[], evidence: Evidence[]): DmarcEvaluation {
  const base = { authorDomain: discovery.authorDomain, discovery, identifiers, evidence };
  switch (discovery.outcome) {
    case 'temperror':
      return { ...base, result: 'temperror', reason: 'policy-lookup-failed', policy: null, disposition: 'none' };
    case 'none':
      return { ...base, result: 'none', reason: 'no-policy', policy: null, disposition: 'none' };
    case 'unusable':
      return { ...base, result: 'permerror', reason: 'record-unusable', policy: null, disposition: 'none' };
    case 'found':
      break;
  }
  const policy = appliedPolicy(discovery);
  const authenticated = identifiers.filter((i) => i.authenticated);
  if (authenticated.some((i) => i.aligned === 'yes')) return { ...base, result: 'pass', reason: 'aligned-pass', policy, disposition: 'none' };
  // RFC 9989 §5.3.6: a query that did not complete leaves neither pass nor fail.
  if (authenticated.some((i) => i.aligned === 'unknown'))
    return { ...base, result: 'temperror', reason: 'alignment-lookup-failed', policy, disposition: 'none' };
  return { ...base, result: 'fail', reason: 'no-aligned-pass', policy, disposition: policy?.effective ?? 'none' };
}

/** An evaluation that could not start: the message gives no single, valid Author Domain. */
export function withoutAuthorDomain(
  reason: 'no-author-domain' | 'multiple-author-domains' | 'invalid-author-domain',
  authorDomain: string | null,
): DmarcEvaluation {
  return { result: 'permerror', reason, authorDomain, discovery: null, identifiers: [], policy: null, disposition: 'none', evidence: [] };
}
