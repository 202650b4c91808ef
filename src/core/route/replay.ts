import { canonicalName } from '../hostnames/canonical.js';
import { normalizeIp } from '../net/ip.js';
import { sideOf } from './domains.js';
import { byName, clientName } from './hop-names.js';
import type { Hop, ReplayFinding } from './types.js';
import { duration } from './warnings.js';

/**
 * A queue holds a message for a few days at most before it bounces (RFC 5321 §4.5.4.1 suggests
 * 4–5), and retries keep the trace continuous; a day's gap where the trace also breaks is no
 * retry.
 */
const REPLAY_GAP_SECONDS = 24 * 3600;

const timeOf = (hop: Hop): number | null => {
  const t = hop.received.date === null ? Number.NaN : Date.parse(hop.received.date);
  return Number.isNaN(t) ? null : t / 1000;
};

/**
 * Whether the newer hop's client can be the server the older hop ends at: the same name or
 * address, or the same organisation. A hop that names no client (a local pick-up) and an older
 * hop without a by host say nothing against it.
 */
function connects(older: Hop, newer: Hop): boolean {
  const by = older.received.by === null ? null : canonicalName(older.received.by.replace(/^\[|\]$/g, ''));
  const names = [newer.received.helo, newer.received.rdns].filter((n): n is string => n !== null).map((n) => canonicalName(n.replace(/^\[|\]$/g, '')));
  if (by === null || (names.length === 0 && newer.received.ip === null)) return true;
  const byIp = normalizeIp(by) ?? (older.received.byIp === null ? null : normalizeIp(older.received.byIp));
  if (byIp !== null && (newer.received.ip === byIp || names.some((n) => normalizeIp(n) === byIp))) return true;
  if (names.includes(by)) return true;
  const side = sideOf(by);
  return side !== null && [clientName(newer)].concat(names).some((n) => n !== null && sideOf(n) === side);
}

/** The newest break in the trace that is also days old, or null when the trace is one delivery. */
export function findReplay(hops: readonly Hop[]): ReplayFinding | null {
  for (let i = hops.length - 1; i >= 1; i--) {
    const newer = hops[i]!;
    const older = hops[i - 1]!;
    const [tNew, tOld] = [timeOf(newer), timeOf(older)];
    if (tNew === null || tOld === null || tNew - tOld < REPLAY_GAP_SECONDS || connects(older, newer)) continue;
    const count = i === 1 ? 'The oldest Received line' : `The ${i} oldest Received lines`;
    const client = clientName(newer) ?? newer.received.ip ?? 'its client';
    return {
      newestCarried: i - 1,
      gapSeconds: tNew - tOld,
      text: `Older Received lines carried along: this message was re-sent (possible DKIM replay). ${count} (ending at ${byName(older)}) ${i === 1 ? 'is' : 'are'} ${duration(tNew - tOld)} older than the hop into ${byName(newer)}, and that hop's client ${client} is not the server they end at: they come from an earlier delivery, not from this message's way here. A DKIM signature that still passes proves only that the message was once signed, not that its signer sent it now.`,
    };
  }
  return null;
}
