import type { IpClass } from '../net/types.js';
import type { ReceivedFields } from '../received/types.js';

export interface Hop {
  /** Position in travel order: 0 is the oldest hop (the bottom Received: header). */
  index: number;
  /** Position among the message's Received: headers, 0 being the topmost. */
  headerIndex: number;
  received: ReceivedFields;
  /** Class of received.ip, null when the hop has no IP. */
  ipClass: IpClass | null;
  /** Seconds since the previous hop; null when either date is missing. */
  delaySeconds: number | null;
  /** "negative": this hop is dated before the previous one; "missing": no readable date. */
  clockIssue: 'negative' | 'missing' | null;
}

export interface OriginHop {
  hopIndex: number;
  ip: string;
  /** Plain-language reasons this hop was chosen, strongest first. */
  reasons: string[];
  /** How sure the choice is. "low" means the user should look at the route. */
  confidence: 'high' | 'medium' | 'low';
}

export interface Route {
  /** Oldest first. */
  hops: Hop[];
  /** Seconds from the first to the last dated hop; null with fewer than two dated hops. */
  totalTransitSeconds: number | null;
  origin: OriginHop | null;
  /** Why no origin was found, when origin is null. */
  originMissingReason: string | null;
}
