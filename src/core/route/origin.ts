import type { Claims } from '../claims/types.js';
import type { MessageInfo } from '../message/types.js';
import { isCheckable, normalizeIp } from '../net/ip.js';
import type { IpClass } from '../net/types.js';
import { addressDomain, providerOf, registrableDomain, sideOf } from './domains.js';
import { fromArc, ipEvidence } from './evidence.js';
import type { IpEvidence } from './evidence.js';
import { byName, clientName } from './hop-names.js';
import type { Hop, OriginHop, Route } from './types.js';

const RECIPIENT_FIELDS = new Set(['to', 'cc', 'delivered-to', 'x-original-to', 'envelope-to', 'x-envelope-to']);

const CLASS_WORDS: Readonly<Record<IpClass, string>> = {
  public: 'public',
  documentation: 'a documentation address, checked like a public one',
  private: 'private',
  loopback: 'loopback',
  'link-local': 'link-local',
  cgnat: 'carrier-grade NAT',
  'unique-local': 'unique-local',
  multicast: 'multicast',
  unspecified: 'unspecified',
  reserved: 'reserved',
};

const describeClient = (hop: Hop): string => {
  const name = clientName(hop);
  return name ? `${hop.received.ip} (${name})` : `${hop.received.ip}`;
};

const documentationNote = (hop: Hop): string[] =>
  (hop.ipClass === 'documentation' ? [`${hop.received.ip} is ${CLASS_WORDS.documentation}.`] : []);

/**
 * The envelope recipient of the last delivery: the "for" of the newest hop that records one. The
 * To and Cc fields name the first recipients, which a mailing list or a forward replaces: the list
 * address in To is not the receiver of the copy that was pasted.
 */
function finalRecipient(hops: readonly Hop[]): string | null {
  for (let i = hops.length - 1; i >= 0; i--) {
    const rcpt = hops[i]!.received.for;
    if (rcpt !== null && addressDomain(rcpt) !== null) return rcpt;
  }
  return null;
}

/** Recipients the header fields name, for routes whose hops record none. */
function headerRecipients(message: MessageInfo): string[] {
  const recipients = new Set<string>(message.to);
  for (const h of message.headers) {
    if (!RECIPIENT_FIELDS.has(h.name.toLowerCase())) continue;
    for (const m of h.value.matchAll(/[^\s<>,;:"]+@[^\s<>,;:"]+/g)) recipients.add(m[0]);
  }
  return [...recipients];
}

/** Who the receiving side is: the final recipient's domain, then the hosts met while walking down. */
class ReceiverSide {
  private readonly sides = new Map<string, string>();

  constructor(message: MessageInfo, hops: readonly Hop[]) {
    const final = finalRecipient(hops);
    const recipients = final === null ? headerRecipients(message) : [final];
    for (const address of recipients) {
      const domain = addressDomain(address);
      const side = domain === null ? null : sideOf(domain);
      if (side !== null && !this.sides.has(side)) this.sides.set(side, `of the recipient's domain ${registrableDomain(domain) ?? domain}`);
    }
  }

  /** Why a by host belongs to the receiving side, or null when it does not. */
  describe(host: string | null): string | null {
    const side = sideOf(host);
    if (side === null) return null;
    const known = this.sides.get(side);
    if (known) return known;
    const provider = providerOf(host);
    return provider ? `of the mailbox provider ${provider}` : null;
  }

  add(host: string | null, why: string): void {
    const side = sideOf(host);
    if (side !== null && !this.sides.has(side)) this.sides.set(side, why);
  }

  has(host: string | null): boolean {
    const side = sideOf(host);
    return side !== null && this.sides.has(side);
  }
}

/** Positions of the Received fields among all header fields, topmost first. */
function receivedPositions(message: MessageInfo): number[] {
  const positions: number[] = [];
  message.headers.forEach((h, i) => {
    if (h.name.toLowerCase() === 'received') positions.push(i);
  });
  return positions;
}

function sources(list: readonly IpEvidence[]): string {
  const names = [...new Set(list.map((e) => e.source))];
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

interface Walk {
  hops: readonly Hop[];
  evidence: IpEvidence[];
  positions: number[];
  headerCount: number;
}

/**
 * Evidence a receiver wrote about the connection of this hop or a later one: fields above the
 * hop's Received header, or just below it (Postfix policy services add Received-SPF under the
 * Received field of the same connection). Fields further down were written on the sender's side.
 * Client addresses (X-Originating-IP) are the sender side's note by nature, wherever they sit.
 */
function receiverEvidence(walk: Walk, hop: Hop): IpEvidence[] {
  if (walk.positions.length !== walk.hops.length) return walk.evidence;
  const limit = walk.positions[hop.headerIndex + 1] ?? walk.headerCount;
  return walk.evidence.filter((e) => e.kind === 'client' || e.headerIndex < limit);
}

/**
 * Where a forwarded or list-distributed message first entered: below the origin, the newest hop
 * that delivered it to another recipient's organisation marks the earlier leg, and the first
 * client outside that organisation is the original sender. Null when the route shows no such leg.
 */
function earlierLeg(hops: readonly Hop[], origin: Hop): string | null {
  const final = finalRecipient(hops);
  const finalSide = final === null ? null : sideOf(addressDomain(final));
  if (finalSide === null) return null;
  for (let i = origin.index - 1; i >= 0; i--) {
    const rcpt = hops[i]!.received.for;
    const side = rcpt === null ? null : sideOf(addressDomain(rcpt));
    if (side === null || side === finalSide) continue;
    for (let j = i; j >= 0; j--) {
      const hop = hops[j]!;
      if (hop.received.ip === null || !isCheckable(hop.ipClass ?? 'reserved')) continue;
      if (sideOf(clientName(hop)) === side) continue;
      return `Before that, the message was addressed to ${rcpt}: it was forwarded, or sent on by a mailing list. Its original sender is ${describeClient(hop)}, the client of the hop into ${byName(hop)}; choose that hop to check the original sender instead.`;
    }
    return null;
  }
  return null;
}

/**
 * An older hop whose client the receiver's own SPF or iprev checks name, when none of them names
 * this hop's client: the servers between passed the message on for the receiver, as a filtering
 * service in front of it does (Microsoft 365 behind Mimecast checks the address the filter saw).
 * ARC results are left out: a forwarder writes them about its own earlier leg.
 */
function checkedEarlier(walk: Walk, hop: Hop): Hop | null {
  const named = receiverEvidence(walk, hop).filter((e) => e.kind === 'receiver' && !fromArc(e));
  const ips = new Set(named.map((e) => e.ip));
  if (ips.size !== 1 || ips.has(hop.received.ip!)) return null;
  const [ip] = ips;
  for (let i = hop.index - 1; i >= 0; i--) {
    const older = walk.hops[i]!;
    if (older.received.ip === ip && isCheckable(older.ipClass ?? 'reserved')) return older;
  }
  return null;
}

function judge(walk: Walk, hop: Hop, reasons: string[], base: OriginHop['confidence']): OriginHop {
  const ip = hop.received.ip!;
  const seen = receiverEvidence(walk, hop);
  const agree = seen.filter((e) => e.ip === ip);
  const others = seen.filter((e) => e.ip !== ip);
  const disagree = others.filter((e) => e.kind === 'receiver' && !fromArc(e));
  const out = [...reasons];
  if (agree.length > 0) {
    const verb = new Set(agree.map((e) => e.source)).size === 1 ? 'names' : 'name';
    out.splice(1, 0, `${sources(agree)} ${verb} the same address ${ip}.`);
  }
  const whose = (e: IpEvidence): string => {
    const other = walk.hops.find((h) => h.received.ip === e.ip);
    return other ? `, the client of the hop into ${byName(other)}` : ', which no Received header shows';
  };
  for (const e of disagree) {
    out.push(`${e.source} names ${e.ip}${whose(e)}, not ${ip}: look at the route before trusting this choice.`);
  }
  for (const e of others.filter((o) => o.kind === 'receiver' && fromArc(o))) {
    out.push(`${e.source} names ${e.ip}${whose(e)}: ARC results record what a forwarder saw on an earlier leg, so this does not contradict the choice.`);
  }
  for (const e of others.filter((o) => o.kind === 'client')) {
    out.push(`${e.source} names ${e.ip}: that is the address of the sender's mail client, not of a mail server, so it does not contradict this choice.`);
  }
  let confidence = base;
  if (disagree.length > 0) confidence = 'low';
  else if (agree.length > 0 && base === 'medium') confidence = 'high';
  return { hopIndex: hop.index, ip, reasons: out, confidence };
}

/**
 * Where the message crossed from the sender's side into the receiver's side: walking from the
 * newest hop down through the receiving side's own servers, the first client with a public (or
 * documentation) address that is not itself part of the receiving side.
 */
export function findOrigin(hops: readonly Hop[], message: MessageInfo, claims: Claims): Pick<Route, 'origin' | 'originMissingReason'> {
  if (hops.length === 0) return { origin: null, originMissingReason: 'There are no Received headers, so there is no route to read.' };
  const walk: Walk = {
    hops,
    evidence: ipEvidence(claims, message.headers),
    positions: receivedPositions(message),
    headerCount: message.headers.length,
  };
  const receiver = new ReceiverSide(message, hops);
  const newest = hops[hops.length - 1]!;
  const lastProvider = providerOf(newest.received.by);
  receiver.add(newest.received.by, lastProvider
    ? `of the mailbox provider ${lastProvider}`
    : `of ${registrableDomain(newest.received.by) ?? ''}, the domain of the server that delivered the message last`);

  const skipped: string[] = [];
  const sameSide: Hop[] = [];
  let stoppedAt: number | null = null;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    const by = hop.received.by;
    const byIsName = by !== null && normalizeIp(by.replace(/^\[|\]$/g, '')) === null && registrableDomain(by) !== null;
    const why = byIsName ? receiver.describe(by) : 'on the receiving side';
    if (why === null) {
      stoppedAt = i;
      break;
    }
    if (byIsName) receiver.add(by, why);
    const ip = hop.received.ip;
    if (ip === null) {
      skipped.push(`Skipped the hop into ${byName(hop)}: it records no client address (a hand-over inside the receiving side).`);
      continue;
    }
    const cls = hop.ipClass ?? 'reserved';
    if (!isCheckable(cls)) {
      skipped.push(`Skipped ${describeClient(hop)} into ${byName(hop)}: the address is ${CLASS_WORDS[cls]}, an internal hand-over.`);
      continue;
    }
    const intro = `${byName(hop)}, a server ${why}, received the message from ${describeClient(hop)}`;
    const forwarded = earlierLeg(hops, hop);
    const notes = [...documentationNote(hop), ...(forwarded === null ? [] : [forwarded]), ...skipped];
    if (!receiver.has(clientName(hop))) {
      const earlier = checkedEarlier(walk, hop);
      if (earlier !== null) {
        return {
          origin: judge(walk, earlier, [`${byName(earlier)} received the message from ${describeClient(earlier)}, the address the receiver's own checks name; ${describeClient(hop)} only passed it on to ${byName(hop)} for the receiver, as a filtering service in front of it does.`, ...documentationNote(earlier), ...skipped], 'medium'),
          originMissingReason: null,
        };
      }
      return {
        origin: judge(walk, hop, [`${intro}: the first client on the receiving side's path with a public address that is not one of the receiving side's own servers.`, ...notes], 'medium'),
        originMissingReason: null,
      };
    }
    const named = receiverEvidence(walk, hop).filter((e) => e.ip === ip && e.kind === 'receiver');
    if (named.length > 0) {
      return {
        origin: judge(walk, hop, [`${intro}. The client belongs to the same organisation as the receiver, but the receiver checked this address itself, so this is where the message entered.`, ...notes], 'medium'),
        originMissingReason: null,
      };
    }
    sameSide.push(hop);
    skipped.push(`Skipped ${describeClient(hop)} into ${byName(hop)}: both are servers ${receiver.describe(clientName(hop)) ?? why}, a relay inside the receiving side.`);
  }
  return fallback(walk, stoppedAt, sameSide, skipped);
}

function fallback(walk: Walk, stoppedAt: number | null, sameSide: readonly Hop[], skipped: readonly string[]): Pick<Route, 'origin' | 'originMissingReason'> {
  const publicHops = walk.hops.filter((h) => h.received.ip !== null && isCheckable(h.ipClass ?? 'reserved'));
  const claimed = [...publicHops].reverse().find((h) => receiverEvidence(walk, h).some((e) => e.kind === 'receiver' && e.ip === h.received.ip));
  if (claimed) {
    return {
      origin: judge(walk, claimed, [`No hop clearly crosses from the sender's side to the receiver's, but the receiver's own checks name ${describeClient(claimed)}, the client of the hop into ${byName(claimed)}.`, ...skipped], 'medium'),
      originMissingReason: null,
    };
  }
  const oldestSameSide = sameSide.at(-1);
  if (oldestSameSide) {
    return {
      origin: judge(walk, oldestSameSide, [`Sender and receiver seem to be the same organisation or provider and no header says where the message entered; ${describeClient(oldestSameSide)}, the earliest public address on the route, is taken.`, ...skipped], 'low'),
      originMissingReason: null,
    };
  }
  const beyond = stoppedAt === null ? undefined : [...publicHops].reverse().find((h) => h.index <= stoppedAt);
  if (beyond) {
    return {
      origin: judge(walk, beyond, [`The receiving side ends at ${byName(walk.hops[stoppedAt!]!)} without a public client address; ${describeClient(beyond)}, the newest public address below it, is taken.`, ...skipped], 'low'),
      originMissingReason: null,
    };
  }
  const withIp = walk.hops.filter((h) => h.received.ip !== null);
  if (withIp.length === 0) {
    return { origin: null, originMissingReason: 'No Received header records a client IP address, so there is no sending server to check.' };
  }
  const seen = withIp.map((h) => `${h.received.ip} ${CLASS_WORDS[h.ipClass ?? 'reserved']}`).join(', ');
  return {
    origin: null,
    originMissingReason: `Every client address in the route is private or local (${seen}): as far as these headers show, the message never crossed the public internet, or the hop where it did was cut off.`,
  };
}

/** The origin as the user picked it. Throws RangeError for a hop that does not exist or has no IP. */
export function chooseOrigin(route: Route, hopIndex: number): OriginHop {
  const hop = route.hops[hopIndex];
  // Said as people count hops, from 1, as every view numbers them.
  if (!hop) throw new RangeError(`There is no hop ${hopIndex + 1}: the route has ${route.hops.length} hops.`);
  const ip = hop.received.ip;
  if (ip === null) throw new RangeError(`The hop into ${byName(hop)} records no client IP address to check.`);
  const reasons = ['chosen by you'];
  const cls = hop.ipClass ?? 'reserved';
  if (!isCheckable(cls)) reasons.push(`${ip} is ${CLASS_WORDS[cls]}: it is never sent to a DNS resolver, so its DNS cannot be checked.`);
  return { hopIndex, ip, reasons, confidence: 'high' };
}
