import type { Claims } from '../claims/types.js';
import type { MessageInfo } from '../message/types.js';
import { isCheckable, normalizeIp } from '../net/ip.js';
import { classNoun, classWord } from '../net/class-words.js';
import { addressDomain, filterOf, providerOf, registrableDomain, sideOf } from './domains.js';
import { fromArc, ipEvidence } from './evidence.js';
import type { IpEvidence } from './evidence.js';
import { byName, clientName } from './hop-names.js';
import { finalRecipient } from './recipient.js';
import { ReceiverSide } from './receiver-side.js';
import { findReplay } from './replay.js';
import type { Hop, OriginHop, OriginReason, OriginReasonKind, RecipientEvidence, Route } from './types.js';

const reason = (kind: OriginReasonKind, text: string): OriginReason => ({ kind, text });

// The receiver's recorded rDNS may stand beside the address as its name; a HELO name never does
// unlabelled, because the sender chose it (issue: a forged hop read "192.0.2.99 mail.bank.example").
const describeClient = (hop: Hop): string => {
  const { ip, rdns, helo } = hop.received;
  if (rdns) return `${ip} (${rdns})`;
  const name = clientName(hop);
  return name ? `${ip} (HELO ${helo}, chosen by the sender)` : `${ip}`;
};

const documentationNote = (hop: Hop): OriginReason[] =>
  hop.ipClass === 'documentation' ? [reason('documentation-address', `${hop.received.ip} is ${classNoun('documentation')}, checked like a public one.`)] : [];

const publicClient = (hop: Hop): boolean => hop.received.ip !== null && isCheckable(hop.ipClass ?? 'reserved');

function sources(list: readonly IpEvidence[]): string {
  const names = [...new Set(list.map((e) => e.source))];
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

interface Walk {
  hops: readonly Hop[];
  evidence: IpEvidence[];
  /** The oldest hop of this delivery: hops below it were carried along from an earlier one. */
  floor: number;
  /** The receiving side is known from To/Cc or the last server alone. */
  weak: RecipientEvidence | 'none' | null;
  /**
   * The mailbox provider that delivered last, when only it says who the receiving side is (no
   * delivery field or receiving-side `for`, and To/Cc name no address of the provider's own): it
   * names the mailbox host for sure, but not the gateways a customer's organisation runs in front
   * of it. A recipient at the provider's own domain (x@hotmail.com) has no such gateway.
   */
  providerOnly: string | null;
  /** Clients passed as the receiving side's own relays, gateways and filters. */
  inside: Hop[];
}

/** Whether the receiving side is known well enough, or the recipient is one of the provider's own mailboxes (x@hotmail.com). */
const hostedBy = (recipient: RecipientEvidence | null, provider: string): boolean =>
  recipient !== null && (!recipient.weak || recipient.addresses.some((a) => sideOf(addressDomain(a)) === provider));

/**
 * Evidence a receiver wrote about the connection of this hop or a later one (up to `upTo`): by
 * its writer where the writer is on the route, else by where it sits. Client addresses
 * (X-Originating-IP) are the sender side's note by nature, wherever they sit.
 */
function receiverEvidence(walk: Walk, hop: Hop, upTo = walk.hops.length - 1): IpEvidence[] {
  return walk.evidence.filter((e) => e.kind === 'client' || (e.hop >= hop.index && e.hop <= upTo));
}

/** Receiver checks that may move the choice to an older hop: written by a later hop's receiver and placed where it writes. */
const placedChecks = (walk: Walk, hop: Hop): IpEvidence[] =>
  walk.evidence.filter((e) => e.kind === 'receiver' && !fromArc(e) && e.hop >= hop.index && e.placedAt >= hop.index);

/**
 * An older hop whose client the receiver's own SPF or iprev checks name, when none of them names
 * this hop's client: the servers between passed the message on for the receiver, as a filtering
 * service in front of it does (Microsoft 365 behind a filter it trusts checks the address the
 * filter saw). ARC results are left out: a forwarder writes them about its own earlier leg.
 */
function checkedEarlier(walk: Walk, hop: Hop): Hop | null {
  const ips = new Set(placedChecks(walk, hop).map((e) => e.ip));
  if (ips.size !== 1 || ips.has(hop.received.ip!)) return null;
  const [ip] = ips;
  for (let i = hop.index - 1; i >= walk.floor; i--) {
    const older = walk.hops[i]!;
    if (older.received.ip === ip && publicClient(older)) return older;
  }
  return null;
}

/**
 * Whether a filtering service's host that handed the message to the receiving side filters the
 * receiver's inbound mail (rather than relaying the sender's outbound mail), and what shows it:
 * the service received the message from outside further down, and either the receiver's own SPF
 * check of the service failed to pass (a mailbox host does not know its customer's filter; a
 * sender's domain authorises its own outbound relay), or a check the receiver or the service
 * wrote names the client the service received it from.
 */
function inboundFilter(walk: Walk, hop: Hop, filter: string): string | null {
  const side = sideOf(clientName(hop));
  let entry: Hop | undefined;
  for (let i = hop.index - 1; i >= walk.floor && entry === undefined; i--) {
    const older = walk.hops[i]!;
    if (sideOf(older.received.by) === side && publicClient(older) && sideOf(clientName(older)) !== side) entry = older;
  }
  if (entry === undefined) return null;
  const ip = hop.received.ip!;
  const unknown = receiverEvidence(walk, hop).find(
    (e) => e.kind === 'receiver' && !fromArc(e) && e.ip === ip && e.method === 'spf' && e.result !== null && e.result !== 'pass',
  );
  if (unknown)
    return `the receiver's own SPF check of ${ip} gave ${unknown.result} (${unknown.source}): the mailbox host does not know the filter, while a sender's domain authorises its own outbound relay`;
  const written = walk.evidence.find(
    (e) =>
      e.kind === 'receiver' &&
      e.ip === entry.received.ip &&
      e.placedAt >= entry.index &&
      e.hop >= entry.index &&
      (sideOf(e.writer) === side || (e.hop >= hop.index && !fromArc(e))),
  );
  if (written)
    return `${written.source}${written.writer ? `, written by ${written.writer},` : ''} names ${entry.received.ip}, the client ${filter} received the message from`;
  return null;
}

function judge(walk: Walk, hop: Hop, reasons: OriginReason[], base: OriginHop['confidence'], upTo?: number): OriginHop {
  const ip = hop.received.ip!;
  const seen = receiverEvidence(walk, hop, upTo);
  const agree = seen.filter((e) => e.ip === ip);
  const others = seen.filter((e) => e.ip !== ip);
  const insideIps = new Set(walk.inside.map((h) => h.received.ip));
  const out = [...reasons];
  if (agree.length > 0) {
    const verb = new Set(agree.map((e) => e.source)).size === 1 ? 'names' : 'name';
    out.splice(1, 0, reason('agrees', `${sources(agree)} ${verb} the same address ${ip}.`));
  }
  const whose = (e: IpEvidence): string => {
    const other = walk.hops.find((h) => h.received.ip === e.ip);
    return other ? `, the client of the hop into ${byName(other)}` : ', which no Received header shows';
  };
  let disagree = 0;
  for (const e of others) {
    if (e.kind === 'client') {
      out.push(
        reason(
          'client-address',
          `${e.source} names ${e.ip}: that is the address of the sender's mail client, not of a mail server, so it does not contradict this choice.`,
        ),
      );
    } else if (insideIps.has(e.ip)) {
      const result = e.result === null ? '' : ` (${e.method ?? 'check'}=${e.result})`;
      out.push(
        reason(
          'gateway-check',
          `${e.source} names ${e.ip}${whose(e)}: that is the receiving side's own gateway, and a receiver's check of it${result} says nothing about the sender.`,
        ),
      );
    } else if (fromArc(e)) {
      out.push(
        reason(
          'arc-earlier-leg',
          `${e.source} names ${e.ip}${whose(e)}: ARC results record what a forwarder saw on an earlier leg, so this does not contradict the choice.`,
        ),
      );
    } else {
      disagree++;
      out.push(reason('disagrees', `${e.source} names ${e.ip}${whose(e)}, not ${ip}: look at the route before trusting this choice.`));
    }
  }
  let confidence = base;
  if (disagree > 0) confidence = 'low';
  else if (agree.length > 0 && base === 'medium') confidence = 'high';
  // A mailbox host's softfail or neutral names an address it does not know: a gateway of the
  // recipient's own in front of it reads the same as a sender, so only a passing check earns "high".
  if (walk.providerOnly !== null && upTo === undefined && confidence === 'high' && !agree.some((e) => e.kind === 'receiver' && e.result === 'pass')) {
    out.push(
      reason(
        'receiver-weak',
        `No Delivered-To, X-Original-To or for clause of the receiving side's own hops names the final recipient; the last server is ${walk.providerOnly}'s, which says who hosts the mailbox but not which gateways the recipient's organisation runs in front of it, and no check that passed names ${ip}: so this choice is at most medium confidence.`,
      ),
    );
    confidence = 'medium';
  }
  if (walk.weak !== null && upTo === undefined) {
    const from = walk.weak === 'none' ? 'the last server alone' : `${walk.weak.source} (${walk.weak.addresses.join(', ')})`;
    out.push(
      reason(
        'receiver-weak',
        `No Delivered-To, X-Original-To or for clause of the receiving side's own hops names the final recipient, so the receiving side is read from ${from}: weak evidence, so this choice is at most medium confidence.`,
      ),
    );
    if (confidence === 'high') confidence = 'medium';
  }
  return { hopIndex: hop.index, ip, reasons: out, confidence };
}

/**
 * Below the origin, the newest hop that delivered the message to another recipient's organisation
 * marks an earlier leg (a forward, a list), and the first client outside that organisation is the
 * original sender: the other honest answer, what the admin who sent a test usually wants.
 */
function originalSender(walk: Walk, origin: Hop, recipient: RecipientEvidence | null): { rcpt: string; hop: Hop } | null {
  const final = recipient?.addresses[0];
  const finalSide = final === undefined ? null : sideOf(addressDomain(final));
  if (finalSide === null) return null;
  for (let i = origin.index - 1; i >= walk.floor; i--) {
    const rcpt = walk.hops[i]!.received.for;
    const side = rcpt === null ? null : sideOf(addressDomain(rcpt));
    if (rcpt === null || side === null || side === finalSide) continue;
    for (let j = i; j >= walk.floor; j--) {
      const hop = walk.hops[j]!;
      if (publicClient(hop) && sideOf(clientName(hop)) !== side) return { rcpt, hop };
    }
    return null;
  }
  return null;
}

type Found = Pick<Route, 'origin' | 'originMissingReason' | 'originalSender'>;

function withOriginalSender(walk: Walk, origin: OriginHop, recipient: RecipientEvidence | null): Found {
  const hop = walk.hops[origin.hopIndex]!;
  const earlier = originalSender(walk, hop, recipient);
  if (earlier === null) return { origin, originMissingReason: null, originalSender: null };
  const first = earlier.hop;
  const note = reason(
    'forwarded',
    `Before that, the message was addressed to ${earlier.rcpt}: it was forwarded, or sent on by a mailing list. This hop is the forwarder's into the final receiver, which is what that receiver checked. The original sender is ${describeClient(first)}, the client of the hop into ${byName(first)} (hop ${first.index + 1}); choose that hop to check the original sender instead.`,
  );
  const at = origin.reasons.findIndex((r) => r.kind === 'skipped');
  const reasons = [...origin.reasons];
  reasons.splice(at < 0 ? reasons.length : at, 0, note);
  const firstLeg = judge(
    walk,
    first,
    [
      reason(
        'original-sender',
        `${byName(first)} received the message from ${describeClient(first)} on its way to ${earlier.rcpt}, the first recipient: this is the original sender's hop into the first receiver, before the message was passed on to the final one.`,
      ),
      ...documentationNote(first),
    ],
    'medium',
    origin.hopIndex - 1,
  );
  return { origin: { ...origin, reasons }, originMissingReason: null, originalSender: firstLeg };
}

/**
 * Where the message crossed from the sender's side into the receiver's side: walking from the
 * newest hop down through the receiving side's own servers (its gateways and filtering services
 * included), the first client with a public (or documentation) address that is not itself part
 * of the receiving side.
 */
export function findOrigin(hops: readonly Hop[], message: MessageInfo, claims: Claims): Omit<Route, 'hops' | 'totalTransitSeconds'> {
  if (hops.length === 0) {
    return {
      origin: null,
      originMissingReason: 'There are no Received headers, so there is no route to read.',
      originalSender: null,
      recipient: null,
      replay: null,
    };
  }
  const replay = findReplay(hops);
  const recipient = finalRecipient(hops, message);
  const newest = hops[hops.length - 1]!;
  const lastProvider = providerOf(newest.received.by);
  const walk: Walk = {
    hops,
    evidence: ipEvidence(claims, message.headers, hops),
    floor: replay === null ? 0 : replay.newestCarried + 1,
    weak: lastProvider !== null ? null : recipient === null ? 'none' : recipient.weak ? recipient : null,
    providerOnly: lastProvider !== null && !hostedBy(recipient, lastProvider) ? lastProvider : null,
    inside: [],
  };
  const found = walkDown(walk, recipient, lastProvider);
  if (found.origin && replay) {
    found.origin.reasons.push(reason('replay', replay.text));
  }
  return { ...found, recipient, replay };
}

function walkDown(walk: Walk, recipient: RecipientEvidence | null, lastProvider: string | null): Found {
  const { hops } = walk;
  const receiver = new ReceiverSide(recipient);
  const newest = hops[hops.length - 1]!;
  receiver.add(
    newest.received.by,
    lastProvider
      ? `of the mailbox provider ${lastProvider}`
      : `of ${registrableDomain(newest.received.by) ?? ''}, the domain of the server that delivered the message last`,
  );

  const skipped: OriginReason[] = [];
  // The sender found at `at`: its own reasons lead, then the documentation note and the hops skipped on the way down.
  const foundAt = (at: Hop, ...lead: OriginReason[]): Found =>
    withOriginalSender(walk, judge(walk, at, [...lead, ...documentationNote(at), ...skipped], 'medium'), recipient);
  let stoppedAt: number | null = null;
  for (let i = hops.length - 1; i >= walk.floor; i--) {
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
      skipped.push(reason('skipped', `Skipped the hop into ${byName(hop)}: it records no client address (a hand-over inside the receiving side).`));
      continue;
    }
    const cls = hop.ipClass ?? 'reserved';
    if (!isCheckable(cls)) {
      skipped.push(reason('skipped', `Skipped ${describeClient(hop)} into ${byName(hop)}: the address is ${classWord(cls)}, an internal hand-over.`));
      continue;
    }
    const client = clientName(hop);
    const intro = `${byName(hop)}, a server ${why}, received the message from ${describeClient(hop)}`;
    if (receiver.has(client)) {
      const checked = receiverEvidence(walk, hop).filter((e) => e.kind === 'receiver' && !fromArc(e) && e.ip === ip);
      if (providerOf(client) !== null && checked.some((e) => e.method !== 'spf' || e.result === 'pass')) {
        // A provider's own host into the same provider (Gmail to Gmail): where the receiver checked it is where it entered.
        return foundAt(
          hop,
          reason(
            'receiver-checked',
            `${intro}. The client belongs to the same organisation as the receiver, but the receiver checked this address itself, so this is where the message entered.`,
          ),
        );
      }
      walk.inside.push(hop);
      const clientWhy = receiver.describe(client) ?? why;
      skipped.push(
        sideOf(client) === sideOf(by) || !byIsName
          ? reason('skipped', `Skipped ${describeClient(hop)} into ${byName(hop)}: both are servers ${clientWhy}, a relay inside the receiving side.`)
          : reason(
              'gateway',
              `Skipped ${describeClient(hop)} into ${byName(hop)}: the client is a server ${clientWhy} handing the message on to the mailbox host, an inbound gateway of the receiving side, not the sender.`,
            ),
      );
      continue;
    }
    const filter = filterOf(client);
    const sign = filter === null ? null : inboundFilter(walk, hop, filter);
    if (filter !== null && sign !== null) {
      receiver.add(client, `of the filtering service ${filter}, in front of the receiving side`);
      walk.inside.push(hop);
      skipped.push(
        reason(
          'gateway',
          `Skipped ${describeClient(hop)} into ${byName(hop)}: ${filter} filters the receiving side's inbound mail and handed the message on (${sign}), so where the message entered ${filter} is what matters.`,
        ),
      );
      continue;
    }
    const earlier = checkedEarlier(walk, hop);
    if (earlier !== null) {
      return foundAt(
        earlier,
        reason(
          'checked-earlier',
          `${byName(earlier)} received the message from ${describeClient(earlier)}, the address the receiver's own checks name; ${describeClient(hop)} only passed it on to ${byName(hop)} for the receiver, as a filtering service in front of it does.`,
        ),
      );
    }
    const relay =
      filter === null
        ? []
        : [
            reason(
              'filter-relay',
              `${client} is a host of the filtering service ${filter}. Nothing here shows that it filters the recipient's inbound mail (no receiver's check of it failed to pass, none names where ${filter} received the message), so it is taken as the sender's outbound relay; if the recipient's domain routes its mail through ${filter}, choose the hop into ${filter} instead.`,
            ),
          ];
    return foundAt(
      hop,
      reason('entered', `${intro}: the first client on the receiving side's path with a public address that is not one of the receiving side's own servers.`),
      ...relay,
    );
  }
  return fallback(walk, receiver, stoppedAt, skipped);
}

/** What the receiving side's hops above `stop` recorded, for a reason that says what was seen. */
function seenAbove(walk: Walk, stop: number): string {
  const parts = walk.hops
    .slice(stop + 1)
    .reverse()
    .map((h) => {
      if (h.received.ip === null) return `into ${byName(h)} with no client address`;
      if (!publicClient(h)) return `into ${byName(h)} from ${h.received.ip} (${classWord(h.ipClass ?? 'reserved')})`;
      return `into ${byName(h)} from its own server ${describeClient(h)}`;
    });
  return parts.join('; ');
}

function fallback(walk: Walk, receiver: ReceiverSide, stoppedAt: number | null, skipped: readonly OriginReason[]): Found {
  const none = (originMissingReason: string): Found => ({ origin: null, originMissingReason, originalSender: null });
  const found = (origin: OriginHop): Found => ({ origin, originMissingReason: null, originalSender: null });
  const hops = walk.hops.slice(walk.floor);
  const publicHops = hops.filter(publicClient);
  const own = walk.inside.filter((h) => receiver.ownServer(clientName(h)));
  if (stoppedAt === null && own.length > 0 && own.length === walk.inside.length) {
    const domains = [...new Set(own.map((h) => registrableDomain(clientName(h))))].join(', ');
    return none(
      `Every client on the route is a server of the receiving organisation itself (${domains}), so no hop shows the message coming from outside it: it was sent inside the organisation, or the hop where it entered is not in these headers. There is no external sender to check; the hops' public addresses are still checked, and you can choose a hop as the sender to run every check on it.`,
    );
  }
  const claimed = [...publicHops].reverse().find((h) => placedChecks(walk, h).some((e) => e.ip === h.received.ip));
  if (claimed) {
    return found(
      judge(
        walk,
        claimed,
        [
          reason(
            'fallback-checked',
            `No hop clearly crosses from the sender's side to the receiver's, but the receiver's own checks name ${describeClient(claimed)}, the client of the hop into ${byName(claimed)}.`,
          ),
          ...skipped,
        ],
        'medium',
      ),
    );
  }
  const oldestInside = walk.inside.at(-1);
  if (oldestInside && stoppedAt === null) {
    const provider = providerOf(clientName(oldestInside)) ?? filterOf(clientName(oldestInside)) ?? 'the same provider';
    return found(
      judge(
        walk,
        oldestInside,
        [
          reason(
            'fallback-provider',
            `Every server on the route is ${provider}'s and none of the receiver's checks names a client address, so nothing shows where the message entered ${provider}; ${describeClient(oldestInside)}, the earliest public address on the route, is taken.`,
          ),
          ...skipped,
        ],
        'low',
      ),
    );
  }
  const stop = stoppedAt === null ? null : walk.hops[stoppedAt]!;
  const beyond = stop === null ? undefined : [...publicHops].reverse().find((h) => h.index <= stop.index);
  if (stop !== null && beyond) {
    const above = seenAbove(walk, stop.index);
    const taken =
      beyond === stop
        ? `its client ${describeClient(beyond)} is taken`
        : `it records no public client address either, so ${describeClient(beyond)}, the client of the hop into ${byName(beyond)} below it, is taken`;
    return found(
      judge(
        walk,
        beyond,
        [
          reason(
            'fallback-below',
            `The receiving side's hops show no public client from outside (${above}); the hop into ${byName(stop)} is the first whose server is not the receiving side's, and ${taken}. The hop where the message crossed into the receiving side is not shown.`,
          ),
          ...skipped,
        ],
        'low',
      ),
    );
  }
  const withIp = hops.filter((h) => h.received.ip !== null);
  if (withIp.length === 0) {
    return none('No Received header records a client IP address, so there is no sending server to check.');
  }
  const seen = withIp.map((h) => `${h.received.ip} ${classWord(h.ipClass ?? 'reserved')}`).join(', ');
  return none(
    `Every client address in the route is private or local (${seen}): as far as these headers show, the message never crossed the public internet, or the hop where it did was cut off.`,
  );
}

/** The origin as the user picked it. Throws RangeError for a hop that does not exist or has no IP. */
export function chooseOrigin(route: Route, hopIndex: number): OriginHop {
  const hop = route.hops[hopIndex];
  // Said as people count hops, from 1, as every view numbers them.
  if (!hop) throw new RangeError(`There is no hop ${hopIndex + 1}: the route has ${route.hops.length} hops.`);
  const ip = hop.received.ip;
  if (ip === null) throw new RangeError(`The hop into ${byName(hop)} records no client IP address to check.`);
  const reasons = [reason('chosen', 'chosen by you')];
  if (route.originalSender?.hopIndex === hopIndex)
    reasons.push(
      reason('original-sender', "This is the original sender's hop into the first receiver, before the message was forwarded or sent on by a list."),
    );
  const cls = hop.ipClass ?? 'reserved';
  if (!isCheckable(cls)) reasons.push(reason('chosen', `${ip} is ${classWord(cls)}: it is never sent to a DNS resolver, so its DNS cannot be checked.`));
  return { hopIndex, ip, reasons, confidence: 'high' };
}
