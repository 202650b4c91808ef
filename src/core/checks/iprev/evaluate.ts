import { recordsOf, type Rcode, type Resolver } from '../../dns/types.js';
import { addressTypeOf, lookupAddresses, type ForwardLookup } from '../../lookups/forward.js';
import { failureOf, lookUp } from '../../lookups/lookup.js';
import { findZoneOwner, type ZoneOwner } from '../../lookups/zone-owner.js';
import { normalizeIp } from '../../net/ip.js';
import { reverseName } from '../../net/reverse.js';

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
export async function checkIprev(ip: string, resolver: Resolver, options: { signal?: AbortSignal; maxNames?: number } = {}): Promise<IprevEvaluation> {
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
  const lookup = await lookUp(resolver, rname, 'PTR', signal);
  if (lookup.answer === null) {
    const error = lookup.failed.error;
    return { ...base, result: 'temperror', ptrLookup: { rcode: null, error }, reason: `the PTR lookup of ${rname} got no answer: ${error}` };
  }
  const { answer } = lookup;
  const ptrLookup = { rcode: answer.rcode, error: null };
  switch (lookup.kind) {
    case 'transient':
      return { ...base, result: 'temperror', ptrLookup, reason: `the PTR lookup of ${rname} failed with ${answer.rcode}` };
    case 'nxdomain':
      return { ...base, result: 'permerror', ptrLookup, reason: `${rname} does not exist (NXDOMAIN): ${ip} has no PTR record` };
    case 'nodata':
      return { ...base, result: 'permerror', ptrLookup, reason: `${rname} exists but holds no PTR record` };
    case 'records':
      break;
  }
  const ptrNames = [
    ...new Set(
      recordsOf(answer, 'PTR')
        .map((r) => r.data)
        .filter((n) => n.length > 0),
    ),
  ];
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
    return {
      ...found,
      result: 'temperror',
      reason: `no PTR name maps back to ${ip}, and the ${type} lookup of ${failed.name} failed (${failureOf(failed)}), so it might have`,
    };
  }
  const capped = namesLeftOut.length > 0 ? ` (${namesLeftOut.length} more left out: at most ${maxNames} are tried)` : '';
  const lines = forward.map((f) => `${f.name} → ${f.addresses.length > 0 ? f.addresses.join(', ') : `no ${type} record`}`);
  return { ...found, result: 'fail', reason: `no PTR name maps back to ${ip}: ${lines.join('; ')}${capped}` };
}
