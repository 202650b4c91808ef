import type { Claims } from '../claims/types.js';
import type { MessageInfo } from '../message/types.js';
import { classifyIp } from '../net/ip.js';
import type { ReceivedFields } from '../received/types.js';
import { findOrigin } from './origin.js';
import type { Hop, Route } from './types.js';

/**
 * A hop's time to the whole second. Most MTAs write whole seconds and a few (SendGrid) write
 * fractions; compared as written, a fraction followed by a truncated time of the same second would
 * read as the clock going backwards.
 */
const timeOf = (hop: Hop): number | null => {
  if (hop.received.date === null) return null;
  const t = Date.parse(hop.received.date);
  return Number.isNaN(t) ? null : Math.floor(t / 1000) * 1000;
};

/**
 * The route in travel order with the delay of each hop against the previous dated one. Clock
 * trouble is flagged and left as it is: a negative delay is the finding, not something to clamp.
 */
export function buildRoute(received: readonly ReceivedFields[], message: MessageInfo, claims: Claims): Route {
  const hops: Hop[] = [];
  let previous: number | null = null;
  let first: number | null = null;
  let last: number | null = null;
  for (let i = received.length - 1; i >= 0; i--) {
    const fields = received[i]!;
    const hop: Hop = {
      index: hops.length,
      receivedIndex: i,
      received: fields,
      ipClass: fields.ip === null ? null : classifyIp(fields.ip),
      delaySeconds: null,
      clockIssue: null,
    };
    const time = timeOf(hop);
    if (time === null) {
      hop.clockIssue = 'missing';
    } else {
      if (previous !== null) {
        hop.delaySeconds = (time - previous) / 1000;
        if (hop.delaySeconds < 0) hop.clockIssue = 'negative';
      }
      previous = time;
      first ??= time;
      last = time;
    }
    hops.push(hop);
  }
  const dated = hops.filter((h) => h.clockIssue !== 'missing').length;
  return {
    hops,
    totalTransitSeconds: dated >= 2 && first !== null && last !== null ? (last - first) / 1000 : null,
    ...findOrigin(hops, message, claims),
  };
}
