import type { Claims } from '../claims/types.js';
import type { HeaderField } from '../message/types.js';
import { normalizeIp } from '../net/ip.js';

/** An address some header names as the connecting client, and who said so. */
export interface IpEvidence {
  ip: string;
  /** How a reason names it: "Received-SPF client-ip", "Authentication-Results iprev (policy.iprev)". */
  source: string;
  /** Position among all header fields, 0 = topmost. */
  headerIndex: number;
  /**
   * "receiver": a receiving server's own check of the connection (SPF, iprev).
   * "client": a webmail or Exchange note of the sender's client address (X-Originating-IP);
   * it names a mail server only when the client itself was one.
   */
  kind: 'receiver' | 'client';
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
  const found: string[] = [];
  for (const word of text.split(/[\s,;()<>]+/)) {
    const bare = word.replace(/^\[|[\].:]+$/g, '');
    if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(bare) && !(bare.includes(':') && /^[0-9a-f:.]+$/i.test(bare))) continue;
    const ip = normalizeIp(bare);
    if (ip !== null && !found.includes(ip)) found.push(ip);
  }
  return found;
}

export function ipEvidence(claims: Claims, headers: readonly HeaderField[]): IpEvidence[] {
  const evidence: IpEvidence[] = [];
  const add = (text: string, source: string, headerIndex: number, kind: IpEvidence['kind']): void => {
    const ip = normalizeIp(text);
    if (ip !== null && !evidence.some((e) => e.ip === ip && e.source === source && e.headerIndex === headerIndex)) {
      evidence.push({ ip, source, headerIndex, kind });
    }
  };
  for (const spf of claims.receivedSpf) {
    if (spf.clientIp !== null) add(spf.clientIp, 'Received-SPF client-ip', spf.headerIndex, 'receiver');
    else for (const ip of addressesIn(spf.comment ?? '')) add(ip, 'Received-SPF comment', spf.headerIndex, 'receiver');
  }
  for (const header of claims.authResults) {
    for (const entry of header.results) {
      const label = `${header.source} ${entry.method}`;
      for (const prop of IP_PROPERTIES) {
        const value = entry.properties[prop];
        if (value !== undefined) add(value, `${label} (${prop})`, header.headerIndex, 'receiver');
      }
      if (!IP_METHODS.has(entry.method)) continue;
      for (const comment of entry.comments) {
        for (const ip of addressesIn(comment)) add(ip, `${label} comment`, header.headerIndex, 'receiver');
      }
    }
  }
  headers.forEach((h, index) => {
    if (CLIENT_IP_FIELDS.test(h.name)) add(h.value, h.name, index, 'client');
  });
  return evidence;
}
