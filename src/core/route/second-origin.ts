import type { OriginHop, Route } from './types.js';

/**
 * The original sender of a forward or list when it is not the sender already: the second origin,
 * whose hop HELO, SPF and MX also run on and every view names as the original sender. Null when
 * there is none, or when it was chosen as the sender.
 */
export function secondOrigin(route: Pick<Route, 'origin' | 'originalSender'>): OriginHop | null {
  const first = route.originalSender;
  return first && route.origin?.hopIndex !== first.hopIndex ? first : null;
}
