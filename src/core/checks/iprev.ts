import { recordingResolver } from '../dns/evidence.js';
import { DnsError, recordsOf, type Rcode, type Resolver } from '../dns/types.js';
import { classifyIp, isCheckable, normalizeIp } from '../net/ip.js';
import { reverseName } from '../net/reverse.js';
import type { Hop } from '../route/types.js';
import { providerName } from './advice/provider.js';
import { transientAdvice } from './advice/transient.js';
import { answerKind } from './answer-kind.js';
import { inCompletionOrder } from './completion-order.js';
import { addressTypeOf, failureOf, lookupAddresses, type ForwardLookup } from './forward.js';
import { judgeHostname } from './hostname.js';
import { findZoneOwner, type ZoneOwner } from './reverse-zone.js';
import { NOT_CHECKED, type Check, type CheckContext, type CheckResult, type SenderSoftware, type Severity } from './types.js';
import { whyNotChecked } from './unchecked-ip.js';

/**
 * RFC 8601 §3 asks for a limit on the PTR names tried; 10 is the limit RFC 7208 §4.6.4 sets
 * for the same walk in SPF's "ptr" mechanism, and what MTAs commonly use.
 */
export const MAX_PTR_NAMES = 10;

/** RFC 8601 §3's words. */
export type IprevResult = 'pass' | 'fail' | 'permerror' | 'temperror';

export interface IprevEvaluation {
  result: IprevResult;
  /** The address checked, normalised. */
  ip: string;
  /** Where its PTR records live: "25.113.0.203.in-addr.arpa". */
  reverseName: string;
  /** The PTR lookup's outcome: rcode, or the error when no answer arrived. */
  ptrLookup: { rcode: Rcode | null; error: string | null };
  /** Every PTR name, in answer order. */
  ptrNames: string[];
  /** The cap on names tried. */
  maxNames: number;
  /** The names whose addresses were looked up (the first maxNames). */
  namesChecked: string[];
  /** PTR names beyond the cap, never looked up. */
  namesLeftOut: string[];
  forward: ForwardLookup[];
  /** The first checked name that maps back to the IP. */
  matchedName: string | null;
  /** The reverse zone holding the PTR, and its servers: whom to ask for a PTR. */
  reverseZone: ZoneOwner | null;
  /** Why the result is what it is, in one sentence. */
  reason: string;
}

/**
 * iprev exactly as RFC 8601 §3 defines it: the PTR names of the IP, then for each (up to
 * `maxNames`) its A (IPv4) or AAAA (IPv6) records, looked up in parallel with CNAMEs
 * followed. pass: some name maps back to the IP. fail: names exist, none maps back, and every
 * lookup that could have changed that answered. permerror: no PTR (NXDOMAIN or no data).
 * temperror: the PTR lookup got no usable answer (timeout, HTTP error, SERVFAIL, REFUSED, …),
 * or no name passed and a forward lookup got no usable answer: a transient error never
 * becomes pass or fail.
 *
 * The reverse zone's owner is looked up beside the PTR and forward lookups, never before them.
 * The caller decides whether the IP may go to a resolver at all (see isCheckable). Throws a
 * TypeError when `ip` is not an IP address.
 */
export async function checkIprev(
  ip: string,
  resolver: Resolver,
  options: { signal?: AbortSignal; maxNames?: number } = {},
): Promise<IprevEvaluation> {
  const normal = normalizeIp(ip);
  if (normal === null) throw new TypeError(`${ip} is not an IP address`);
  const rname = reverseName(normal);
  // Together, so that a cancelled evaluation never leaves the zone lookup's rejection unheard.
  const [evaluation, reverseZone] = await Promise.all([
    evaluate(normal, rname, resolver, options.maxNames ?? MAX_PTR_NAMES, options.signal),
    findZoneOwner(rname, resolver, options.signal),
  ]);
  return { ...evaluation, reverseZone };
}

async function evaluate(
  ip: string,
  rname: string,
  resolver: Resolver,
  maxNames: number,
  signal: AbortSignal | undefined,
): Promise<Omit<IprevEvaluation, 'reverseZone'>> {
  const base = { ip, reverseName: rname, maxNames, ptrNames: [], namesChecked: [], namesLeftOut: [], forward: [], matchedName: null };
  let answer: Awaited<ReturnType<Resolver['query']>>;
  try {
    answer = await resolver.query(rname, 'PTR', { signal });
  } catch (error) {
    if (!(error instanceof DnsError)) throw error;
    return { ...base, result: 'temperror', ptrLookup: { rcode: null, error: error.message }, reason: `the PTR lookup of ${rname} got no answer: ${error.message}` };
  }
  const ptrLookup = { rcode: answer.rcode, error: null };
  switch (answerKind(answer, 'PTR')) {
    case 'transient':
      return { ...base, result: 'temperror', ptrLookup, reason: `the PTR lookup of ${rname} failed with ${answer.rcode}` };
    case 'nxdomain':
      return { ...base, result: 'permerror', ptrLookup, reason: `${rname} does not exist (NXDOMAIN): ${ip} has no PTR record` };
    case 'nodata':
      return { ...base, result: 'permerror', ptrLookup, reason: `${rname} exists but holds no PTR record` };
    case 'records':
      break;
  }
  const ptrNames = [...new Set(recordsOf(answer, 'PTR').map((r) => r.data).filter((n) => n.length > 0))];
  const namesChecked = ptrNames.slice(0, maxNames);
  const namesLeftOut = ptrNames.slice(maxNames);
  const type = addressTypeOf(ip);
  const forward = await Promise.all(namesChecked.map((name) => lookupAddresses(name, type, resolver, signal)));
  const found = { ...base, ptrLookup, ptrNames, namesChecked, namesLeftOut, forward };
  const matched = forward.find((f) => f.addresses.includes(ip));
  if (matched) {
    const via = matched.cnameChain.length > 0 ? ` (through CNAME ${matched.cnameChain.join(' → ')})` : '';
    return { ...found, result: 'pass', matchedName: matched.name, reason: `${matched.name}${via} has the ${type} record ${ip}` };
  }
  const failed = forward.find((f) => f.transient);
  if (failed) {
    return { ...found, result: 'temperror', reason: `no PTR name maps back to ${ip}, and the ${type} lookup of ${failed.name} failed (${failureOf(failed)}), so it might have` };
  }
  const capped = namesLeftOut.length > 0 ? ` (${namesLeftOut.length} more left out: at most ${maxNames} are tried)` : '';
  const lines = forward.map((f) => `${f.name} → ${f.addresses.length > 0 ? f.addresses.join(', ') : `no ${type} record`}`);
  return { ...found, result: 'fail', reason: `no PTR name maps back to ${ip}: ${lines.join('; ')}${capped}` };
}

interface Subject {
  ip: string;
  hop: Hop;
  isOrigin: boolean;
}

/** The origin's IP first, then every other hop IP in travel order, each once. */
function subjectsOf(ctx: CheckContext): Subject[] {
  const subjects: Subject[] = [];
  const seen = new Set<string>();
  const hops = ctx.origin ? [ctx.origin, ...ctx.analysis.route.hops] : ctx.analysis.route.hops;
  for (const hop of hops) {
    const ip = hop.received.ip === null ? null : normalizeIp(hop.received.ip);
    if (ip === null || seen.has(ip)) continue;
    seen.add(ip);
    subjects.push({ ip, hop, isOrigin: hop === ctx.origin });
  }
  return subjects;
}

export const iprevCheck: Check = {
  name: 'iprev',
  async *run(ctx) {
    const tasks: Promise<CheckResult>[] = [];
    const skipped: CheckResult[] = [];
    for (const subject of subjectsOf(ctx)) {
      const cls = subject.hop.ipClass ?? classifyIp(subject.ip);
      if (isCheckable(cls)) tasks.push(checkSubject(subject, ctx));
      else skipped.push(notChecked(subject, whyNotChecked(subject.ip, cls)));
    }
    yield* skipped;
    yield* inCompletionOrder(tasks);
  },
};

async function checkSubject(subject: Subject, ctx: CheckContext): Promise<CheckResult> {
  const recorder = recordingResolver(ctx.resolver);
  const evaluation = await checkIprev(subject.ip, recorder, { signal: ctx.signal });
  return {
    check: 'iprev',
    subject: subject.ip,
    result: evaluation.result,
    severity: severityOf(evaluation.result, subject.isOrigin),
    summary: summaryOf(evaluation),
    explanation: explanationOf(evaluation, subject.isOrigin),
    advice: adviceOf(evaluation, subject, ctx.software, ctx.resolver.label),
    hopIndex: subject.hop.index,
    details: { ...evaluation },
    evidence: recorder.evidence,
  };
}

function notChecked(subject: Subject, why: string): CheckResult {
  return {
    check: 'iprev',
    subject: subject.ip,
    result: NOT_CHECKED,
    severity: subject.isOrigin ? 'warning' : 'info',
    summary: `${subject.ip}: reverse DNS not checked`,
    explanation: why,
    advice: subject.isOrigin
      ? ['The hop chosen as the origin carries an address no receiver on the Internet sees. The message reached the Internet at a later hop: pick the first hop with a public IP as the origin.']
      : [],
    hopIndex: subject.hop.index,
    details: { ip: subject.ip, ipClass: subject.hop.ipClass },
    evidence: [],
  };
}

function severityOf(result: IprevResult, isOrigin: boolean): Severity {
  if (result === 'pass') return 'ok';
  if (result === 'temperror') return 'warning';
  return isOrigin ? 'error' : 'info';
}

function summaryOf(e: IprevEvaluation): string {
  switch (e.result) {
    case 'pass': {
      const matched = e.forward.find((f) => f.name === e.matchedName);
      return `${[e.ip, e.matchedName, ...(matched?.cnameChain ?? []), e.ip].join(' → ')}: reverse DNS passes`;
    }
    case 'fail': {
      const only = e.forward.length === 1 ? e.forward[0] : undefined;
      if (only) return `${e.ip} → ${only.name} → ${only.addresses.join(', ') || `no ${only.type} record`}: reverse DNS fails`;
      return `${e.ip} → ${e.ptrNames.length} PTR names, none maps back: reverse DNS fails`;
    }
    case 'permerror':
      return `${e.ip} has no PTR record: reverse DNS fails (permerror)`;
    case 'temperror':
      return `${e.ip}: reverse DNS could not be checked (temperror)`;
  }
}

/** Whether the lookups that decided a temperror got an answer from DNS (an rcode), not a transport failure. */
function answeredByResolver(e: IprevEvaluation): boolean {
  if (e.ptrLookup.rcode === null) return false;
  return e.forward.every((f) => !f.transient || f.rcode !== null);
}

function explanationOf(e: IprevEvaluation, isOrigin: boolean): string {
  const role = isOrigin
    ? 'This is the IP that connected to the receiving side, the one receivers check.'
    : 'This hop is not where the message entered the receiving side, so receivers do not check it; it is shown for completeness.';
  const rule: Record<IprevResult, string> = {
    pass: 'The PTR name and its address records agree both ways, as RFC 8601 §3 (iprev) requires.',
    fail: 'RFC 8601 §3 (iprev) passes only when a PTR name of the IP has an address record equal to the IP. Receivers that check reverse DNS treat a failure like a missing name: spam score or rejection.',
    permerror: 'Without a PTR record the IP has no name; many receivers (AOL and Yahoo among them) refuse or junk mail from such IPs, and asking again will not change it.',
    temperror: 'A DNS lookup that decides the result got no usable answer. That is transient: asking again later may give a verdict.',
  };
  // Only an error DNS itself returned is one a receiver would have met too.
  const receivers = e.result === 'temperror' && answeredByResolver(e) ? ' Receivers that meet the same error defer the message (4xx) rather than refuse it.' : '';
  return `In DNS now, ${e.reason}. ${rule[e.result]}${receivers} ${role}`;
}

function adviceOf(e: IprevEvaluation, subject: Subject, software: SenderSoftware | null, resolverLabel: string): string[] {
  const holder = zoneHolder(e.reverseZone, e.ip);
  if (e.result === 'temperror') {
    const failed = e.forward.find((f) => f.transient);
    if (failed) return transientAdvice(failed, resolverLabel, { zone: failed.name, owner: `whoever runs the DNS of ${failed.name}` });
    return transientAdvice({ name: e.reverseName, type: 'PTR', ...e.ptrLookup }, resolverLabel, {
      zone: e.reverseZone ? `the reverse zone ${e.reverseZone.name || '.'}` : `the reverse zone of ${e.ip}`,
      owner: `${holder}, whose servers answer for ${e.reverseName},`,
    });
  }
  const provider = subject.isOrigin ? providerName(software) : null;
  if (provider && e.result !== 'pass') {
    return [`${provider} runs this sending IP and manages its reverse DNS: nothing for you to change there. If the message did not really leave through ${provider}, check which hop is the origin.`];
  }
  const recordType = addressTypeOf(e.ip);
  switch (e.result) {
    case 'pass':
      return [];
    case 'permerror': {
      const helo = subject.hop.received.helo;
      const name = helo !== null && judgeHostname(helo).ok ? helo.toLowerCase().replace(/\.$/, '') : "<your mail server's public name>";
      return [
        `Ask ${holder} to add: ${e.reverseName}. PTR ${name}.`,
        `Make sure ${name} has an ${recordType} record pointing at ${e.ip}, so the names agree both ways.`,
      ];
    }
    case 'fail': {
      const bare = e.forward.filter((f) => f.addresses.length === 0).map((f) => f.name);
      const missing =
        bare.length === 0
          ? []
          : [`Add an ${recordType} record for ${bare.length === 1 ? bare[0] : `one of ${bare.join(', ')}`} pointing at ${e.ip}, or have the PTR changed to a name that has one.`];
      const elsewhere = e.forward
        .filter((f) => f.addresses.length > 0)
        .map((f) => `${f.name} points at ${f.addresses.join(', ')}, not ${e.ip}: add ${e.ip} to its ${recordType} records if this server is ${f.name}, or have the PTR changed to a name whose ${recordType} record is ${e.ip}.`);
      const cap =
        e.namesLeftOut.length > 0
          ? [`Keep a single PTR record for ${e.ip}: it has ${e.ptrNames.length}, and receivers try at most ${e.maxNames} (left out here: ${e.namesLeftOut.join(', ')}).`]
          : [];
      return [...missing, ...elsewhere, ...cap, `To change the PTR, ask ${holder}.`];
    }
  }
}

function zoneHolder(zone: ZoneOwner | null, ip: string): string {
  if (zone === null) return `whoever holds the reverse zone for ${ip} (your ISP or hosting provider; \`dig -x ${ip} +trace\` shows who)`;
  const ns = zone.ns.length > 0 ? `, its servers are ${zone.ns.join(', ')}` : '';
  return `whoever holds the reverse zone ${zone.name || '.'} (its SOA names ${zone.soa.mname}${ns}; usually your ISP or hosting provider)`;
}
