import { recordsOf, type Resolver } from '../../dns/types.js';
import { lookupAddresses, type ForwardLookup } from '../../lookups/forward.js';
import type { FailedLookup, Lookup } from '../../lookups/lookup.js';
import { classifyIp, isCheckable, normalizeIp } from '../../net/ip.js';

/** Which address of the message a domain came from: bounces go to one, replies to the other. */
/** Which identity a domain is: the envelope sender, the From: domain, or a forward's original envelope sender. */
export type DomainRole = 'envelope-from' | 'from' | 'original-envelope-from';

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
export interface Inspected {
  target: MxTarget;
  failed: ForwardLookup | null;
}

/** pass: mail can be delivered to the domain; fail: an MX target is wrong, or a null MX; none: nowhere to deliver. */
export type MxResult = 'pass' | 'fail' | 'none' | 'temperror';

export interface MxDetails {
  domain: string;
  roles: DomainRole[];
  /** No MX record: the domain's own A/AAAA records act as its MX (RFC 5321 §5.1). */
  implicit: boolean;
  targets: MxTarget[];
  /** MX records past MAX_MX_TARGETS (by preference), not looked up. */
  targetsLeftOut: number;
}

/**
 * MX targets looked up per domain, lowest preference first. A sender tries a domain's MX hosts
 * in preference order and gives up or queues after a few (RFC 5321 §5.1 lets it cap the list),
 * so the rest say nothing about delivery, and one answer with 2,500 records must not cost 5,000
 * queries.
 */
export const MAX_MX_TARGETS = 10;

/** What the DNS said about a domain's MX, before any words are put on it. */
export type MxEvaluation =
  | { kind: 'lookup-failed'; failed: FailedLookup }
  | { kind: 'nxdomain' }
  /** RFC 7505's "0 ." as the only MX. */
  | { kind: 'null-mx'; target: MxTarget }
  /** `leftOut`: records past MAX_MX_TARGETS, not looked up. */
  | { kind: 'targets'; inspected: Inspected[]; leftOut: number }
  /** No MX: the domain's own A/AAAA records (RFC 5321 §5.1); `failed` is the lookup that got no usable answer. */
  | { kind: 'implicit'; target: MxTarget; failed: ForwardLookup | undefined };

export async function evaluateMx(domain: string, lookup: Lookup, resolver: Resolver, signal: AbortSignal | undefined): Promise<MxEvaluation> {
  if (lookup.failed) return { kind: 'lookup-failed', failed: lookup.failed };
  const { kind, answer } = lookup;
  if (kind === 'nxdomain') return { kind: 'nxdomain' };
  if (kind === 'nodata') return implicitMx(domain, resolver, signal);
  const records = recordsOf(answer, 'MX').sort((a, b) => a.data.preference - b.data.preference);
  if (records.length === 1 && records[0]!.data.exchange === '') {
    return {
      kind: 'null-mx',
      target: { preference: records[0]!.data.preference, exchange: '', addresses: [], cnameChain: [], problems: [], transient: false },
    };
  }
  const checked = records.slice(0, MAX_MX_TARGETS);
  const inspected = await Promise.all(checked.map((r) => inspectTarget(r.data.preference, r.data.exchange, resolver, signal)));
  return { kind: 'targets', inspected, leftOut: records.length - checked.length };
}

async function inspectTarget(preference: number, exchange: string, resolver: Resolver, signal: AbortSignal | undefined): Promise<Inspected> {
  const target: MxTarget = { preference, exchange, addresses: [], cnameChain: [], problems: [], transient: false };
  if (exchange === '') {
    target.problems.push('a null MX (".") mixed with other MX records: RFC 7505 §3 says the null MX must be the only one');
    return { target, failed: null };
  }
  if (normalizeIp(exchange) !== null) {
    target.problems.push(
      `${exchange} is an IP address, not a host name: RFC 5321 §5.1 wants a name, and senders look up "${exchange}." as a name, which does not exist`,
    );
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

async function implicitMx(domain: string, resolver: Resolver, signal: AbortSignal | undefined): Promise<MxEvaluation> {
  const lookups = await Promise.all([lookupAddresses(domain, 'A', resolver, signal), lookupAddresses(domain, 'AAAA', resolver, signal)]);
  const addresses = lookups.flatMap((l) => l.addresses);
  const target: MxTarget = { preference: 0, exchange: domain, addresses, cnameChain: [], problems: [], transient: false };
  const failed = addresses.length > 0 ? undefined : lookups.find((l) => l.transient);
  if (failed) target.transient = true;
  return { kind: 'implicit', target, failed };
}
