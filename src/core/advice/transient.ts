import type { Rcode } from '../dns/types.js';
import type { FailedLookup } from '../lookups/lookup.js';

/** The zone side of a failed lookup, for advice about the servers that answer for it. */
export interface ZoneSide {
  /** What the name servers serve: "example.com", "the reverse zone of 203.0.113.25". */
  zone: string;
  /** Who should look at those servers, as a sentence's subject: "whoever runs the DNS of example.com". */
  owner: string;
}

/**
 * The advice for a temperror, by what failed. No answer from the resolver (no network, HTTP
 * error, timeout) says nothing about the sender's DNS: the first suspect is this computer's
 * network or the resolver, and blaming the zone would send the user after the wrong people.
 * An rcode such as SERVFAIL came back through a working resolver, so the zone side is the
 * suspect.
 */
export function transientAdvice(failed: FailedLookup, resolverLabel: string, side: ZoneSide): string[] {
  const question = `${failed.name} ${failed.type}`;
  if (failed.rcode === null) {
    const reason = failed.error === null ? '' : ` (${resolverReason(failed.error)})`;
    return [
      `Hoplens got no answer from ${resolverNoun(resolverLabel)} when it asked for ${question}${reason}. Check this computer's network connection or choose another resolver (extension: Options; CLI: --resolver), then run the analysis again.`,
      `Only if other resolvers fail the same way may the name servers of ${side.zone} be unreachable.`,
    ];
  }
  return [`Check again in a few minutes. If ${question} keeps failing with ${failed.rcode}, ${side.owner} should ${zoneFix(failed.rcode)}.`];
}

/**
 * A resolver error without the resolver's URL, which the sentence around it already names:
 * "cannot reach https://…/dns-query: fetch failed" → "cannot reach the resolver: fetch failed".
 */
export function resolverReason(error: string): string {
  return error.replace(/\bhttps?:\/\/[^\s,()]*[^\s,():.;]/g, 'the resolver');
}

function resolverNoun(label: string): string {
  return label.includes(', ') ? `the resolvers ${label}` : `the resolver ${label}`;
}

function zoneFix(rcode: Rcode): string {
  switch (rcode) {
    case 'SERVFAIL':
      return 'check that the zone loads and is signed correctly: SERVFAIL usually means a zone that fails to load, a broken delegation or a DNSSEC failure';
    case 'REFUSED':
      return 'check that every server the parent zone delegates to serves the zone: REFUSED usually means a server that does not hold it (a lame delegation) or refuses to answer for it';
    default:
      return `find out why its servers answer ${rcode}`;
  }
}
