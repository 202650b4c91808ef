import type { TlsInfo } from '../../received/types.js';
import { versionName } from '../../received/tls.js';
import { secondOrigin } from '../../route/second-origin.js';
import type { Hop, OriginHop, Route } from '../../route/types.js';
import { formatUtc } from '../../text/date.js';
import { formatDuration } from '../../text/duration.js';

/** A hop's delay as formatDuration writes it; "" when unknown. */
export function formatDelay(seconds: number | null): string {
  return seconds === null ? '' : formatDuration(seconds);
}

/** "TLSv1.3 TLS_AES_256_GCM_SHA384 (256 bits)" from whatever parts the header gave. */
export function formatTls(tls: TlsInfo | null): string {
  if (!tls) return '';
  return [tls.version === null ? null : versionName(tls.version), tls.cipher, tls.bits === null ? null : `(${tls.bits} bits)`].filter((p) => p).join(' ');
}

/** Protocol word and TLS together, as one column shows them. */
export function formatProtocol(hop: Hop): string {
  return [hop.received.with, formatTls(hop.received.tls)].filter((p) => p).join(' · ');
}

/** ISO date as "2024-05-01 10:00:02 UTC"; the raw text when it could not be read. */
export function formatHopTime(hop: Hop): string {
  const { date, dateRaw } = hop.received;
  if (date) return formatUtc(date);
  return dateRaw ?? '';
}

/** Whether the user picked this hop as the sender ("Use as sender", --origin-hop) rather than the route. */
export function isChosenOrigin(origin: OriginHop): boolean {
  return origin.reasons.some((r) => r.kind === 'chosen');
}

/** "chosen by you" for a hop the user picked (the route's confidence does not apply), else "high confidence". */
export function originStanding(origin: OriginHop): string {
  return isChosenOrigin(origin) ? 'chosen by you' : `${origin.confidence} confidence`;
}

/**
 * The original sender of a forwarded or list message as one line, or null when there is none or
 * it is the sender already: "hop 1, 203.0.113.25 into mx.google.com". The address alone: the
 * names a Received header gives it are the sender's own choice or unverified.
 */
export function originalSenderText(route: Route): string | null {
  const first = secondOrigin(route);
  if (!first) return null;
  const hop = route.hops[first.hopIndex];
  return `hop ${first.hopIndex + 1}, ${first.ip} into ${hop?.received.by ?? 'an unnamed server'}, before the message was forwarded or sent on by a list (${first.confidence} confidence)`;
}
