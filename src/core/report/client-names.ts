import type { CheckResult } from '../checks/index.js';
import { normalizeIp } from '../net/ip.js';
import type { Hop } from '../route/types.js';

/**
 * What a name beside a client IP is: a PTR name Hoplens verified now (iprev pass, RFC 8601 §3),
 * the reverse DNS the receiving server wrote in its Received header, or the HELO name, which the
 * sender chooses freely (RFC 5321 §4.1.4) and which therefore never stands where a verified name
 * is expected.
 */
export type ClientName = { kind: 'verified'; name: string } | { kind: 'recorded'; name: string; recordedBy: string | null } | { kind: 'helo'; name: string };

/** What Hoplens found for a hop's IP just now: iprev's word and, on a pass, the name that maps back. */
export interface LiveReverseDns {
  result: string;
  verifiedName: string | null;
}

/**
 * Each list's iprev results by hop, built once: exporters ask for every hop of a route, and a
 * scan of all results per hop would cost hops × results on a stuffed message. Result lists are
 * never changed once made (the views replace theirs on each update).
 */
const byHop = new WeakMap<readonly CheckResult[], Map<number, LiveReverseDns>>();

/** The iprev result about this hop's client, once it arrived. */
export function liveReverseDns(hop: Hop, checks: readonly CheckResult[]): LiveReverseDns | null {
  let index = byHop.get(checks);
  if (!index) {
    index = new Map();
    for (const c of checks) {
      if (c.check !== 'iprev' || c.hopIndex === null || index.has(c.hopIndex)) continue;
      index.set(c.hopIndex, { result: c.result, verifiedName: c.result === 'pass' ? c.details.matchedName : null });
    }
    byHop.set(checks, index);
  }
  return index.get(hop.index) ?? null;
}

/** Every name the hop's client goes by, each labelled, verified first and the sender's own choice last. */
export function clientNames(hop: Hop, checks: readonly CheckResult[]): ClientName[] {
  const names: ClientName[] = [];
  const verified = liveReverseDns(hop, checks)?.verifiedName;
  if (verified) names.push({ kind: 'verified', name: verified });
  const { rdns, helo, by } = hop.received;
  if (rdns) names.push({ kind: 'recorded', name: rdns, recordedBy: by });
  // An address literal as HELO says nothing beyond the IP itself.
  if (helo && normalizeIp(helo.replace(/^\[(?:ipv6:)?|\]$/gi, '')) === null) names.push({ kind: 'helo', name: helo });
  return names;
}

/** The words that say what a name is, as the CLI and the exports print them. */
export function clientNameLabel(n: ClientName): string {
  switch (n.kind) {
    case 'verified':
      return 'PTR, verified now';
    case 'recorded':
      return n.recordedBy ? `rDNS as recorded by ${n.recordedBy}` : 'rDNS as recorded by the receiver';
    case 'helo':
      return 'HELO, chosen by the sender';
  }
}
