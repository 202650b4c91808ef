import { leadingNumber } from '../tls.js';
import type { Dialect } from './dialect.js';
import { findComment, mark } from './marks.js';

const AUTH = mark(/^AUTH: (\S+) ([^,\s\u0000-\u001f\u007f]+)(?:,\s*(?:TLS|SSL): (\S+))?/, 'A');
/** Courier's queue id, written after the date: "0000000000000022.0000000051729F94.00007F8D". */
const COURIER_ID = /^[0-9A-F]{16}\.[0-9A-F]{16}\.[0-9A-F]{8}$/i;
/** Its length: only an id this long is matched against the pattern. */
const COURIER_ID_LENGTH = 42;

/**
 * Courier: "from helo (rdns [ip]) (AUTH: LOGIN user, TLS: TLSv1/SSLv3,128bits,AES128-SHA)
 * by host with ESMTPSA; date id ID" — the id comes after the date.
 */
export const courier: Dialect = {
  name: 'courier',
  detect: (s, f) => findComment(s.first.from, AUTH) !== null || (f.id?.length === COURIER_ID_LENGTH && COURIER_ID.test(f.id)),
  apply: (s, f) => {
    const auth = findComment(s.first.from, AUTH);
    if (auth === null) return;
    f.authenticatedSender = auth.match[2] as string;
    const tls = auth.match[3];
    if (tls === undefined) return;
    const [version, bits, cipher] = tls.split(',');
    f.tls = { version: version ?? null, cipher: cipher ?? null, bits: leadingNumber(bits) };
  },
};
