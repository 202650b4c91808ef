import { normalizeIp } from '../net/ip.js';

/**
 * What a comment after "from" (or "by") says about the connection: the TCP-info of RFC 5321
 * §4.4 in the shapes MTAs write it:
 *   "rdns [ip]", "rdns. [ip]:port", "unknown [ip]", "user@rdns [ip]"   Postfix, Sendmail, Gmail
 *   "[ip]:port helo=name", "port=1234 helo=name"                       Exim
 *   "ip", "[ip]", "IPv6:ip"                                             Exchange, MDaemon
 *   "HELO name", "EHLO name", "user@ip"                                 qmail, Yahoo, Haraka 2
 */
export interface HostInfo {
  /** Name before the address; "unknown" gives null. */
  rdns: string | null;
  /** True when a name stood in the rdns place, "unknown" included. */
  rdnsWritten: boolean;
  ip: string | null;
  port: number | null;
  helo: string | null;
  /** An address literal was written, even one that is not an IP ("[local]"). */
  literal: boolean;
}

/** Longer comments are not TCP-info; the cap keeps the parse of hostile input linear. */
const MAX_LENGTH = 600;

export function parseHostInfo(text: string): HostInfo | null {
  if (text.length > MAX_LENGTH) return null;
  const info: HostInfo = { rdns: null, rdnsWritten: false, ip: null, port: null, helo: null, literal: false };
  const words = text.trim().split(/\s+/);
  let recognised = false;
  let nameCandidate: string | null = null;
  for (let i = 0; i < words.length; i++) {
    // ZMailer quotes the greeting: ([ip]:port "EHLO name" rhost-flags-…).
    const w = (words[i] as string).replace(/^"|"$/g, '');
    if (w === '') continue;
    const kv = /^(helo|port|ident)=(.*)$/i.exec(w);
    if (kv !== null) {
      const key = (kv[1] as string).toLowerCase();
      const value = kv[2] as string;
      if (key === 'helo') info.helo = value;
      if (key === 'port') info.port = portNumber(value);
      recognised = true;
      continue;
    }
    if (/^(HELO|EHLO)$/i.test(w) && i + 1 < words.length) {
      info.helo = (words[++i] as string).replace(/"$/, '');
      recognised = true;
      continue;
    }
    const literal = /^\[([^\]]*)\](?::(\d{1,5}))?$/.exec(w);
    if (literal !== null) {
      info.literal = true;
      info.ip = normalizeIp(literal[1] as string);
      if (literal[2] !== undefined) info.port = portNumber(literal[2]);
      recognised = true;
      continue;
    }
    const bare = normalizeIp(w.includes('@') && !w.includes('[') ? w.slice(w.lastIndexOf('@') + 1) : w);
    if (bare !== null && info.ip === null) {
      info.ip = bare;
      recognised = true;
      continue;
    }
    if (nameCandidate === null && info.ip === null && !info.literal) nameCandidate = w;
    else if (!info.literal) return null;
  }
  if (!recognised) return null;
  if (nameCandidate !== null) {
    if (!info.literal && info.ip === null) return null;
    const host = nameCandidate.includes('@') ? nameCandidate.slice(nameCandidate.lastIndexOf('@') + 1) : nameCandidate;
    info.rdnsWritten = true;
    info.rdns = cleanHostName(host);
  }
  return info;
}

/** A TCP port (1–65535), or null for anything else. */
function portNumber(text: string): number | null {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : 0;
  return port >= 1 && port <= 65535 ? port : null;
}

/** Trailing dot removed; "unknown" (no reverse DNS) and empty names are null. */
export function cleanHostName(name: string): string | null {
  const trimmed = name.replace(/\.$/, '');
  if (trimmed === '' || trimmed.toLowerCase() === 'unknown') return null;
  return trimmed;
}
