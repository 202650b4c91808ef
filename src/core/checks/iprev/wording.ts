import { canonicalName } from '../../hostnames/canonical.js';
import { providerName } from '../../advice/provider.js';
import { transientAdvice } from '../../advice/transient.js';
import { judgeHostname } from '../../hostnames/judge.js';
import { addressTypeOf } from '../../lookups/forward.js';
import type { ZoneOwner } from '../../lookups/zone-owner.js';
import type { Hop } from '../../route/types.js';
import type { SenderSoftware } from '../../software/detect.js';
import type { SenderRole } from '../senders.js';
import type { Severity } from '../types.js';
import type { IprevEvaluation, IprevResult } from './evaluate.js';

/** What the words are about: the hop's IP, and whether it is a sender's (the one receivers check, or a forward's original sender) or another hop's (null). */
export interface IprevSubject {
  ip: string;
  hop: Hop;
  role: SenderRole | null;
  /** The software that sent from this hop, for a sender's advice. */
  software: SenderSoftware | null;
}

// Words for an iprev evaluation: the one-line summary, the explanation, the advice.

export function severityOf(result: IprevResult, role: SenderRole | null): Severity {
  if (result === 'pass') return 'ok';
  if (result === 'temperror') return 'warning';
  return role !== null ? 'error' : 'info';
}

export function summaryOf(e: IprevEvaluation): string {
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

const ROLE_WORDS: Readonly<Record<SenderRole | 'other', string>> = {
  sender: 'This is the IP that connected to the receiving side, the one receivers check.',
  'original-sender':
    "This is the original sender's IP, which connected to the first receiver before the message was forwarded or sent on by a list: the first receiver checked it, the final receiver checked the forwarder's.",
  other: 'This hop is not where the message entered the receiving side, so receivers do not check it; it is shown for completeness.',
};

export function explanationOf(e: IprevEvaluation, subjectRole: SenderRole | null): string {
  const role = ROLE_WORDS[subjectRole ?? 'other'];
  const rule: Record<IprevResult, string> = {
    pass: 'The PTR name and its address records agree both ways, as RFC 8601 §3 (iprev) requires.',
    fail: 'RFC 8601 §3 (iprev) passes only when a PTR name of the IP has an address record equal to the IP. Receivers that check reverse DNS treat a failure like a missing name: spam score or rejection.',
    permerror:
      'Without a PTR record the IP has no name; many receivers (AOL and Yahoo among them) refuse or junk mail from such IPs, and asking again will not change it.',
    temperror: 'A DNS lookup that decides the result got no usable answer. That is transient: asking again later may give a verdict.',
  };
  // Only an error DNS itself returned is one a receiver would have met too.
  const receivers =
    e.result === 'temperror' && answeredByResolver(e) ? ' Receivers that meet the same error defer the message (4xx) rather than refuse it.' : '';
  return `In DNS now, ${e.reason}. ${rule[e.result]}${receivers} ${role}`;
}

/** Said before each piece of advice about a hop receivers do not check: it is no one's to-do. */
export const FOR_COMPLETENESS = 'For completeness, receivers do not check this hop:';

/**
 * What to change, for the sender's IP (or a forward's original sender's, which the first receiver checked); for another hop (the receivers' own relays, a client's
 * submission address) the same facts, marked as not the sender's to-do list.
 */
export function adviceOf(e: IprevEvaluation, subject: IprevSubject, resolverLabel: string): string[] {
  const advice = fixesOf(e, subject, resolverLabel);
  return subject.role !== null ? advice : advice.map((a) => `${FOR_COMPLETENESS} ${a[0]!.toLowerCase()}${a.slice(1)}`);
}

function fixesOf(e: IprevEvaluation, subject: IprevSubject, resolverLabel: string): string[] {
  const holder = zoneHolder(e.reverseZone, e.ip);
  if (e.result === 'temperror') {
    const failed = e.forward.find((f) => f.transient);
    if (failed) return transientAdvice(failed, resolverLabel, { zone: failed.name, owner: `whoever runs the DNS of ${failed.name}` });
    return transientAdvice({ name: e.reverseName, type: 'PTR', ...e.ptrLookup }, resolverLabel, {
      zone: e.reverseZone ? `the reverse zone ${e.reverseZone.name || '.'}` : `the reverse zone of ${e.ip}`,
      owner: `${holder}, whose servers answer for ${e.reverseName},`,
    });
  }
  const provider = subject.role !== null ? providerName(subject.software) : null;
  if (provider && e.result !== 'pass') {
    return [
      `${provider} runs this sending IP and manages its reverse DNS: nothing for you to change there. If the message did not really leave through ${provider}, check which hop is the origin.`,
    ];
  }
  const recordType = addressTypeOf(e.ip);
  switch (e.result) {
    case 'pass':
      return [];
    case 'permerror': {
      const helo = subject.hop.received.helo;
      const name = helo !== null && judgeHostname(helo).ok ? canonicalName(helo) : "<your mail server's public name>";
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
          : [
              `Add an ${recordType} record for ${bare.length === 1 ? bare[0] : `one of ${bare.join(', ')}`} pointing at ${e.ip}, or have the PTR changed to a name that has one.`,
            ];
      const elsewhere = e.forward
        .filter((f) => f.addresses.length > 0)
        .map(
          (f) =>
            `${f.name} points at ${f.addresses.join(', ')}, not ${e.ip}: add ${e.ip} to its ${recordType} records if this server is ${f.name}, or have the PTR changed to a name whose ${recordType} record is ${e.ip}.`,
        );
      const cap =
        e.namesLeftOut.length > 0
          ? [
              `Keep a single PTR record for ${e.ip}: it has ${e.ptrNames.length}, and receivers try at most ${e.maxNames} (left out here: ${e.namesLeftOut.join(', ')}).`,
            ]
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
