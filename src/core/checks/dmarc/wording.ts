import { transientAdvice } from '../../advice/transient.js';
import type { AppliedPolicy, DmarcDomainCheck, DmarcEvaluation, IdentifierAlignment, OrgDomain, PolicyDiscovery, PolicySource } from '../../dmarc/index.js';
import type { Severity } from '../types.js';

const SOURCE: Readonly<Record<PolicySource, string>> = {
  'author-domain': 'the From domain itself',
  'organizational-domain': 'its Organizational Domain',
  'public-suffix-domain': 'its Public Suffix Domain (psd=y)',
};

export function dmarcSeverity(e: DmarcEvaluation): Severity {
  switch (e.result) {
    case 'pass':
      return 'ok';
    case 'fail':
      return e.disposition === 'none' ? 'warning' : 'error';
    case 'permerror':
      return 'error';
    default:
      return 'warning';
  }
}

export function dmarcSummary(e: DmarcEvaluation): string {
  const domain = e.authorDomain ?? 'the From domain';
  const policy = e.policy ? ` (policy ${e.policy.effective}${e.policy.testing ? ', t=y testing' : ''})` : '';
  switch (e.reason) {
    case 'aligned-pass': {
      const aligned = e.identifiers.filter((i) => i.authenticated && i.aligned === 'yes').map(nameOf);
      return `DMARC pass: ${aligned.join(' and ')} aligned with ${domain}${policy}`;
    }
    case 'no-aligned-pass':
      return `DMARC fail: neither SPF nor DKIM passed aligned with ${domain}; a receiver following the record would ${DISPOSITION[e.disposition]}`;
    case 'no-policy':
      return `DMARC none: ${domain} publishes no DMARC record`;
    case 'record-unusable':
      return `DMARC permerror: the DMARC record for ${domain} states no usable policy`;
    case 'policy-lookup-failed':
      return `DMARC temperror: the DMARC record of ${domain} could not be looked up`;
    case 'alignment-lookup-failed':
      return `DMARC temperror: alignment with ${domain} could not be decided (a lookup failed)`;
    case 'no-author-domain':
    case 'multiple-author-domains':
    case 'invalid-author-domain':
      return 'DMARC permerror: the message has no single valid From domain';
  }
}

const DISPOSITION = { none: 'still deliver it (p=none)', quarantine: 'put it in spam (quarantine)', reject: 'reject it' } as const;

function nameOf(i: IdentifierAlignment): string {
  return i.kind === 'spf' ? `SPF (${i.domain})` : `DKIM d=${i.domain}`;
}

export function dmarcExplanation(e: DmarcEvaluation): string {
  const d = e.discovery;
  if (d === null) return authorProblem(e);
  const parts = [discoveryText(d), ...policyText(d, e.policy)];
  if (d.record && e.identifiers.length > 0) parts.push(...e.identifiers.map((i) => identifierText(i, e)));
  else if (d.record) parts.push('Neither SPF nor DKIM gave an identifier to align: SPF did not check a MAIL FROM domain, and no DKIM signature was verified.');
  parts.push(resultText(e));
  return parts.join(' ');
}

/** What the record found asks of a failing message, and what is wrong with it. */
function policyText(d: PolicyDiscovery, policy: AppliedPolicy | null): string[] {
  if (!d.record || !policy) return [];
  const tag =
    policy.tag === 'p' ? 'p=' : `${policy.tag}= (the Author Domain is a subdomain of ${d.recordDomain}${policy.tag === 'np' ? ' and does not exist' : ''})`;
  const parts = [
    `A message that fails gets the policy of ${tag}: ${policy.requested}${policy.testing ? `; t=y asks receivers to apply one level less, ${policy.effective}` : ''}.`,
  ];
  if (d.existence === 'unknown' && d.record.np !== null)
    parts.push('Whether the From domain exists could not be looked up, so np= may apply instead of sp=/p=.');
  if (d.record.retiredTags.length > 0) parts.push(`RFC 9989 removed ${d.record.retiredTags.join(', ')}: receivers ignore them.`);
  if (d.record.problems.length > 0) parts.push(`Problems in the record: ${d.record.problems.join('; ')}.`);
  return parts;
}

function authorProblem(e: DmarcEvaluation): string {
  switch (e.reason) {
    case 'multiple-author-domains':
      return 'DMARC needs exactly one Author Domain (RFC 9989 §5.3.1): this message has more than one From: field or mailboxes of several domains, so receivers cannot apply DMARC; many reject such messages outright.';
    case 'invalid-author-domain':
      return `The From: domain ${e.authorDomain ?? ''} is not a valid domain name, so there is no DMARC record to look up.`;
    default:
      return 'The message has no From: address, so there is no Author Domain for DMARC (RFC 9989 §5.3.1).';
  }
}

function discoveryText(d: PolicyDiscovery): string {
  const asked = d.walk.steps.map((s) => `_dmarc.${s.domain}`).join(', ');
  const walk = `Hoplens walked the DNS tree as RFC 9989 §4.10 says (${asked}).`;
  const multiple = d.walk.steps.filter((s) => s.outcome === 'multiple').map((s) => `_dmarc.${s.domain} has ${s.count} DMARC records, so all are discarded`);
  const multipleText = multiple.length > 0 ? ` ${multiple.join('; ')}.` : '';
  switch (d.outcome) {
    case 'temperror':
      return `${walk}${multipleText} The lookup of ${d.failed?.name ?? 'a DMARC record'} failed (${d.failed?.rcode ?? d.failed?.error ?? 'no answer'}), so whether a policy applies is unknown: RFC 9989 §5.3.6 leaves such a message neither passing nor failing.`;
    case 'none':
      return `${walk}${multipleText} No DMARC record applies to ${d.authorDomain}: receivers do not apply DMARC to its mail (RFC 9989 §4.10.1), and Gmail, Yahoo and Outlook.com require one of bulk senders.`;
    default:
      return `${walk}${multipleText} The record that applies is at _dmarc.${d.recordDomain}, ${SOURCE[d.source!]}: "${d.record!.text}". ${orgText(d.orgDomain, d.authorDomain)}`;
  }
}

function orgText(org: OrgDomain, domain: string): string {
  switch (org.rule) {
    case 'psd-n':
      return `The Organizational Domain of ${domain} is ${org.domain} (its record says psd=n).`;
    case 'below-psd-y':
      return `The Organizational Domain of ${domain} is ${org.domain}, one label below a Public Suffix Domain (psd=y).`;
    case 'fewest-labels':
      return `The Organizational Domain of ${domain} is ${org.domain} (the highest name with a DMARC record).`;
    case 'no-record':
      return `The Organizational Domain of ${domain} is ${org.domain} itself.`;
    case 'lookup-failed':
      return `The Organizational Domain of ${domain} is unknown: the lookup of ${org.failed.name} failed.`;
  }
}

function identifierText(i: IdentifierAlignment, e: DmarcEvaluation): string {
  const what = i.kind === 'spf' ? `SPF's MAIL FROM domain ${i.domain}` : `DKIM d=${i.domain}${i.selector ? ` (s=${i.selector})` : ''}`;
  const auth = i.authenticated ? 'passed' : `did not pass (${i.authResult})`;
  const align =
    i.aligned === 'yes'
      ? i.domain === e.authorDomain
        ? 'is the From domain itself'
        : `shares the Organizational Domain ${i.orgDomain ?? ''} with it (${i.mode} alignment)`
      : i.aligned === 'unknown'
        ? 'may or may not align: an Organizational Domain lookup failed'
        : i.mode === 'strict'
          ? `is not the From domain, which ${i.kind === 'spf' ? 'aspf' : 'adkim'}=s requires`
          : `does not share the From domain's Organizational Domain${i.orgDomain ? ` (its own is ${i.orgDomain})` : ''}`;
  return `${what} ${auth} and ${align}${i.authenticated && i.aligned === 'yes' ? ': aligned.' : '.'}`;
}

function resultText(e: DmarcEvaluation): string {
  switch (e.result) {
    case 'pass':
      return 'At least one authenticated identifier aligns with the From domain, so DMARC passes.';
    case 'fail':
      return `No identifier both passed and aligned, so DMARC fails; the policy is ${e.disposition === 'none' ? 'none, so receivers deliver it as they would otherwise' : e.disposition}.`;
    case 'temperror':
      return e.reason === 'alignment-lookup-failed' ? 'An identifier that passed could not be checked for alignment, so DMARC neither passes nor fails.' : '';
    default:
      return '';
  }
}

export function dmarcAdvice(e: DmarcEvaluation, resolverLabel: string): string[] {
  const d = e.discovery;
  const domain = e.authorDomain ?? 'your domain';
  if (d === null)
    return e.reason === 'multiple-author-domains'
      ? ['Send with one From: field naming one address.']
      : ['Send with a From: address in a domain you publish DMARC for.'];
  const advice = recordAdvice(d, resolverLabel);
  if (d.outcome !== 'found' && d.outcome !== 'unusable') return advice;
  if (e.result === 'fail' || e.result === 'temperror') advice.push(...alignmentFixes(e));
  if (e.result === 'pass' && e.policy?.effective === 'none')
    advice.push(`Mail from ${domain} passes: once the aggregate reports show all your senders pass, move the policy to p=quarantine, then p=reject.`);
  return advice;
}

/** The fixes to the records themselves: what to publish, what to remove, what failed. */
function recordAdvice(d: PolicyDiscovery, resolverLabel: string): string[] {
  const domain = d.authorDomain;
  const advice: string[] = [];
  for (const step of d.walk.steps) {
    if (step.outcome === 'multiple') advice.push(`Keep one DMARC record at _dmarc.${step.domain}: with ${step.count}, receivers discard them all.`);
  }
  if (d.outcome === 'temperror' && d.failed)
    return [...advice, ...transientAdvice(d.failed, resolverLabel, { zone: d.failed.name, owner: `whoever runs the DNS of ${domain}` })];
  if (d.outcome === 'none') {
    return [
      ...advice,
      `Publish _dmarc.${domain} (or _dmarc of the parent domain you own, to cover its subdomains): "v=DMARC1; p=none; rua=mailto:dmarc-reports@${domain}", watch the reports, then move to p=quarantine and p=reject.`,
    ];
  }
  const record = d.record!;
  if (!record.policyValid) advice.push(`Fix the record at _dmarc.${d.recordDomain}: p= must be none, quarantine or reject (and sp=, np= too, when given).`);
  if (record.retiredTags.length > 0)
    advice.push(
      `Remove ${record.retiredTags.map((t) => t.split('=')[0]).join(', ')} from _dmarc.${d.recordDomain}: RFC 9989 dropped them${record.retiredTags.some((t) => t.startsWith('pct')) ? '; use t=y while testing a policy' : ''}.`,
    );
  if (record.testing) advice.push(`Remove t=y from _dmarc.${d.recordDomain} once testing is over: receivers apply one level less than the policy asks.`);
  return advice;
}

/** The words for `hoplens check-dmarc DOMAIN`: the policy mail from the domain meets, before any message. */
export function dmarcDomainWording(check: DmarcDomainCheck, resolverLabel: string): { summary: string; explanation: string; advice: string[] } {
  const d = check.discovery;
  if (d === null) return { summary: `${check.domain}: not checked`, explanation: `Not checked: ${check.problem ?? 'no domain'}.`, advice: [] };
  const summary =
    d.outcome === 'found' && check.policy
      ? `${d.authorDomain}: policy ${check.policy.effective}${check.policy.testing ? ` (t=y: ${check.policy.requested} in testing)` : ''}, from ${check.policy.tag}= at _dmarc.${d.recordDomain}`
      : d.outcome === 'none'
        ? `${d.authorDomain}: no DMARC record applies`
        : d.outcome === 'unusable'
          ? `${d.authorDomain}: the DMARC record at _dmarc.${d.recordDomain} states no usable policy`
          : `${d.authorDomain}: the DMARC lookup failed (temperror)`;
  return { summary, explanation: [discoveryText(d), ...policyText(d, check.policy)].join(' '), advice: recordAdvice(d, resolverLabel) };
}

function alignmentFixes(e: DmarcEvaluation): string[] {
  const domain = e.authorDomain!;
  const fixes: string[] = [];
  const dkim = e.identifiers.filter((i) => i.kind === 'dkim');
  const spf = e.identifiers.find((i) => i.kind === 'spf');
  const adkim = e.discovery?.record?.adkim ?? 'relaxed';
  const aspf = e.discovery?.record?.aspf ?? 'relaxed';
  const alignedDkim = dkim.find((i) => i.aligned === 'yes');
  if (alignedDkim && !alignedDkim.authenticated) {
    fixes.push(
      `The signature with d=${alignedDkim.domain} aligns but did not verify (${alignedDkim.authResult}): fix it (see the DKIM result) and DMARC passes.`,
    );
  } else {
    const other = dkim.find((i) => i.authenticated);
    fixes.push(
      `Sign with d=${domain}${adkim === 'relaxed' ? ' (or a subdomain of it)' : ''}${other ? `, not only d=${other.domain}: ask the sending service to sign with your domain's key` : ''}, and publish the key under selector._domainkey.${domain}.`,
    );
  }
  if (spf && spf.aligned !== 'yes') {
    fixes.push(
      aspf === 'strict'
        ? `Set the envelope sender (Return-Path) to an address at ${domain} itself (aspf=s), and authorise the sending server in its SPF record.`
        : `Set the envelope sender (Return-Path) to an address at ${domain} or a subdomain of it (for example bounces.${domain}), and authorise the sending server in that domain's SPF record.`,
    );
  } else if (spf && !spf.authenticated) {
    fixes.push(
      `The envelope sender ${spf.domain} aligns but SPF gave ${spf.authResult}: authorise the sending server in the SPF record of ${spf.domain} (see the SPF result).`,
    );
  }
  return fixes;
}
