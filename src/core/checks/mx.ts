import { transientAdvice } from '../advice/transient.js';
import { inCompletionOrder } from '../completion-order.js';
import { recordingResolver } from '../dns/evidence.js';
import { recordsOf, type Resolver } from '../dns/types.js';
import { identityDomain } from '../hostnames/identity-domain.js';
import { judgeHostname } from '../hostnames/judge.js';
import { lookupAddresses, type ForwardLookup } from '../lookups/forward.js';
import { failureOf, lookUp, type FailedLookup, type Lookup } from '../lookups/lookup.js';
import { classifyIp, isCheckable, normalizeIp } from '../net/ip.js';
import { notChecked } from './not-checked.js';
import type { Check, CheckContext, NotChecked, Verdict } from './types.js';

/** Which address of the message a domain came from: bounces go to one, replies to the other. */
export type DomainRole = 'envelope-from' | 'from';

export interface MxTarget {
  preference: number;
  /** The MX's exchange as published ("" for the null MX "."). */
  exchange: string;
  addresses: string[];
  /** CNAMEs followed from the exchange: an MX must not point at an alias. */
  cnameChain: string[];
  /** Each thing wrong with this target, in plain words. */
  problems: string[];
  /** A lookup for this target got no usable answer. */
  transient: boolean;
}

/** A target and, when its address lookups got no usable answer, the one that failed. */
interface Inspected {
  target: MxTarget;
  failed: ForwardLookup | null;
}

interface Subject {
  domain: string;
  roles: DomainRole[];
}

/** pass: mail can be delivered to the domain; fail: an MX target is wrong, or a null MX; none: nowhere to deliver. */
export type MxResult = 'pass' | 'fail' | 'none' | 'temperror';

export interface MxDetails {
  domain: string;
  roles: DomainRole[];
  /** No MX record: the domain's own A/AAAA records act as its MX (RFC 5321 §5.1). */
  implicit: boolean;
  targets: MxTarget[];
}

export type MxCheckResult =
  | Verdict<'mx', MxResult, MxDetails>
  /** The domain is not a domain name: roles known, no targets looked up. */
  | NotChecked<'mx', { domain: string; roles: DomainRole[]; targets: [] }>
  | NotChecked<'mx', { domain: null }>;

type Evaluation = Pick<Verdict<'mx', MxResult, MxDetails>, 'result' | 'severity' | 'summary' | 'explanation' | 'advice'> & {
  implicit: boolean;
  targets: MxTarget[];
};

/**
 * Can the sending domains receive mail? For the envelope-from (Return-Path) domain, where
 * bounces go, and the From: domain, where replies go: every MX target must be a host name
 * (not an IP address, RFC 5321 §5.1) with A/AAAA records of its own (not a CNAME, RFC 2181
 * §10.3). A lone "0 ." is RFC 7505's null MX: the domain accepts no mail. No MX at all means
 * the domain's own A/AAAA records act as its MX (RFC 5321 §5.1, "implicit MX").
 *
 * Result: pass (mail can be delivered to the domain), fail (an MX target is wrong, or a null
 * MX), none (the domain does not exist, or has neither MX nor A/AAAA), temperror (a lookup that
 * decides the answer got no usable answer).
 */
export const mxCheck: Check<'mx', MxCheckResult> = {
  name: 'mx',
  meta: {
    label: 'MX records',
    shortLabel: 'MX',
    summaryRank: 4,
    section: 'checks',
    locale: { label: 'check_mx', shortLabel: 'check_short_mx' },
  },
  after: [],
  async *run(ctx) {
    const subjects = subjectsOf(ctx);
    if (subjects.length === 0) {
      yield noDomain();
      return;
    }
    yield* inCompletionOrder(subjects.map((s) => checkDomain(s, ctx)));
  },
};

function subjectsOf(ctx: CheckContext): Subject[] {
  const envelope = ctx.analysis.message.returnPath ?? ctx.origin?.received.envelopeFrom ?? null;
  const candidates: Array<[string | null, DomainRole]> = [
    [identityDomain(envelope), 'envelope-from'],
    [identityDomain(ctx.analysis.message.from), 'from'],
  ];
  const subjects: Subject[] = [];
  for (const [domain, role] of candidates) {
    if (domain === null) continue;
    const same = subjects.find((s) => s.domain === domain);
    if (same) same.roles.push(role);
    else subjects.push({ domain, roles: [role] });
  }
  return subjects;
}

function noDomain(): MxCheckResult {
  return notChecked('mx', {
    subject: '',
    summary: 'MX not checked: no sender domain',
    explanation: 'The message has neither a Return-Path nor a From: address with a domain, so there is no sending domain to check.',
    hopIndex: null,
    details: { domain: null },
  });
}

async function checkDomain(subject: Subject, ctx: CheckContext): Promise<MxCheckResult> {
  const { domain, roles } = subject;
  const verdict = judgeHostname(domain);
  if (!verdict.ok && verdict.problem !== 'private-suffix') {
    return notChecked('mx', {
      subject: domain,
      severity: 'warning',
      summary: `${domain} is not a domain name: MX not checked`,
      explanation: verdict.explanation,
      hopIndex: null,
      details: { domain, roles, targets: [] },
    });
  }
  const recorder = recordingResolver(ctx.resolver);
  const lookup = await lookUp(recorder, domain, 'MX', ctx.signal);
  const evaluation = await evaluate(domain, roles, lookup, recorder, ctx.signal);
  const { implicit, targets, ...words } = evaluation;
  return { check: 'mx', subject: domain, hopIndex: null, ...words, details: { domain, roles, implicit, targets }, evidence: recorder.evidence };
}

function roleWords(domain: string, roles: DomainRole[]): string {
  const parts = roles.map((r) =>
    r === 'envelope-from'
      ? 'the envelope sender (Return-Path) domain, where bounces go'
      : 'the From: domain, where replies go',
  );
  return `${domain} is ${parts.join(', and ')}.`;
}

async function evaluate(
  domain: string,
  roles: DomainRole[],
  lookup: Lookup,
  resolver: Resolver,
  signal: AbortSignal | undefined,
): Promise<Evaluation> {
  const role = roleWords(domain, roles);
  const bounces = roles.includes('envelope-from');
  if (lookup.failed) {
    return temperror(domain, `The MX lookup of ${domain} got no usable answer (${failureOf(lookup.failed)}). ${role}`, lookup.failed, [], resolver.label);
  }
  const { kind, answer } = lookup;
  if (kind === 'nxdomain') {
    return {
      result: 'none',
      severity: bounces ? 'error' : 'warning',
      summary: `${domain} does not exist (NXDOMAIN)`,
      explanation: `${role} It does not exist in DNS, so nothing can be delivered to it; many receivers refuse mail from a sender domain that does not resolve.`,
      advice: [`Send from an address in a domain that exists, or register and publish ${domain} with an MX record.`],
      implicit: false,
      targets: [],
    };
  }
  if (kind === 'nodata') return implicitMx(domain, role, bounces, resolver, signal);
  const records = recordsOf(answer, 'MX').sort((a, b) => a.data.preference - b.data.preference);
  if (records.length === 1 && records[0]!.data.exchange === '') {
    return {
      result: 'fail',
      severity: bounces ? 'error' : 'warning',
      summary: `${domain} publishes a null MX: it accepts no mail`,
      explanation: `${role} Its only MX is RFC 7505's null MX ("0 ."), which says the domain accepts no mail. Replies and bounces to it cannot be delivered, and RFC 7505 §4.2 lets receivers refuse mail whose envelope sender is in such a domain.`,
      advice: bounces
        ? [`Send with an envelope sender in a domain that receives mail, or replace the null MX of ${domain} with MX records for its inbound servers.`]
        : [`If replies to ${domain} should arrive, replace its null MX with MX records for its inbound servers.`],
      implicit: false,
      targets: [{ preference: records[0]!.data.preference, exchange: '', addresses: [], cnameChain: [], problems: [], transient: false }],
    };
  }
  const inspected = await Promise.all(records.map((r) => inspectTarget(r.data.preference, r.data.exchange, resolver, signal)));
  return verdictOf(domain, role, bounces, inspected, resolver.label);
}

async function inspectTarget(
  preference: number,
  exchange: string,
  resolver: Resolver,
  signal: AbortSignal | undefined,
): Promise<Inspected> {
  const target: MxTarget = { preference, exchange, addresses: [], cnameChain: [], problems: [], transient: false };
  if (exchange === '') {
    target.problems.push('a null MX (".") mixed with other MX records: RFC 7505 §3 says the null MX must be the only one');
    return { target, failed: null };
  }
  if (normalizeIp(exchange) !== null) {
    target.problems.push(`${exchange} is an IP address, not a host name: RFC 5321 §5.1 wants a name, and senders look up "${exchange}." as a name, which does not exist`);
    return { target, failed: null };
  }
  const lookups = await Promise.all([lookupAddresses(exchange, 'A', resolver, signal), lookupAddresses(exchange, 'AAAA', resolver, signal)]);
  target.addresses = lookups.flatMap((l) => l.addresses);
  target.cnameChain = lookups.find((l) => l.cnameChain.length > 0)?.cnameChain ?? [];
  if (target.cnameChain.length > 0) {
    target.problems.push(`${exchange} is an alias (CNAME) for ${target.cnameChain.at(-1)}: RFC 2181 §10.3 says an MX must name the host itself`);
  }
  const unreachable = target.addresses.filter((a) => !isCheckable(classifyIp(a)));
  if (unreachable.length > 0) {
    target.problems.push(`${exchange} points at ${unreachable.join(', ')}, which no one on the Internet can reach`);
  }
  const failed = target.addresses.length === 0 ? (lookups.find((l) => l.transient) ?? null) : null;
  if (failed) target.transient = true;
  else if (target.addresses.length === 0) target.problems.push(`${exchange} has neither an A nor an AAAA record`);
  return { target, failed };
}

function verdictOf(domain: string, role: string, bounces: boolean, inspected: Inspected[], resolverLabel: string): Evaluation {
  const targets = inspected.map((i) => i.target);
  const list = targets.map((t) => `MX ${t.preference} ${t.exchange || '.'}${t.addresses.length ? ` (${t.addresses.join(', ')})` : ''}`).join(', ');
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

async function implicitMx(
  domain: string,
  role: string,
  bounces: boolean,
  resolver: Resolver,
  signal: AbortSignal | undefined,
): Promise<Evaluation> {
  const lookups = await Promise.all([lookupAddresses(domain, 'A', resolver, signal), lookupAddresses(domain, 'AAAA', resolver, signal)]);
  const addresses = lookups.flatMap((l) => l.addresses);
  const target: MxTarget = { preference: 0, exchange: domain, addresses, cnameChain: [], problems: [], transient: false };
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
  const failed = lookups.find((l) => l.transient);
  if (failed) {
    target.transient = true;
    return temperror(domain, `${role} It has no MX, and the ${failed.type} lookup of ${domain} failed (${failureOf(failed)}).`, failed, [target], resolver.label);
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
function temperror(domain: string, explanation: string, failed: FailedLookup, targets: MxTarget[], resolverLabel: string): Evaluation {
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
