import { normalizeIp } from '../net/ip.js';
import type { ReceivedSpfClaim } from './types.js';
import { readPairs, tokenizeClaim } from './tokenize.js';

/** The SPF result words of RFC 7208 §2.6, plus RFC 4408's "error" spellings some MTAs still write. */
const RESULTS = new Set(['pass', 'fail', 'softfail', 'neutral', 'none', 'temperror', 'permerror', 'error', 'unknown']);

/** Placeholders that mean "not known" rather than a value (pypolicyd-spf writes receiver=<UNKNOWN>). */
const unknown = (value: string): boolean => /^<?unknown>?$/i.test(value);

/**
 * One Received-SPF value (RFC 7208 §9.1): the result word, an optional comment, then key=value
 * pairs. Also reads the Microsoft 365 form, whose pairs follow the comment without a ";" first.
 */
export function parseReceivedSpf(value: string, fieldIndex: number): ReceivedSpfClaim {
  const tokens = tokenizeClaim(value);
  const claim: ReceivedSpfClaim = {
    result: '',
    clientIp: null,
    envelopeFrom: null,
    helo: null,
    receiver: null,
    identity: null,
    mechanism: null,
    comment: null,
    fieldIndex,
  };
  const first = tokens[0];
  if (first?.kind === 'word' && tokens[1]?.kind !== '=' && RESULTS.has(first.text.toLowerCase())) {
    claim.result = first.text.toLowerCase();
    tokens.shift();
  }
  const { pairs, comments } = readPairs(tokens);
  claim.comment = comments[0] ?? null;
  for (const { key, value: v } of pairs) {
    if (v === null || v === '' || unknown(v)) continue;
    switch (key.toLowerCase()) {
      case 'client-ip':
        claim.clientIp ??= normalizeIp(v) ?? v;
        break;
      case 'envelope-from':
        claim.envelopeFrom ??= v.replace(/^<(.*)>$/, '$1');
        break;
      case 'helo':
        claim.helo ??= v;
        break;
      case 'receiver':
        claim.receiver ??= v;
        break;
      case 'identity':
        claim.identity ??= v;
        break;
      case 'mechanism':
        claim.mechanism ??= v;
        break;
    }
  }
  return claim;
}
