import { canonicalName } from '../hostnames/canonical.js';
import type { HeaderField } from '../message/types.js';
import { providerOf, sideOf } from './domains.js';
import { receivedPositions } from './evidence.js';
import type { Route } from './types.js';

/** Whether a receiver's recorded verdict can be believed, and why, in words. */
export interface ResultsTrust {
  trusted: boolean;
  why: string;
}

/**
 * RFC 8601 §5 and §7.1: only the receiving side's own Authentication-Results (or Received-SPF)
 * say what it checked; any field below the hop into it was in the message when it arrived, and
 * anyone upstream, the sender included, could have written it with any authserv-id. So a field
 * is believed when its writer is one of the receiving side's servers (the by hosts from the
 * origin hop up, or their organisation) and it sits above the origin hop's Received field.
 * Microsoft 365 writes no authserv-id; such a field counts as the receiver's only when the
 * receiving side is Microsoft's.
 */
export function resultsTrust(writer: string | null, fieldIndex: number, route: Route, headers: readonly HeaderField[]): ResultsTrust {
  const origin = route.origin;
  if (origin === null) return { trusted: false, why: 'no hop into the receiving side was found, so no field is known to be its own' };
  const receiving = route.hops
    .slice(origin.hopIndex)
    .map((h) => h.received.by)
    .filter((by): by is string => by !== null);
  const id = canonicalName(writer ?? '');
  const match =
    id === ''
      ? receiving.some((by) => providerOf(by) === 'Microsoft')
      : receiving.some((by) => canonicalName(by) === id || (sideOf(by) !== null && sideOf(by) === sideOf(id)));
  const who = id === '' ? 'a server that gave no authserv-id' : id;
  if (!match)
    return {
      trusted: false,
      why: `written upstream, not trusted: ${who} is not a server of the receiving side (${[...new Set(receiving)].join(', ') || 'none named'})`,
    };
  const positions = receivedPositions(headers);
  const originHop = route.hops[origin.hopIndex]!;
  const originField = positions.length === route.hops.length ? positions[originHop.receivedIndex] : undefined;
  if (originField !== undefined && fieldIndex > originField) {
    return {
      trusted: false,
      why: `written upstream, not trusted: it names ${who}, but sits below the Received field of the hop into the receiving side, so it came with the message`,
    };
  }
  return { trusted: true, why: `written by ${who}, a server of the receiving side` };
}
