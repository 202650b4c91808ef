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
 * receiving side is Microsoft's. Returns the judge of one field by its writer and position.
 */
export function resultsTrust(route: Route, headers: readonly HeaderField[]): (writer: string | null, fieldIndex: number) => ResultsTrust {
  const origin = route.origin;
  if (origin === null) {
    const none: ResultsTrust = { trusted: false, why: 'no hop into the receiving side was found, so no field is known to be its own' };
    return () => none;
  }
  // Read once for all fields: a message may carry thousands, each judged against the same hops.
  const receiving = [
    ...new Set(
      route.hops
        .slice(origin.hopIndex)
        .map((h) => h.received.by)
        .filter((by): by is string => by !== null),
    ),
  ];
  const names = new Set(receiving.map(canonicalName));
  const sides = new Set(receiving.map(sideOf).filter((side) => side !== null));
  const microsoft = receiving.some((by) => providerOf(by) === 'Microsoft');
  const positions = receivedPositions(headers);
  const originHop = route.hops[origin.hopIndex]!;
  const originField = positions.length === route.hops.length ? positions[originHop.receivedIndex] : undefined;
  return (writer, fieldIndex) => {
    const id = canonicalName(writer ?? '');
    const side = id === '' ? null : sideOf(id);
    const match = id === '' ? microsoft : names.has(id) || (side !== null && sides.has(side));
    const who = id === '' ? 'a server that gave no authserv-id' : id;
    if (!match)
      return {
        trusted: false,
        why: `written upstream, not trusted: ${who} is not a server of the receiving side (${receiving.join(', ') || 'none named'})`,
      };
    if (originField !== undefined && fieldIndex > originField) {
      return {
        trusted: false,
        why: `written upstream, not trusted: it names ${who}, but sits below the Received field of the hop into the receiving side, so it came with the message`,
      };
    }
    return { trusted: true, why: `written by ${who}, a server of the receiving side` };
  };
}
