import { isAtOrUnder } from '../../hostnames/canonical.js';
import { recordsOf } from '../../dns/types.js';
import { lookupAddresses, type ForwardLookup } from '../../lookups/forward.js';
import { failureOf, lookUp, type FailedLookup } from '../../lookups/lookup.js';
import { humanForm, inNetwork, parseClient } from './address.js';
import { domainProblem, expandDomain, isQueryable } from './domain.js';
import type { MacroToken } from './macro.js';
import { MAX_NAMES_PER_LOOKUP } from './ptr.js';
import { fetchRecord } from './fetch-record.js';
import type { DomainModifier, MechanismTerm, Qualifier } from './record.js';
import { macroValues, type Session } from './session.js';
import { SpfStop } from './stop.js';

/** The results check_host() returns normally; permerror and temperror end it as SpfStop. */
export type HostResult = 'none' | 'neutral' | 'pass' | 'fail' | 'softfail';

export interface HostOutcome {
  result: HostResult;
  /** The domain whose record decided the result (after redirect=). */
  domain: string;
  record: string | null;
  /** The deciding term; null for "none" and for the default neutral. */
  mechanism: string | null;
  reason: string;
  /** The deciding record's exp=, used only when the final result is "fail" (§6.2). */
  exp: DomainModifier | null;
}

const QUALIFIER_RESULT: Readonly<Record<Qualifier, HostResult>> = { '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' };

interface Match {
  matched: boolean;
  /** What the term found, for the trace and the reason. */
  note: string;
}

/** check_host() of RFC 7208 §4 for one domain; includes and redirects recurse here. */
export async function checkHost(s: Session, domain: string, depth: number): Promise<HostOutcome> {
  const problem = domainProblem(domain);
  if (problem !== null) {
    s.trace.push({ domain, record: null, term: null, note: `not checked: ${problem}`, depth });
    return none(domain, `${problem}, so there is no SPF policy to apply (RFC 7208 §4.3)`);
  }
  const fetched = await fetchRecord(s, domain, depth);
  if (fetched.record === null) return none(domain, fetched.reason);
  const record = fetched.record;

  for (const term of record.mechanisms) {
    const { matched, note } = await traced(s, domain, record.text, term.text, depth, () => evaluateMechanism(s, domain, record.text, term, depth));
    s.trace.push({ domain, record: record.text, term: term.text, note, depth });
    if (matched) {
      const result = QUALIFIER_RESULT[term.qualifier];
      return {
        result,
        domain,
        record: record.text,
        mechanism: term.text,
        reason: `${term.text} in the SPF record of ${domain} matched (${note}), so the result is ${result}`,
        exp: record.exp,
      };
    }
  }

  if (record.redirect) {
    const term = record.redirect.text;
    const redirect = record.redirect;
    const { target, inner } = await traced(s, domain, record.text, term, depth, async () => {
      s.limits.countTerm(domain, term);
      const target = await expandDomain(redirect.target, macroValues(s, domain));
      s.trace.push({ domain, record: record.text, term, note: `no mechanism matched; following the redirect to ${target}`, depth });
      const inner = await checkHost(s, target, depth + 1);
      if (inner.result === 'none') {
        throw new SpfStop(
          'permerror',
          { kind: 'no-record-at-target', domain, term },
          `${term} in the SPF record of ${domain} points to ${target}, which has no SPF record (${inner.reason}); RFC 7208 §6.1 makes that a permerror`,
        );
      }
      return { target, inner };
    });
    return { ...inner, reason: `${domain} redirects to ${target}; there, ${inner.reason}` };
  }

  s.trace.push({ domain, record: record.text, term: null, note: 'no mechanism matched and there is no redirect=: neutral', depth });
  return {
    result: 'neutral',
    domain,
    record: record.text,
    mechanism: null,
    reason: `no mechanism in the SPF record of ${domain} matched ${humanForm(s.client)} and it has no redirect=, so the result is neutral (RFC 7208 §4.7)`,
    exp: null,
  };
}

/** Runs one term; when it ends the evaluation, the trace says where. */
async function traced<T>(s: Session, domain: string, record: string, term: string, depth: number, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const note = error instanceof SpfStop ? `${error.result}: ${error.message}` : null;
    if (note !== null && !s.trace.some((t) => t.note === note)) {
      s.trace.push({ domain, record, term, note, depth });
    }
    throw error;
  }
}

function none(domain: string, reason: string): HostOutcome {
  return { result: 'none', domain, record: null, mechanism: null, reason, exp: null };
}

async function evaluateMechanism(s: Session, domain: string, record: string, term: MechanismTerm, depth: number): Promise<Match> {
  const m = term.mechanism;
  const ip = humanForm(s.client);
  switch (m.kind) {
    case 'all':
      return { matched: true, note: `"all" matches every address` };
    case 'ip4':
    case 'ip6': {
      const matched = inNetwork(s.client, m.network, m.bits);
      return { matched, note: matched ? `${ip} is in ${m.network.toString()}/${m.bits}` : `${ip} is not in ${m.network.toString()}/${m.bits}` };
    }
    case 'include':
      return include(s, domain, record, term.text, m.target, depth);
    case 'a': {
      s.limits.countTerm(domain, term.text);
      const target = await targetOf(s, domain, m.target);
      if (!isQueryable(target)) return { matched: false, note: `${target} cannot be looked up (empty or over-long label), so it matches nothing` };
      const lookup = await addressesOf(s, target, domain, term.text);
      if (lookup.addresses.length === 0) {
        s.limits.countVoid(domain, term.text);
        return { matched: false, note: `${target} has no ${lookup.type} records` };
      }
      return matchAddresses(s, [lookup], m.cidr4, m.cidr6);
    }
    case 'mx':
      s.limits.countTerm(domain, term.text);
      return mx(s, domain, term.text, await targetOf(s, domain, m.target), m.cidr4, m.cidr6);
    case 'ptr': {
      s.limits.countTerm(domain, term.text);
      const target = await targetOf(s, domain, m.target);
      return ptr(s, domain, term.text, target);
    }
    case 'exists': {
      s.limits.countTerm(domain, term.text);
      const target = await targetOf(s, domain, m.target);
      if (!isQueryable(target)) return { matched: false, note: `${target} cannot be looked up (empty or over-long label), so it matches nothing` };
      const lookup = await addressesOf(s, target, domain, term.text, 'A');
      if (lookup.addresses.length === 0) {
        s.limits.countVoid(domain, term.text);
        return { matched: false, note: `${target} has no A record` };
      }
      return { matched: true, note: `${target} has an A record` };
    }
  }
}

async function targetOf(s: Session, domain: string, target: MacroToken[] | null): Promise<string> {
  return target === null ? domain : expandDomain(target, macroValues(s, domain));
}

/** §5.2: the included domain's result decides whether include matches. */
async function include(s: Session, domain: string, record: string, term: string, spec: MacroToken[], depth: number): Promise<Match> {
  s.limits.countTerm(domain, term);
  const target = await expandDomain(spec, macroValues(s, domain));
  s.trace.push({ domain, record, term, note: `evaluating the SPF record of ${target}`, depth });
  const inner = await checkHost(s, target, depth + 1);
  switch (inner.result) {
    case 'pass':
      return { matched: true, note: `the included domain ${target} gives pass: ${inner.reason}` };
    case 'none':
      throw new SpfStop(
        'permerror',
        { kind: 'no-record-at-target', domain, term },
        `${term} in the SPF record of ${domain} includes ${target}, which has no SPF record (${inner.reason}); RFC 7208 §5.2 makes that a permerror`,
      );
    default:
      return { matched: false, note: `the included record of ${target} gives ${inner.result}, so the include does not match` };
  }
}

/** A or AAAA (by the client's family, or as asked) of a name; a failed lookup is temperror (§5). */
async function addressesOf(s: Session, name: string, domain: string, term: string, type?: 'A' | 'AAAA'): Promise<ForwardLookup> {
  const lookup = await lookupAddresses(name, type ?? addressType(s), s.resolver, s.signal);
  if (lookup.transient) throw dnsFailure(domain, term, `the ${lookup.type} lookup of ${name} failed (${failureOf(lookup)})`, lookup);
  return lookup;
}

function addressType(s: Session): 'A' | 'AAAA' {
  return s.client.kind() === 'ipv4' ? 'A' : 'AAAA';
}

function matchAddresses(s: Session, lookups: readonly ForwardLookup[], cidr4: number, cidr6: number): Match {
  const bits = s.client.kind() === 'ipv4' ? cidr4 : cidr6;
  const seen: string[] = [];
  for (const lookup of lookups) {
    for (const text of lookup.addresses) {
      const addr = parseClient(text);
      if (addr && inNetwork(s.client, addr, bits)) {
        return { matched: true, note: `${humanForm(s.client)} is in ${text}/${bits} (${lookup.type} of ${lookup.name})` };
      }
      seen.push(text);
    }
  }
  return { matched: false, note: `${humanForm(s.client)} is not in ${seen.map((a) => `${a}/${bits}`).join(', ') || 'any address found'}` };
}

/** §5.4: MX names of the target, then their addresses, looked up in parallel. */
async function mx(s: Session, domain: string, term: string, target: string, cidr4: number, cidr6: number): Promise<Match> {
  if (!isQueryable(target)) return { matched: false, note: `${target} cannot be looked up (empty or over-long label), so it matches nothing` };
  const lookup = await lookUp(s.resolver, target, 'MX', s.signal);
  if (lookup.failed) throw dnsFailure(domain, term, `the MX lookup of ${target} failed (${failureOf(lookup.failed)})`, lookup.failed);
  const exchanges = recordsOf(lookup.answer, 'MX').map((r) => r.data.exchange);
  if (exchanges.length === 0) {
    s.limits.countVoid(domain, term);
    return { matched: false, note: `${target} has no MX records` };
  }
  if (exchanges.length > MAX_NAMES_PER_LOOKUP) {
    throw new SpfStop(
      'permerror',
      { kind: 'mx-limit', domain, count: exchanges.length, term },
      `${term} in the SPF record of ${domain}: ${target} has ${exchanges.length} MX records; RFC 7208 §4.6.4 allows ${MAX_NAMES_PER_LOOKUP}`,
    );
  }
  // A null MX (RFC 7505, target ".") names no host.
  const hosts = [...new Set(exchanges.filter((e) => e !== '' && e !== '.'))];
  const answers = await Promise.all(hosts.map((h) => lookupAddresses(h, addressType(s), s.resolver, s.signal)));
  const lookups: ForwardLookup[] = [];
  // In MX order, as a one-by-one evaluation would meet them: a failure before the first match is temperror.
  for (const lookup of answers) {
    const found = matchAddresses(s, [lookup], cidr4, cidr6);
    if (found.matched) return { matched: true, note: `${found.note}, an MX of ${target}` };
    if (lookup.transient)
      throw dnsFailure(domain, term, `the ${lookup.type} lookup of ${lookup.name}, an MX of ${target}, failed (${failureOf(lookup)})`, lookup);
    lookups.push(lookup);
  }
  const miss = matchAddresses(s, lookups, cidr4, cidr6);
  return { matched: false, note: `${miss.note} (MX of ${target}: ${hosts.join(', ') || 'null MX'})` };
}

/** §5.5: a validated PTR name of the client equal to or under the target. */
async function ptr(s: Session, domain: string, term: string, target: string): Promise<Match> {
  const lookup = await s.names.ptrNames();
  if (lookup.kind === 'transient') {
    return { matched: false, note: 'the PTR lookup failed, which RFC 7208 §5.5 makes a non-match' };
  }
  if (lookup.kind !== 'records') {
    s.limits.countVoid(domain, term);
    return { matched: false, note: `${humanForm(s.client)} has no PTR records` };
  }
  const candidates = lookup.names.filter((n) => isAtOrUnder(n, target));
  const validated = await Promise.all(candidates.map((n) => s.names.isValidated(n)));
  const hit = candidates.find((_, i) => validated[i]);
  const capped = lookup.total > MAX_NAMES_PER_LOOKUP ? ` (first ${MAX_NAMES_PER_LOOKUP} of ${lookup.total} PTR names looked at)` : '';
  if (hit !== undefined) return { matched: true, note: `${hit} is a validated PTR name of ${humanForm(s.client)} under ${target}${capped}` };
  return { matched: false, note: `no validated PTR name of ${humanForm(s.client)} is ${target} or under it${capped}` };
}

function dnsFailure(domain: string, term: string, detail: string, lookup: FailedLookup): SpfStop {
  const { name, type, rcode, error } = lookup;
  return new SpfStop('temperror', { kind: 'dns', domain, detail, lookup: { name, type, rcode, error } }, `${term} in the SPF record of ${domain}: ${detail}`);
}
