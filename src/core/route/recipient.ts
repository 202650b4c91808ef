import type { MessageInfo } from '../message/types.js';
import { addressDomain, sideOf } from './domains.js';
import { receivedPositions } from './evidence.js';
import type { Hop, RecipientEvidence } from './types.js';

/**
 * Fields the final delivery agent writes about the envelope recipient (Postfix local and Dovecot
 * write Delivered-To and X-Original-To, Exim Envelope-To): trace, not the author's words.
 */
const DELIVERY_FIELDS = new Set(['delivered-to', 'x-original-to', 'envelope-to', 'x-envelope-to']);

const ADDRESS = /[^\s<>,;:"()]+@[^\s<>,;:"()]+/g;

const addressesIn = (value: string): string[] => [...value.matchAll(ADDRESS)].map((m) => m[0]).filter((a) => addressDomain(a) !== null);

/**
 * The newest hops that the last receiver's organisation wrote: from the top down while the by
 * host is on that side or names no organisation (an address, an internal name).
 */
function topRun(hops: readonly Hop[]): Hop[] {
  const run: Hop[] = [];
  let side: string | null = null;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    const s = sideOf(hop.received.by);
    if (s !== null) {
      side ??= s;
      if (s !== side) break;
    }
    run.push(hop);
  }
  return run;
}

/** Addresses of the mailing list the message came through (RFC 2919 List-Id, RFC 2369 List-Post). */
function listAddresses(message: MessageInfo): (address: string) => boolean {
  const ids: string[] = [];
  const posts: string[] = [];
  for (const h of message.headers) {
    const name = h.name.toLowerCase();
    if (name === 'list-id') ids.push(...[...h.value.matchAll(/<([^>]+)>/g)].map((m) => m[1]!.toLowerCase()));
    if (name === 'list-post') posts.push(...addressesIn(h.value).map((a) => a.replace(/^mailto:/i, '').toLowerCase()));
  }
  return (address) => {
    const a = address.toLowerCase();
    return posts.includes(a) || ids.includes(a.replace('@', '.'));
  };
}

/**
 * Who the message was finally delivered to, from what the receiving side wrote: a delivery field
 * above its hops or the `for` of one of its hops, whichever is newest. A `for` further down names
 * an earlier recipient (a list, a forwarder), never the final one. To and Cc are the weakest
 * evidence: they name the first recipients, which a list or forward replaces, and leave out Bcc;
 * a list's own address among them is left out.
 */
export function finalRecipient(hops: readonly Hop[], message: MessageInfo): RecipientEvidence | null {
  const positions = receivedPositions(message.headers);
  const run = topRun(hops);
  const oldest = run.at(-1);
  const lowest = oldest === undefined ? -1 : (positions[oldest.receivedIndex] ?? message.headers.length);
  let best: { position: number; evidence: RecipientEvidence } | null = null;
  const offer = (position: number, evidence: RecipientEvidence): void => {
    if (best === null || position < best.position) best = { position, evidence };
  };
  message.headers.forEach((h, i) => {
    if (i > lowest || !DELIVERY_FIELDS.has(h.name.toLowerCase())) return;
    const [address] = addressesIn(h.value);
    if (address !== undefined) offer(i, { addresses: [address], source: h.name, weak: false });
  });
  for (const hop of run) {
    const rcpt = hop.received.for;
    if (rcpt !== null && addressDomain(rcpt) !== null)
      offer(positions[hop.receivedIndex] ?? -1, {
        addresses: [rcpt],
        source: `the for clause of the hop into ${hop.received.by ?? 'an unnamed server'}`,
        weak: false,
      });
  }
  if (best !== null) return (best as { evidence: RecipientEvidence }).evidence;
  const isList = listAddresses(message);
  const fields = message.headers.filter((h) => /^(to|cc)$/i.test(h.name));
  const addresses = [...new Set(fields.flatMap((h) => addressesIn(h.value)).filter((a) => !isList(a)))];
  if (addresses.length === 0) return null;
  const names = [
    ...new Set(fields.filter((h) => addressesIn(h.value).some((a) => addresses.includes(a))).map((h) => (h.name.toLowerCase() === 'to' ? 'To' : 'Cc'))),
  ];
  return { addresses, source: names.join(' and '), weak: true };
}
