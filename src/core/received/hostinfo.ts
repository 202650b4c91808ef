import { normalizeIp } from '../net/ip.js';
import { isCaseless } from './keywords.js';

/**
 * What a comment after "from" (or "by") says about the connection: the TCP-info of RFC 5321
 * §4.4 in the shapes MTAs write it:
 *   "rdns [ip]", "rdns. [ip]:port", "unknown [ip]", "user@rdns [ip]"   Postfix, Sendmail, Gmail
 *   "rdns[ip]"                                                          Postfix's log form
 *   "[ip]:port helo=name", "port=1234 helo=name", "[ip.port] helo=x"   Exim (older: port after a dot)
 *   "ip", "[ip]", "IPv6:ip", "ip:port", "[ip:port]"                    Exchange, MDaemon, XMail, Ecelerity
 *   "HELO name", "EHLO name", "LHLO name", "user@ip", "user@[ip]"      qmail, Yahoo, Haraka, LMTP, Sendmail 8.11
 *   "user@ip with plain"                                                Yahoo's old submission (AUTH user and mechanism)
 *   "account user HELO name", "[ip] verified"                           CommuniGate Pro
 *   "from rdns [ip]"                                                    anti-virus gateways
 */
export interface HostInfo {
  /** Name before the address; a placeholder ("unknown", "<unknown>", "softdnserr") gives null. */
  rdns: string | null;
  /** True when a name stood in the rdns place, a placeholder included. */
  rdnsWritten: boolean;
  ip: string | null;
  port: number | null;
  /** The greeting name; "" when the comment says the client greeted with an empty name. */
  helo: string | null;
  /** An address literal was written, even one that is not an IP ("[local]"). */
  literal: boolean;
  /** The SMTP AUTH identity the comment names ("account u@d", "user@ip with login"). */
  account: string | null;
}

/** Longer comments are not TCP-info; the cap keeps the parse of hostile input linear. */
const MAX_LENGTH = 600;

const GREETINGS = new Set(['helo', 'ehlo', 'lhlo']);
/** Words that qualify the address without naming anything (CommuniGate Pro's "[ip] verified"). */
const FLAGS = new Set(['verified']);

/**
 * "[ip]", "[ip]:port", "[ip:port]" and "[ip.port]" (old Exim), with the name glued in front
 * ("unknown[ip]"): where "[" and "]" are and the port after them, or null. The name holds no
 * bracket, the inside no "]"; after it only ":" and digits (none or too many: no port).
 */
function addressLiteral(word: string): { open: number; close: number; port: string | null } | null {
  const close = word.indexOf(']');
  if (close < 0) return null;
  const open = word.indexOf('[');
  if (open < 0 || open > close) return null;
  if (close === word.length - 1) return { open, close, port: null };
  if (word.charCodeAt(close + 1) !== 58) return null;
  for (let i = close + 2; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  // "[ip]:" and "[ip]:123456" still write the address; portNumber gives such a port as null.
  return { open, close, port: word.slice(close + 2) };
}

/** Whether a word starting with this character may be one of the keywords parseHostInfo knows. */
function mayBeKeyword(c: number): boolean {
  const lower = c | 32;
  return lower === 97 || lower === 101 || lower === 104 || lower === 108 || lower === 118 || lower === 119;
}
/**
 * An IPv4 address with a port after a colon or a dot. After a colon the digits may be missing
 * or too many ("192.0.2.1:", "192.0.2.1:123456"): the address is still written, the port is not
 * one. After a dot they must be there, or "192.0.2.1." would be read as an address.
 */
const V4_PORT = /^(\d{1,3}(?:\.\d{1,3}){3})(?::(\d*)|\.(\d+))$/;

export function parseHostInfo(text: string): HostInfo | null {
  if (text.length > MAX_LENGTH) return null;
  const info: HostInfo = { rdns: null, rdnsWritten: false, ip: null, port: null, helo: null, literal: false, account: null };
  const words = new Words(text);
  let recognised = false;
  let nameCandidate: string | null = null;
  /** Two different addresses in one TCP-info: which one connected is not said, so neither is given. */
  let conflict = false;
  let i = 0;
  // "(from rdns [ip])": anti-virus gateways write the TCP-info after the word "from".
  if (words.at(1) !== undefined && isCaseless(words.at(0) as string, 'from')) i = 1;
  for (let word = words.at(i); word !== undefined; word = words.at(++i)) {
    // ZMailer quotes the greeting: ([ip]:port "EHLO name" rhost-flags-…).
    const w = unquote(word);
    if (w === '') continue;
    // Only the short words below are keywords, and all start with a, e, h, l, v or w: lower-casing
    // every name would cost more than the rest.
    const lower = w.length <= 8 && mayBeKeyword(w.charCodeAt(0)) ? w.toLowerCase() : '';
    const eq = w.indexOf('=');
    if (eq > 0 && eq <= 5) {
      const key = w.slice(0, eq).toLowerCase();
      if (key === 'helo' || key === 'port' || key === 'ident') {
        const value = w.slice(eq + 1);
        if (key === 'helo') info.helo = value;
        if (key === 'port') info.port = portNumber(value);
        recognised = true;
        continue;
      }
    }
    if (lower !== '' && GREETINGS.has(lower)) {
      // qmail writes "(HELO )" for an empty greeting: a greeting without a name.
      const name = words.at(i + 1);
      // Quotes are ZMailer's around the whole greeting ("EHLO name"), or around nothing ("HELO \"\"").
      info.helo = name === undefined ? '' : unquote(name);
      i++;
      recognised = true;
      continue;
    }
    if (lower === 'account' && words.at(i + 1) !== undefined) {
      info.account = words.at(++i) as string;
      recognised = true;
      continue;
    }
    if (lower === 'with' && words.at(i + 1) !== undefined && info.ip !== null) {
      // "user@ip with plain": the mechanism the user authenticated with; the user is the account.
      i++;
      continue;
    }
    if (lower !== '' && FLAGS.has(lower) && (info.ip !== null || info.literal)) continue;
    // indexOf first: most words have no "@", and V8's lastIndexOf is several times slower.
    const at = w.indexOf('@') < 0 ? -1 : w.lastIndexOf('@');
    const host = at >= 0 ? w.slice(at + 1) : w;
    const literal = addressLiteral(host);
    if (literal !== null) {
      info.literal = true;
      const inside = host.slice(literal.open + 1, literal.close);
      const ip = normalizeIp(inside) ?? ipWithPort(inside, info);
      if (info.ip !== null && ip !== info.ip) conflict = true;
      info.ip = ip;
      if (literal.port !== null) info.port = portNumber(literal.port);
      recognised = true;
      if (at < 0 && literal.open > 0 && nameCandidate === null) nameCandidate = host.slice(0, literal.open);
      continue;
    }
    const bare = info.ip === null && (at < 0 || !w.includes('[')) ? (normalizeIp(host) ?? ipWithPort(host, info)) : null;
    if (bare !== null) {
      info.ip = bare;
      const next = at > 0 ? words.at(i + 1) : undefined;
      if (next !== undefined && isCaseless(next, 'with')) info.account = w.slice(0, at);
      recognised = true;
      continue;
    }
    if (nameCandidate === null && info.ip === null && !info.literal) nameCandidate = w;
    else if (!info.literal) return null;
  }
  if (!recognised) return null;
  if (conflict) {
    info.ip = null;
    info.port = null;
  }
  if (nameCandidate !== null) {
    if (!info.literal && info.ip === null) return null;
    const host = nameCandidate.includes('@') ? nameCandidate.slice(nameCandidate.lastIndexOf('@') + 1) : nameCandidate;
    info.rdnsWritten = true;
    info.rdns = cleanHostName(host);
  }
  return info;
}

/**
 * The words of a comment, split at white space and control characters as they are asked for:
 * a comment after "from" that is no TCP-info ("using TLSv1.3 with cipher …", "No client
 * certificate requested") is given up at its second word, and the rest need not be split.
 */
class Words {
  readonly #text: string;
  readonly #list: string[] = [];
  /** Where splitting goes on. */
  #next = 0;

  constructor(text: string) {
    this.#text = text;
  }

  /** The k-th word, or undefined past the last. */
  at(k: number): string | undefined {
    const text = this.#text;
    const n = text.length;
    while (this.#list.length <= k && this.#next < n) {
      let i = this.#next;
      // A control character ends a name as white space does (RFC 5322 §3.2.3: controls are not
      // atext), and what is glued to it up to the next white space is the rest of that broken
      // name, not a word of its own: "host\x1b.example.org [ip]" is the name "host" and an
      // address, as "from evil.example\0.example.org" is the word "evil.example" at top level.
      // An address literal glued on ("rdns\0[ip]") is still read. Nearly every break is a space:
      // the first character decides, and only a run that starts with a control is looked into.
      const first = text.charCodeAt(i);
      while (i < n && isBreak(text.charCodeAt(i))) i++;
      if (first !== 32 && first !== 9 && i > this.#next && i < n && this.#list.length > 0 && text.charCodeAt(i) !== 91 && controlsOnly(text, this.#next, i)) {
        while (i < n && !isBreak(text.charCodeAt(i))) i++;
        this.#next = i;
        continue;
      }
      const start = i;
      while (i < n && !isBreak(text.charCodeAt(i))) i++;
      this.#next = i;
      if (i > start) this.#list.push(text.slice(start, i));
    }
    return this.#list[k];
  }
}

function isBreak(c: number): boolean {
  return c <= 32 || c === 127;
}

/** Whether text[from, to), a run of breaks, holds no space or tab. */
function controlsOnly(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) return false;
  }
  return true;
}

function unquote(word: string): string {
  const from = word.charCodeAt(0) === 34 ? 1 : 0;
  const to = word.length > from && word.charCodeAt(word.length - 1) === 34 ? word.length - 1 : word.length;
  return from === 0 && to === word.length ? word : word.slice(from, to);
}

/** "192.0.2.1:2345" (XMail) and "192.0.2.1.2345": the address, with the port stored in info. */
function ipWithPort(text: string, info: HostInfo): string | null {
  const first = text.charCodeAt(0);
  if (first < 48 || first > 57) return null;
  const m = V4_PORT.exec(text);
  if (m === null) return null;
  const ip = normalizeIp(m[1] as string);
  if (ip !== null) info.port = portNumber(m[2] ?? (m[3] as string));
  return ip;
}

/** A TCP port (1–65535), or null for anything else. */
function portNumber(text: string): number | null {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : 0;
  return port >= 1 && port <= 65535 ? port : null;
}

/**
 * What MTAs write where a name would be when there is none: "unknown" (Postfix, qmail, in any
 * case), "<unknown>" (OpenSMTPD), "softdnserr" (Courier, a temporary DNS failure), "HELLO", and
 * the greeting verbs themselves ("from HELO (ip)"): a verb is no name (RFC 5321 §4.1.1.1, the
 * argument is a domain or an address literal).
 */
const PLACEHOLDERS = ['unknown', '<unknown>', '[unknown]', 'softdnserr', 'hello', 'helo', 'ehlo', 'lhlo'];

/**
 * Whether a name is one of the placeholders, in any case. Compared by character codes after a
 * length and first-letter test: this is asked of every from and by word, nearly all of them
 * real names that the first test turns away.
 */
export function isPlaceholder(name: string): boolean {
  const n = name.length;
  if (n < 4 || n > 10) return false;
  const first = name.charCodeAt(0) | 32;
  // u, <, [, s, h, e, l: the first characters of the placeholders (| 32 leaves "<" as it is and makes "[" a "{").
  if (first !== 117 && first !== 60 && first !== 123 && first !== 115 && first !== 104 && first !== 101 && first !== 108) return false;
  for (let i = 0; i < PLACEHOLDERS.length; i++) if (isCaseless(name, PLACEHOLDERS[i] as string)) return true;
  return false;
}

/** Trailing dot removed; placeholders and empty names are null. */
export function cleanHostName(name: string): string | null {
  const trimmed = name.endsWith('.') ? name.slice(0, -1) : name;
  if (trimmed === '' || isPlaceholder(trimmed)) return null;
  return trimmed;
}
