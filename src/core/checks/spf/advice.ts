import { transientAdvice } from '../../advice/transient.js';
import type { SenderSoftware } from '../../software/detect.js';
import type { SpfEvaluation } from './types.js';

/** Lookup counts at or above this leave little room for one more include. */
const NEAR_LIMIT = 8;

const PROVIDER_INCLUDE: Partial<Record<SenderSoftware, { name: string; include: string }>> = {
  microsoft365: { name: 'Microsoft 365', include: 'include:spf.protection.outlook.com' },
  'google-workspace': { name: 'Google Workspace', include: 'include:_spf.google.com' },
};

const OWN_SERVER: Partial<Record<SenderSoftware, string>> = {
  exchange: 'Exchange Server',
  postfix: 'Postfix',
  exim: 'Exim',
  sendmail: 'Sendmail',
};

/** What to change, in plain words, for an SPF evaluation of `ip`. */
export function spfAdvice(e: SpfEvaluation, ip: string, software: SenderSoftware | null, resolverLabel: string): string[] {
  const ipTerm = `${ip.includes(':') ? 'ip6' : 'ip4'}:${ip}`;
  const where = e.identity === 'helo' ? `the HELO name ${e.domain}` : e.domain;
  switch (e.result) {
    case 'pass':
      return e.lookups >= NEAR_LIMIT
        ? [
            `The record already needs ${e.lookups} of the 10 DNS lookups RFC 7208 allows; one more include may push it into permerror. Consider replacing includes with the ip4:/ip6: ranges they stand for.`,
          ]
        : [];
    case 'fail':
    case 'softfail':
    case 'neutral':
      return [
        `If ${ip} is a legitimate sender for ${e.domain}, add \`${ipTerm}\` (or the include: of the provider that runs it) to the SPF record of ${where}, before its final "all".`,
        ...softwareHint(e, ipTerm, software),
      ];
    case 'none':
      return [
        `Publish one TXT record at ${e.domain}, for example "v=spf1 ${ipTerm} -all", listing every server and service that sends its mail.`,
        ...softwareHint(e, ipTerm, software),
      ];
    case 'temperror': {
      if (e.problem?.kind !== 'dns') return [];
      const { lookup } = e.problem;
      return transientAdvice(lookup, resolverLabel, { zone: lookup.name, owner: `whoever runs the DNS of ${lookup.name}` });
    }
    case 'permerror':
      return permerrorAdvice(e);
  }
}

function permerrorAdvice(e: SpfEvaluation): string[] {
  const p = e.problem;
  if (!p) return [];
  switch (p.kind) {
    case 'syntax':
      return [`Fix the SPF record of ${p.domain}: ${p.detail}.`];
    case 'multiple-records':
      return [`Merge the ${p.count} TXT records of ${p.domain} that start with "v=spf1" into one record.`];
    case 'lookup-limit':
      return [
        `Bring the record of ${p.domain} under ${p.limit} DNS-querying terms (include, a, mx, ptr, exists, redirect, counted through every include): replace include: of services with the ip4:/ip6: ranges they publish, replace a and mx with the addresses they stand for, remove includes of services no longer used, or give other senders their own subdomain.`,
      ];
    case 'void-limit':
      return [
        `${p.term} in the record of ${p.domain} makes ${e.voidLookups} terms that point at names with no records; RFC 7208 allows ${p.limit}. Remove mechanisms that name hosts or domains that no longer exist.`,
      ];
    case 'mx-limit':
      return [
        `${p.term} in the record of ${p.domain} meets ${p.count} MX records; an mx mechanism may cover at most 10. List the mail servers with ip4:/ip6: instead.`,
      ];
    case 'no-record-at-target':
      return [`${p.term} in the record of ${p.domain} points to a domain without an SPF record: correct the name or remove the term.`];
    case 'overlong-input':
      return [
        `Nothing to change in the record of ${p.domain} for this: ${p.what} in this message is ${p.octets} octets, over the ${p.limit} that SMTP allows (RFC 5321 §4.5.3.1), so a receiver would have refused it before checking SPF. Send with an address and HELO name within those limits.`,
      ];
    case 'dns':
      return [`${p.detail}.`];
  }
}

function softwareHint(e: SpfEvaluation, ipTerm: string, software: SenderSoftware | null): string[] {
  if (software === null) return [];
  const provider = PROVIDER_INCLUDE[software];
  if (provider) {
    if (e.record?.toLowerCase().includes(provider.include)) return [];
    return [`The headers show ${provider.name}, which sends from its own servers: the record needs \`${provider.include}\`.`];
  }
  const own = OWN_SERVER[software];
  return own ? [`The headers show ${own}, which sends from your own server's address: \`${ipTerm}\` covers it.`] : [];
}
