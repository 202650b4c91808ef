import type { TlsInfo } from './types.js';
import type { CommentToken } from './tokenize.js';

/** Longer comments are not TLS descriptions; the cap keeps the regexes on short strings. */
const MAX_LENGTH = 600;

const POSTFIX = /^using (\S+) with cipher (\S+)/;
const KEY_VALUE = /^(version|cipher)=/i;
const COLONS = /^((?:TLS|SSL)v?\d(?:[._]\d)?(?:\/SSLv\d)?)(?::([^:\s]+))?(?::(\d+))?(?::[^:\s]*)?$/i;

/**
 * TLS parameters from one comment, in the shapes several MTAs share:
 *   "using TLSv1.3 with cipher X (256/256 bits) …"              Postfix
 *   "version=TLSv1.3 cipher=X bits=256 verify=NO"              Sendmail, Gmail, Yahoo
 *   "version=TLS1_2, cipher=X"                                  Exchange, Microsoft 365
 *   "TLSv1.3:X:256:NO", "TLS1.2:X:256", "TLS1.3"                OpenSMTPD, Exim
 */
export function tlsFromComment(comment: CommentToken): TlsInfo | null {
  const own = comment.trimmed;
  if (own.length > MAX_LENGTH) return null;
  // Each shape below starts with its own letters, u(sing), v(ersion) or c(ipher), T(LS) or S(SL):
  // the first letter decides which one pattern to try.
  const first = own.charCodeAt(0) | 32;
  if (first === 117) {
    const postfix = POSTFIX.exec(own);
    if (postfix === null) return null;
    let bits: number | null = null;
    for (const child of comment.children) {
      const m = /^(\d+)\/\d+ bits$/.exec(child.trimmed);
      if (m !== null) {
        bits = Number(m[1]);
        break;
      }
    }
    return { version: postfix[1] as string, cipher: postfix[2] as string, bits };
  }
  if (first === 118 || first === 99) {
    if (!KEY_VALUE.test(own)) return null;
    const kv = new Map<string, string>();
    for (const part of own.split(/[\s,]+/)) {
      const eq = part.indexOf('=');
      if (eq > 0) kv.set(part.slice(0, eq).toLowerCase(), part.slice(eq + 1));
    }
    return { version: kv.get('version') ?? null, cipher: kv.get('cipher') ?? null, bits: leadingNumber(kv.get('bits')) };
  }
  if (first !== 116 && first !== 115) return null;
  const colon = COLONS.exec(own);
  return colon === null ? null : { version: colon[1] as string, cipher: colon[2] ?? null, bits: leadingNumber(colon[3]) };
}

/**
 * One spelling to show a protocol version in, OpenSSL's ("TLSv1.3", "SSLv3"), whichever an MTA
 * wrote: Exchange's "TLS1_2", Exim's "TLS1.3". Anything else is kept as written. The report data
 * keeps the header's own spelling; views and exports show this one.
 */
export function versionName(raw: string): string {
  const m = /^(TLS|SSL)v?(\d)(?:[._](\d))?$/i.exec(raw);
  if (m === null) return raw;
  const family = (m[1] as string).toUpperCase();
  return `${family}v${m[2]}${m[3] === undefined ? '' : `.${m[3]}`}`;
}

export function leadingNumber(text: string | undefined): number | null {
  const m = text === undefined ? null : /^(\d{1,6})/.exec(text);
  return m === null ? null : Number(m[1]);
}
