import { transientAdvice } from '../../advice/transient.js';
import { failureOf, type FailedLookup } from '../../lookups/lookup.js';
import { normalizeIp } from '../../net/ip.js';
import { countOf } from '../../text/plural.js';
import type { Verdict } from '../types.js';
import { MAX_MX_TARGETS, type DomainRole, type Inspected, type MxDetails, type MxEvaluation, type MxResult, type MxTarget } from './evaluate.js';

// Words for an MX evaluation: the verdict, the one-line summary, the explanation, the advice.

export type MxWords = Pick<Verdict<'mx', MxResult, MxDetails>, 'result' | 'severity' | 'summary' | 'explanation' | 'advice'> &
  Pick<MxDetails, 'implicit' | 'targets'>;

export function wordsOf(domain: string, roles: DomainRole[], e: MxEvaluation, resolverLabel: string): MxWords {
  const role = roleWords(domain, roles);
  const bounces = roles.includes('envelope-from') || roles.includes('original-envelope-from');
  switch (e.kind) {
    case 'lookup-failed':
      return temperror(domain, `The MX lookup of ${domain} got no usable answer (${failureOf(e.failed)}). ${role}`, e.failed, [], resolverLabel);
    case 'nxdomain':
      return {
        result: 'none',
        severity: bounces ? 'error' : 'warning',
        summary: `${domain} does not exist (NXDOMAIN)`,
        explanation: `${role} It does not exist in DNS, so nothing can be delivered to it; many receivers refuse mail from a sender domain that does not resolve.`,
        advice: [`Send from an address in a domain that exists, or register and publish ${domain} with an MX record.`],
        implicit: false,
        targets: [],
      };
    case 'null-mx':
      return {
        result: 'fail',
        severity: bounces ? 'error' : 'warning',
        summary: `${domain} publishes a null MX: it accepts no mail`,
        explanation: `${role} Its only MX is RFC 7505's null MX ("0 ."), which says the domain accepts no mail. Replies and bounces to it cannot be delivered, and RFC 7505 §4.2 lets receivers refuse mail whose envelope sender is in such a domain.`,
        advice: bounces
          ? [`Send with an envelope sender in a domain that receives mail, or replace the null MX of ${domain} with MX records for its inbound servers.`]
          : [`If replies to ${domain} should arrive, replace its null MX with MX records for its inbound servers.`],
        implicit: false,
        targets: [e.target],
      };
    case 'targets':
      return targetWords(domain, role + leftOutWords(e.inspected.length, e.leftOut), bounces, e.inspected, e.leftOut, resolverLabel);
    case 'implicit':
      return implicitWords(domain, role, bounces, e.target, e.failed, resolverLabel);
  }
}

function leftOutWords(checked: number, leftOut: number): string {
  if (leftOut === 0) return '';
  return ` It publishes ${checked + leftOut} MX records; only the ${checked} with the lowest preference were checked (at most ${MAX_MX_TARGETS}: a sender tries only a few), and ${countOf(leftOut, 'was', 'were')} left out.`;
}

const ROLE_WORDS: Readonly<Record<DomainRole, string>> = {
  'envelope-from': 'the envelope sender (Return-Path) domain, where bounces go',
  from: 'the From: domain, where replies go',
  'original-envelope-from': "the original sender's envelope sender domain, where bounces went before the message was forwarded or sent on by a list",
};

function roleWords(domain: string, roles: DomainRole[]): string {
  const parts = roles.map((r) => ROLE_WORDS[r]);
  return `${domain} is ${parts.join(', and ')}.`;
}

function targetWords(domain: string, role: string, bounces: boolean, inspected: Inspected[], leftOut: number, resolverLabel: string): MxWords {
  const targets = inspected.map((i) => i.target);
  const more = leftOut > 0 ? `, and ${leftOut} more not checked` : '';
  const list = targets.map((t) => `MX ${t.preference} ${t.exchange || '.'}${t.addresses.length ? ` (${t.addresses.join(', ')})` : ''}`).join(', ') + more;
  const bad = targets.filter((t) => t.problems.length > 0);
  if (bad.length > 0) {
    const usable = targets.some((t) => t.problems.length === 0 && t.addresses.length > 0);
    return {
      result: 'fail',
      severity: usable ? 'warning' : bounces ? 'error' : 'warning',
      summary: `${domain}: ${bad.length} of ${targets.length} MX targets are wrong`,
      explanation: `${role} Its MX records: ${list}. ${bad.flatMap((t) => t.problems).join('. ')}. MX records must point at a host (A/AAAA) record: no aliases (CNAME), no IP addresses. Strict senders and checkers reject such targets${usable ? '' : ', and this domain has no other'}.`,
      advice: bad.map((t) => adviceFor(domain, t)),
      implicit: false,
      targets,
    };
  }
  const failed = inspected.filter((i) => i.failed !== null);
  if (failed.length > 0) {
    return temperror(
      domain,
      `${role} The address lookups of ${failed.map((i) => i.target.exchange).join(', ')} got no usable answer.`,
      failed[0]!.failed!,
      targets,
      resolverLabel,
    );
  }
  return {
    result: 'pass',
    severity: 'ok',
    summary: `${domain}: ${list}`,
    explanation: `${role} Every MX target is a host name with its own address records, as RFC 5321 §5.1 and RFC 2181 §10.3 require.`,
    advice: [],
    implicit: false,
    targets,
  };
}

function adviceFor(domain: string, t: MxTarget): string {
  if (t.exchange === '') return `Remove the null MX ("0 .") of ${domain}, or remove its other MX records if it really accepts no mail.`;
  if (normalizeIp(t.exchange) !== null) {
    return `Replace "MX ${t.preference} ${t.exchange}." with a host name whose A record is ${t.exchange}, for example: mail.${domain}. IN A ${t.exchange} and ${domain}. IN MX ${t.preference} mail.${domain}.`;
  }
  if (t.cnameChain.length > 0) return `Point "MX ${t.preference}" at ${t.cnameChain.at(-1)} (the host itself) instead of the alias ${t.exchange}.`;
  if (t.addresses.length > 0) return `Give ${t.exchange} the public address of the mail server, or point the MX at a host that has one.`;
  return `Add an A (and/or AAAA) record for ${t.exchange} with the mail server's public IP, or point "MX ${t.preference}" at a host that has one.`;
}

function implicitWords(domain: string, role: string, bounces: boolean, target: MxTarget, failed: FailedLookup | undefined, resolverLabel: string): MxWords {
  const { addresses } = target;
  if (addresses.length > 0) {
    return {
      result: 'pass',
      severity: 'info',
      summary: `${domain} has no MX; mail goes to its own address ${addresses.join(', ')} (implicit MX)`,
      explanation: `${role} It publishes no MX record, so senders deliver to the domain's own A/AAAA records (RFC 5321 §5.1, "implicit MX"). That works, though some filters and checkers expect an explicit MX.`,
      advice: [`Publish an explicit MX record, for example: ${domain}. IN MX 10 mail.${domain}. with mail.${domain}. IN A ${addresses[0]}.`],
      implicit: true,
      targets: [target],
    };
  }
  if (failed) {
    return temperror(
      domain,
      `${role} It has no MX, and the ${failed.type} lookup of ${domain} failed (${failureOf(failed)}).`,
      failed,
      [target],
      resolverLabel,
    );
  }
  return {
    result: 'none',
    severity: bounces ? 'error' : 'warning',
    summary: `${domain} has neither an MX nor an A/AAAA record: it cannot receive mail`,
    explanation: `${role} With no MX and no address record, nothing can be delivered to it; many receivers refuse mail from a sender domain that cannot receive any.`,
    advice: [`Publish an MX record for ${domain} pointing at a host with an A record, for example: ${domain}. IN MX 10 mail.${domain}.`],
    implicit: true,
    targets: [],
  };
}

/** `failed` is the lookup the advice is about: the first one that got no usable answer. */
function temperror(domain: string, explanation: string, failed: FailedLookup, targets: MxTarget[], resolverLabel: string): MxWords {
  return {
    result: 'temperror',
    severity: 'warning',
    summary: `${domain}: MX could not be checked (temperror)`,
    explanation: `${explanation} That is transient: asking again later may give a verdict.`,
    advice: transientAdvice(failed, resolverLabel, { zone: failed.name, owner: `whoever runs the DNS of ${failed.name}` }),
    implicit: false,
    targets,
  };
}
