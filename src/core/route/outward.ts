import type { Hop } from './types.js';

/**
 * The route's hops from the origin outward, nearest first: the origin, then one hop newer and
 * one older at each distance (the newer first: the receiving side wrote it). Without an origin,
 * from the newest hop down, where the mailbox host wrote. Lazy and linear, so that a caller
 * taking the first few of a stuffed route's 10,000 hops pays for a few.
 */
export function* hopsOutward(hops: readonly Hop[], originIndex: number | null): Generator<Hop> {
  if (originIndex === null) {
    for (let i = hops.length - 1; i >= 0; i--) yield hops[i]!;
    return;
  }
  const origin = hops[originIndex];
  if (origin) yield origin;
  for (let d = 1; originIndex + d < hops.length || originIndex - d >= 0; d++) {
    const newer = hops[originIndex + d];
    const older = hops[originIndex - d];
    if (newer) yield newer;
    if (older) yield older;
  }
}
