import type { Claims } from '../claims/types.js';
import { canonicalName } from '../hostnames/canonical.js';
import type { HeaderField } from '../message/types.js';
import { normalizeIp } from '../net/ip.js';
import { sideOf } from './domains.js';
import type { Hop } from './types.js';

/** An address some header names as the connecting client, and who said so. */
export interface IpEvidence {
  ip: string;
  /** How a reason names it: "Received-SPF client-ip", "Authentication-Results iprev (policy.iprev)". */
  source: string;
  /** Position among all header fields, 0 = topmost. */
  fieldIndex: number;
  /**
   * "receiver": a receiving server's own check of the connection (SPF, iprev).
   * "client": a webmail or Exchange note of the sender's client address (X-Originating-IP);
   * it names a mail server only when the client itself was one.
   */
  kind: 'receiver' | 'client';
  /** The check that named it ("spf", "iprev", "sender-id"), null for client notes. */
  method: string | null;
  /** That check's result word as written, lowercase ("softfail"), null when not said. */
  result: string | null;
  /**
   * The host that says it wrote the field: the authserv-id of Authentication-Results (RFC 8601
   * §2.2), Received-SPF's receiver= or the host before ":" in its comment (RFC 7208 §9.1).
   */
  writer: string | null;
  /**
   * The hop whose receiving server wrote it (travel order): the hop into the writer where the
   * writer is on the route, otherwise the hop whose Received field sits nearest above it.
   */
  hop: number;
  /**
   * The hop by placement alone. A sender can append fields naming any writer, so evidence that
   * moves the choice to an older hop must also sit where that hop's receiver would write it.
   */
  placedAt: number;
}

/**
 * Whether an ARC-Authentication-Results field said it. ARC results travel with the message
 * (RFC 8617): those a forwarder wrote describe its own inbound leg, not the hop into the final
 * receiver, whose own results sit beside them.
 */
export const fromArc = (e: IpEvidence): boolean => e.source.startsWith('ARC-');

const CLIENT_IP_FIELDS = /^x-(originating|sender|client)-ip$/i;
const IP_PROPERTIES = ['policy.iprev', 'smtp.remote-ip', 'smtp.client-ip', 'policy.remote-ip'];
/** Methods whose comments name the connecting address (Hotmail's sender-id: "sender IP is …"). */
const IP_METHODS = new Set(['iprev', 'spf', 'sender-id']);

/** Addresses written in free text: "designates 203.0.113.5 as permitted sender", "sender IP is 2001:db8::5". */
function addressesIn(text: string): string[] {
  const found = new Set<string>();
  for (const word of text.split(/[\s,;()<>]+/)) {
    const bare = word.replace(/^\[|[\].:]+$/g, '');
    if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(bare) && !(bare.includes(':') && /^[0-9a-f:.]+$/i.test(bare))) continue;
    const ip = normalizeIp(bare);
    if (ip !== null) found.add(ip);
  }
  return [...found];
}

/** A host name as a writer, or null for empty ids, placeholders and address literals. */
function hostName(text: string | null | undefined): string | null {
  const name = canonicalName((text ?? '').trim());
  return name.includes('.') && normalizeIp(name) === null && /^[a-z0-9_.-]+$/.test(name) ? name : null;
}

/** "mx.example.org: domain of … designates …" → "mx.example.org" (RFC 7208 §9.1 comment form). */
const commentHost = (comment: string | null | undefined): string | null => hostName(/^([^\s:]+):\s/.exec(comment ?? '')?.[1]);

/** Positions of the Received fields among all header fields, topmost first. */
export function receivedPositions(headers: readonly HeaderField[]): number[] {
  const positions: number[] = [];
  headers.forEach((h, i) => {
    if (h.name.toLowerCase() === 'received') positions.push(i);
  });
  return positions;
}

/**
 * Which hop's receiver wrote a field. The writer's own name decides where it is on the route:
 * the hops into that host, or else into its organisation; placement decides otherwise, because
 * gateways append their fields at the bottom and some views reorder them. By placement a field
 * belongs to the Received field just above it (Postfix policy services add Received-SPF under the
 * Received field of the same connection). Where the writer received the message more than once
 * (a provider on both sides), the hop nearest its placement is taken: the oldest at or above it,
 * else the newest below it.
 */
function attribute(writer: string | null, position: number, hops: readonly Hop[], positions: readonly number[]): number {
  const placed = placement(position, hops, positions);
  if (writer === null) return placed;
  let candidates = hops.filter((h) => h.received.by !== null && canonicalName(h.received.by) === writer);
  const side = sideOf(writer);
  if (candidates.length === 0 && side !== null) candidates = hops.filter((h) => sideOf(h.received.by) === side);
  if (candidates.length === 0) return placed;
  return (candidates.find((h) => h.index >= placed) ?? candidates.at(-1)!).index;
}

function placement(position: number, hops: readonly Hop[], positions: readonly number[]): number {
  const newest = hops.length - 1;
  if (positions.length !== hops.length) return newest;
  for (const hop of hops) {
    // Oldest first: the first hop whose Received field sits above the field is the nearest one.
    if (positions[hop.receivedIndex]! < position) return hop.index;
  }
  return newest;
}

export function ipEvidence(claims: Claims, headers: readonly HeaderField[], hops: readonly Hop[]): IpEvidence[] {
  const positions = receivedPositions(headers);
  const evidence: IpEvidence[] = [];
  // A set, not a search of the list: thousands of Received-SPF fields must cost linear time.
  const seen = new Set<string>();
  const add = (text: string, fields: Omit<IpEvidence, 'ip' | 'hop' | 'placedAt'>): void => {
    const ip = normalizeIp(text);
    if (ip === null) return;
    const key = `${ip}\u0000${fields.source}\u0000${fields.fieldIndex}`;
    if (seen.has(key)) return;
    seen.add(key);
    const hop = attribute(fields.writer, fields.fieldIndex, hops, positions);
    evidence.push({ ip, ...fields, hop, placedAt: placement(fields.fieldIndex, hops, positions) });
  };
  for (const spf of claims.receivedSpf) {
    const base = {
      fieldIndex: spf.fieldIndex,
      kind: 'receiver',
      method: 'spf',
      result: spf.result || null,
      writer: hostName(spf.receiver) ?? commentHost(spf.comment),
    } as const;
    if (spf.clientIp !== null) add(spf.clientIp, { ...base, source: 'Received-SPF client-ip' });
    else for (const ip of addressesIn(spf.comment ?? '')) add(ip, { ...base, source: 'Received-SPF comment' });
  }
  for (const header of claims.authResults) {
    for (const entry of header.results) {
      const label = `${header.source} ${entry.method}`;
      const base = {
        fieldIndex: header.fieldIndex,
        kind: 'receiver',
        method: entry.method,
        result: entry.result,
        writer: hostName(header.authservId),
      } as const;
      for (const prop of IP_PROPERTIES) {
        const value = entry.properties[prop];
        if (value !== undefined) add(value, { ...base, source: `${label} (${prop})` });
      }
      if (!IP_METHODS.has(entry.method)) continue;
      for (const comment of entry.comments) {
        for (const ip of addressesIn(comment)) add(ip, { ...base, source: `${label} comment` });
      }
    }
  }
  headers.forEach((h, index) => {
    if (CLIENT_IP_FIELDS.test(h.name)) add(h.value, { source: h.name, fieldIndex: index, kind: 'client', method: null, result: null, writer: null });
  });
  return evidence;
}
