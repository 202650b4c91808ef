import type { Hop } from './types.js';

/**
 * A wait this long between two hops is a stall worth a line: a queue, a greylisting retry (which
 * asks the sender to come back after minutes), or a server that was down. A normal hand-over
 * takes seconds.
 */
export const STALL_SECONDS = 10 * 60;

/** Whether the message waited at least STALL_SECONDS before this hop (clock skew aside). */
export function isStalled(hop: Hop): boolean {
  return hop.delaySeconds !== null && hop.clockIssue === null && hop.delaySeconds >= STALL_SECONDS;
}
